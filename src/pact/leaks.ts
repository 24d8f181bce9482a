// The contract is published and committed, so it may carry synthetic examples only. This scan
// reports every body or header value the schema-derived templates would not produce, anything
// shaped like a token (a JWT, or a long unbroken run of token characters), and any live
// secret the process has seen. Findings show a value's shape, never the value.

import type { Naming } from '../findings/types.ts';
import { knownSecrets, tokenShape } from '../redaction/redactor.ts';
import { parseXmlDocument, type XmlElement } from '../xml/safeParse.ts';
import type { PactFile } from './contractFile.ts';
import type { InteractionCase } from './interactions.ts';
import { requestTemplate, responseTemplate } from './templates.ts';

export interface ContractLeak {
  where: string;
  reason: 'live secret' | 'looks like a token' | 'not a synthetic example';
  /** The value's shape (length, prefix, hash). */
  value: string;
}

const TOKEN_LIKE = [/eyJ[\w-]{8,}\.[\w-]{8,}/, /^[A-Za-z0-9+/_=.-]{20,}$/];
const NAMINGS: readonly Naming[] = ['backing-field', 'documented'];

/** `cases`: the interactions the contract was recorded from; their templates are what it may hold. */
export function contractLeaks(pact: PactFile, text: string, cases: readonly InteractionCase[]): ContractLeak[] {
  const leaks: ContractLeak[] = knownSecrets().filter((s) => text.includes(s)).map((s) => ({ where: 'contract', reason: 'live secret', value: tokenShape(s) }));
  const allowed = syntheticValues(cases);
  for (const interaction of pact.interactions) {
    for (const part of ['request', 'response'] as const) {
      const where = `${interaction.description} / ${part}`;
      // A template's own value is an example from the doc (a page may show a token-shaped sample).
      for (const value of bodyValues(interaction[part].body?.content).filter((v) => !allowed.has(v))) {
        leaks.push({ where, reason: TOKEN_LIKE.some((p) => p.test(value)) ? 'looks like a token' : 'not a synthetic example', value: tokenShape(value) });
      }
      const headers = (interaction[part] as { headers?: Record<string, string[]> }).headers ?? {};
      for (const value of Object.values(headers).flat()) {
        if (TOKEN_LIKE.some((p) => p.test(value))) leaks.push({ where: `${where} headers`, reason: 'looks like a token', value: tokenShape(value) });
      }
    }
  }
  return leaks;
}

/** Every value a template body holds, for any of the interactions in either naming. */
function syntheticValues(cases: readonly InteractionCase[]): Set<string> {
  const texts = cases.flatMap((c) => [requestTemplate(c).text, ...NAMINGS.map((n) => responseTemplate(c, n)?.text ?? '')]).filter((t) => t !== '');
  return new Set(texts.flatMap((t) => bodyValues(t.startsWith('<') ? t : JSON.parse(t))));
}

/** Scalar values of a JSON body, or element texts and attribute values of an XML one. */
function bodyValues(content: unknown): string[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string' && content.trimStart().startsWith('<')) return xmlValues(parseXmlDocument(content));
  if (typeof content === 'object') return Object.values(content as Record<string, unknown>).flatMap(bodyValues);
  return [String(content)];
}

function xmlValues(element: XmlElement): string[] {
  return [element.text, ...Object.values(element.attributes), ...element.children.flatMap(xmlValues)].filter((v) => v.trim() !== '');
}
