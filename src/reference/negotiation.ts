// Web API's default content negotiation: the JSON formatter (application/json, text/json)
// comes before the XML one (application/xml, text/xml). Accept picks by q-value, then by how
// specific the matching range is, ties going to the earlier formatter; with no usable Accept
// the request's Content-Type decides, then JSON. Never 406. The chosen type is echoed with
// a charset. The negotiation faults are injected here.

import type { ActiveFaults } from './faults.ts';

export type WireFormat = 'json' | 'xml';

export interface Negotiated {
  format: WireFormat;
  /** The media type the response's Content-Type names (without parameters). */
  mediaType: string;
}

const WRITERS: readonly Negotiated[] = [
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

/** The format a request body is read with, or undefined when no formatter reads it (415). */
export function readerFor(contentType: string | undefined): Negotiated | undefined {
  const essence = mediaTypeEssence(contentType);
  return WRITERS.find((w) => w.mediaType === essence);
}

export function negotiate(accept: string | undefined, contentType: string | undefined, faults: ActiveFaults): Negotiated {
  const chosen = byAccept(accept) ?? readerFor(contentType) ?? WRITERS[0]!;
  if (faults.has('xml-asked-json-given') && chosen.format === 'xml') return WRITERS[0]!;
  if (faults.has('text-json-as-application-json') && chosen.mediaType === 'text/json') return WRITERS[0]!;
  return chosen;
}

export function contentTypeHeader(negotiated: Negotiated, faults: ActiveFaults): string {
  return faults.has('no-charset') ? negotiated.mediaType : `${negotiated.mediaType}; charset=utf-8`;
}

function byAccept(accept: string | undefined): Negotiated | undefined {
  const ranges = parseAccept(accept ?? '');
  let best: { writer: Negotiated; q: number; specificity: number } | undefined;
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

function mediaTypeEssence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}
