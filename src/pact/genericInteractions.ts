// The interactions of an endpoint whose role the suite cannot tell: what needs no live state.
// Its page's own request sample answered 200 with its response sample (per format the page
// shows both in), and, where the page marks a top-level member Required, that member left out
// answered 400. A path with a URI parameter the page does not describe (left unfilled), or a
// format the page shows no sample in, yields no interaction; the reason is kept so the run can say it.

import type { Sample } from '../doc/apiModel.ts';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import { parseXmlDocument } from '../xml/safeParse.ts';
import type { WireFormat } from './client.ts';
import type { CaseShape } from './interactions.ts';
import { STATES } from './providerStates.ts';

export type Direction = 'request' | 'response';

const FORMAT_LABEL: Record<WireFormat, string> = { json: 'JSON', xml: 'XML' };

/** The page's sample of a body in one format, or undefined. */
export function sampleOf(endpoint: TestedEndpoint, direction: Direction, format: WireFormat): Sample | undefined {
  return endpoint.api[direction]?.samples.find((s) => s.format === format);
}

/** The top-level members the page marks Required in the request body. */
export function requiredRequestMembers(endpoint: TestedEndpoint): string[] {
  const type = endpoint.api.request?.type;
  const definition = type?.kind === 'named' ? endpoint.api.types.get(type.name) : undefined;
  return definition?.kind === 'complex' ? definition.members.filter((m) => m.annotations.required).map((m) => m.name) : [];
}

/**
 * The XML element that carries a JSON member in the page's samples: the one whose text is the
 * JSON sample's value (the generator numbers its sample values, so they are unique).
 */
export function xmlElementOf(endpoint: TestedEndpoint, member: string): string | undefined {
  const json = sampleOf(endpoint, 'request', 'json');
  const xml = sampleOf(endpoint, 'request', 'xml');
  if (!json || !xml) return undefined;
  const value = (JSON.parse(json.text) as Record<string, unknown>)[member];
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  return parseXmlDocument(xml.text).children.find((c) => c.text === String(value))?.localName;
}

export interface GenericCases {
  shapes: (CaseShape & { format: WireFormat })[];
  omitted: string[];
}

export function genericCases(endpoint: TestedEndpoint, formats: readonly WireFormat[]): GenericCases {
  const parameters = endpoint.path.match(/\{[^}]+\}/g);
  if (parameters) return { shapes: [], omitted: [`its path takes URI parameters (${parameters.join(', ')}) the page gives no value for`] };
  const shapes: GenericCases['shapes'] = [];
  const omitted: string[] = [];
  const required = requiredRequestMembers(endpoint)[0];
  for (const format of formats) {
    const lacking = (['request', 'response'] as const).filter((d) => endpoint.api[d] && !sampleOf(endpoint, d, format));
    if (lacking.length > 0) {
      omitted.push(`the page shows no ${FORMAT_LABEL[format]} ${lacking.join(' or ')} sample`);
      continue;
    }
    const request = { values: {}, consumerValues: {} };
    shapes.push({ key: 'sample', what: "as the page's sample", format, state: STATES.sampleData, request, response: { status: 200, body: endpoint.api.response ? 'sample' : 'none' } });
    if (required === undefined) continue;
    if (format === 'xml' && !xmlElementOf(endpoint, required)) {
      omitted.push(`the XML request sample has no element that carries the Required ${required}`);
      continue;
    }
    shapes.push({ key: `no-${required.toLowerCase()}`, what: `without ${required}`, format, state: STATES.serviceUp, request: { ...request, omit: required }, response: { status: 400, body: 'error' } });
  }
  return { shapes, omitted };
}
