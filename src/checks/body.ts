// Parses a response body once for every check (memoized per response), with the safe XML
// options, and tells which naming a token body uses; unparseable bodies are body.schema's to
// report, so other checks simply do not apply to them.

import { mediaTypeEssence } from '../http/mediaType.ts';
import { isObject } from '../json/object.ts';
import type { NamingSetting } from '../config/config.ts';
import type { Naming, NamingVerdict, RecordedResponse } from '../findings/types.ts';
import type { NamingMap } from '../naming/namingMap.ts';
import { classifyJsonNaming, classifyXmlNaming } from '../naming/classify.ts';
import { hasDoctype, parseXmlDocument, type XmlElement } from '../xml/safeParse.ts';

export type ParsedBody =
  | { format: 'empty' }
  | { format: 'json'; value: unknown }
  | { format: 'xml'; root: XmlElement; declaration?: string }
  | { format: 'invalid'; claimed: 'json' | 'xml' | 'other'; reason: string };

const JSON_TYPES = ['application/json', 'text/json'];
const XML_TYPES = ['application/xml', 'text/xml'];
const DECLARATION = /^\uFEFF?\s*(<\?xml[^>]*\?>)/;
/** Characters XML 1.0 forbids anywhere; one of them makes a document not well-formed. */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isXmlMediaType(mediaType: string): boolean {
  return XML_TYPES.includes(mediaTypeEssence(mediaType));
}

export function isJsonMediaType(mediaType: string): boolean {
  return JSON_TYPES.includes(mediaTypeEssence(mediaType));
}

const cache = new WeakMap<RecordedResponse, ParsedBody>();

export function parseBody(response: RecordedResponse): ParsedBody {
  let parsed = cache.get(response);
  if (!parsed) {
    parsed = parse(response);
    cache.set(response, parsed);
  }
  return parsed;
}

function claimedFormat(response: RecordedResponse): 'json' | 'xml' | 'other' {
  const essence = mediaTypeEssence(response.headers['content-type']);
  if (isJsonMediaType(essence)) return 'json';
  if (isXmlMediaType(essence)) return 'xml';
  // trimStart drops a byte order mark too: U+FEFF is white space to JavaScript.
  const first = response.body.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : first === '<' ? 'xml' : 'other';
}

function parse(response: RecordedResponse): ParsedBody {
  // A body cut at the cap is incomplete whatever its first megabyte holds, even only whitespace.
  if (response.truncated) return { format: 'invalid', claimed: claimedFormat(response), reason: 'the body was cut at MAX_RESPONSE_BYTES' };
  if (response.body.trim() === '') return { format: 'empty' };
  const claimed = claimedFormat(response);
  if (claimed === 'json') {
    try {
      return { format: 'json', value: JSON.parse(response.body.replace(/^\uFEFF/, '')) };
    } catch (error) {
      return { format: 'invalid', claimed, reason: `malformed JSON (${(error as Error).message})` };
    }
  }
  if (claimed === 'xml') {
    if (hasDoctype(response.body)) return { format: 'invalid', claimed, reason: 'the XML carries a DOCTYPE or entity declaration' };
    const bad = NOT_XML_CHAR.exec(response.body);
    if (bad) return { format: 'invalid', claimed, reason: `malformed XML (U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0)` };
    try {
      const declaration = DECLARATION.exec(response.body)?.[1];
      return { format: 'xml', root: parseXmlDocument(response.body), ...(declaration ? { declaration } : {}) };
    } catch (error) {
      return { format: 'invalid', claimed, reason: `malformed XML (${(error as Error).message})` };
    }
  }
  return { format: 'invalid', claimed, reason: `a body that is neither JSON nor XML (Content-Type ${response.headers['content-type'] ?? 'none'})` };
}

/** The body's JSON object, or undefined when it is no JSON object (an array, a string, XML, nothing). */
export function jsonObject(parsed: ParsedBody): Record<string, unknown> | undefined {
  switch (parsed.format) {
    case 'json': return isObject(parsed.value) ? parsed.value : undefined;
    default: return undefined;
  }
}

/** The naming a parsed token body uses, or undefined when it is no JSON object or XML document (or the endpoint no token endpoint). */
export function tokenNaming(parsed: ParsedBody, wire: NamingMap | undefined): NamingVerdict | undefined {
  if (!wire) return undefined;
  const object = jsonObject(parsed);
  if (object) return classifyJsonNaming(object, wire);
  if (parsed.format === 'xml') return classifyXmlNaming(parsed.root.children.map((c) => c.localName), wire);
  return undefined;
}

/** Which of the two namings a verdict belongs to (DataContractJson and OWIN are variants). */
export function namingFamily(verdict: NamingVerdict | undefined): Naming | undefined {
  if (verdict === 'backing-field' || verdict === 'datacontract-json') return 'backing-field';
  if (verdict === 'documented' || verdict === 'owin') return 'documented';
  return undefined;
}

/** The naming a body is judged in when it shows none of its own: the configured one, else the doc samples' (backing fields). */
export function presumedNaming(setting: NamingSetting): Naming {
  return setting === 'auto' ? 'backing-field' : setting;
}

/** The schema a token body is validated against: its own naming, else the presumed one. */
export function schemaNaming(parsed: ParsedBody, setting: NamingSetting, wire: NamingMap | undefined): Naming {
  return namingFamily(tokenNaming(parsed, wire)) ?? presumedNaming(setting);
}

/** The kind of body a response should carry: a token on 200, a Web API error otherwise. */
export function bodyKind(response: RecordedResponse): 'response' | 'error' | undefined {
  if (response.status === 200) return 'response';
  return response.status >= 400 ? 'error' : undefined;
}
