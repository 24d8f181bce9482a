// Web API's default content negotiation: the JSON formatter (application/json, text/json)
// comes before the XML one (application/xml, text/xml). Accept picks by q-value, then by how
// specific the matching range is, ties going to the earlier formatter; with no usable Accept
// the request's Content-Type decides, then JSON. Never 406. The chosen type is echoed with
// a charset: both formatters support utf-8 and utf-16 (in that order), Accept-Charset picks by
// q-value (ties in header order, `*` the first), else the request body's charset when supported,
// else utf-8. Form bodies are read (where the endpoint's page lists the form formatters) but
// never written. The negotiation faults are injected here.

import { mediaTypeEssence } from '../http/mediaType.ts';
import type { ActiveFaults } from './faults.ts';

export type WireFormat = 'json' | 'xml';

/** The formatters' supported encodings, in order: .NET's UTF8Encoding and UnicodeEncoding (UTF-16LE). */
const CHARSETS = ['utf-8', 'utf-16'] as const;
type Charset = (typeof CHARSETS)[number];

export interface Negotiated {
  format: WireFormat;
  /** The media type the response's Content-Type names (without parameters). */
  mediaType: string;
  charset: Charset;
}

type Writer = Omit<Negotiated, 'charset'>;

/** The request headers negotiation reads. */
interface NegotiationHeaders {
  accept?: string;
  'accept-charset'?: string;
  'content-type'?: string;
}

const WRITERS: readonly Writer[] = [
  { mediaType: 'application/json', format: 'json' },
  { mediaType: 'text/json', format: 'json' },
  { mediaType: 'application/xml', format: 'xml' },
  { mediaType: 'text/xml', format: 'xml' },
];

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

/** The JSON or XML formatter that reads a body of this media type (and writes it, for negotiation). */
export function readerFor(contentType: string | undefined): Writer | undefined {
  const essence = mediaTypeEssence(contentType);
  return WRITERS.find((w) => w.mediaType === essence);
}

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
/** How a request body is read: JSON, XML, or form data (read-only formatters: never a response format). */
export type BodyFormat = WireFormat | 'form';

/** The format a request body is read with, or undefined when no formatter reads it (415). */
export function bodyFormat(contentType: string | undefined, readsForm: boolean): BodyFormat | undefined {
  return readerFor(contentType)?.format ?? (readsForm && mediaTypeEssence(contentType) === FORM_MEDIA_TYPE ? 'form' : undefined);
}

export function negotiate(headers: NegotiationHeaders, faults: ActiveFaults): Negotiated {
  return { ...writerFor(headers, faults), charset: faults.has('charset-ignored') ? CHARSETS[0] : charsetFor(headers) };
}

function writerFor(headers: NegotiationHeaders, faults: ActiveFaults): Writer {
  const chosen = byAccept(headers.accept) ?? readerFor(headers['content-type']) ?? WRITERS[0]!;
  if (faults.has('xml-asked-json-given') && chosen.format === 'xml') return WRITERS[0]!;
  if (faults.has('text-json-as-application-json') && chosen.mediaType === 'text/json') return WRITERS[0]!;
  return chosen;
}

function charsetFor(headers: NegotiationHeaders): Charset {
  const wanted = (headers['accept-charset'] ?? '').split(',').map((part, position) => {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    return { name: name ?? '', q: qParam === undefined ? 1 : Number(qParam.slice(2)), position };
  }).filter((w) => w.name !== '' && w.q > 0).sort((a, b) => b.q - a.q || a.position - b.position);
  for (const { name } of wanted) {
    if (name === '*') return CHARSETS[0];
    const supported = CHARSETS.find((c) => c === name);
    if (supported) return supported;
  }
  return requestCharset(headers['content-type']) ?? CHARSETS[0];
}

/** The request body's declared charset when a formatter supports it. */
export function requestCharset(contentType: string | undefined): Charset | undefined {
  const declared = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  return CHARSETS.find((c) => c === declared);
}

export function contentTypeHeader(negotiated: Negotiated, faults: ActiveFaults): string {
  return faults.has('no-charset') ? negotiated.mediaType : `${negotiated.mediaType}; charset=${negotiated.charset}`;
}

function byAccept(accept: string | undefined): Writer | undefined {
  const ranges = parseAccept(accept ?? '');
  let best: { writer: Writer; q: number; specificity: number } | undefined;
  for (const writer of WRITERS) {
    const [type, subtype] = writer.mediaType.split('/');
    const match = ranges
      .filter((r) => (r.type === '*' || r.type === type) && (r.subtype === '*' || r.subtype === subtype))
      .map((r) => ({ q: r.q, specificity: r.type === '*' ? 0 : r.subtype === '*' ? 1 : 2 }))
      .sort((a, b) => b.specificity - a.specificity)[0];
    if (!match || match.q <= 0) continue;
    if (!best || match.q > best.q || (match.q === best.q && match.specificity > best.specificity)) best = { writer, ...match };
  }
  return best?.writer;
}

function parseAccept(accept: string): MediaRange[] {
  return accept.split(',').flatMap((part) => {
    const [range, ...params] = part.split(';');
    const [type, subtype, extra] = (range ?? '').trim().toLowerCase().split('/');
    if (!type || !subtype || extra !== undefined) return [];
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return Number.isFinite(q) ? [{ type, subtype, q: Math.min(1, Math.max(0, q)) }] : [];
  });
}
