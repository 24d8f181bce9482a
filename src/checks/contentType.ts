// content-type.negotiated: Web API echoes the media type Accept chose (text/json stays
// text/json, text/xml stays text/xml) with the charset it negotiated, for token and error
// bodies alike. Its formatters support utf-8 and utf-16: Accept-Charset picks by q (ties in
// header order, `*` the first), else the request body's charset when supported, else utf-8.

import { charsetOf } from '../http/charset.ts';
import type { RecordedRequest } from '../findings/types.ts';
import type { Check } from './check.ts';
import { mediaTypeEssence } from '../http/mediaType.ts';
import { isJsonMediaType, isXmlMediaType } from './body.ts';
import { fail, pass } from './outcome.ts';

const SUPPORTED = ['utf-8', 'utf-16'];
/** Labels that name the same encoding as a supported one (UTF-16 in either byte order is utf-16 to a reader with a BOM). */
const SAME_AS: Record<string, readonly string[]> = { 'utf-8': ['utf-8', 'utf8'], 'utf-16': ['utf-16', 'utf-16le', 'utf-16be'] };

/** The charset the request negotiates, and why. */
export function negotiatedCharset(request: RecordedRequest): { charset: string; because: string } {
  const header = request.headers['accept-charset'];
  // Array sort is stable: charsets of equal weight keep their header order.
  const ranked = (header ?? '').split(',').map((part) => {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => /^q\s*=/.test(p));
    return { name: name!, weight: q === undefined ? 1 : Number(q.split('=')[1]) };
  }).filter((r) => r.weight > 0).sort((a, b) => b.weight - a.weight);
  const accepted = ranked.map((r) => (r.name === '*' ? SUPPORTED[0]! : r.name)).find((name) => SUPPORTED.includes(name));
  if (accepted) return { charset: accepted, because: `Accept-Charset: ${header}` };
  const sent = charsetOf(request.headers['content-type']);
  if (sent && SUPPORTED.includes(sent)) return { charset: sent, because: `the request body's charset=${sent}` };
  return { charset: SUPPORTED[0]!, because: header ? `no supported charset in Accept-Charset: ${header}` : 'no Accept-Charset, no supported request charset' };
}

export const contentTypeNegotiated: Check = {
  id: 'content-type.negotiated',
  title: 'The negotiated media type and charset',
  rule: 'Help Page "Response Formats"; ASP.NET Web API content negotiation (Accept picks the formatter; Accept-Charset, else the request\'s charset, else utf-8)',
  level: 'MUST',
  run(exchange) {
    const response = exchange.response;
    const asked = exchange.mediaType;
    if (!response || response.body === '' || !(isJsonMediaType(asked) || isXmlMediaType(asked))) return [];
    const header = response.headers['content-type'];
    const { charset, because } = negotiatedCharset(exchange.request);
    const expected = `${asked}; charset=${charset}`;
    if (header === undefined) return [fail('no Content-Type', 'no Content-Type header', expected)];
    if (mediaTypeEssence(header) !== asked) return [fail(`${mediaTypeEssence(header)} instead of ${asked}`, `Content-Type ${header}`, `${expected} (the Accept media type)`)];
    const got = charsetOf(header);
    if (!got || !SAME_AS[charset]!.includes(got)) return [fail(got ? `charset=${got} instead of ${charset}` : `no charset, expected ${charset}`, `Content-Type ${header}`, `${expected} (${because})`)];
    return [pass(`Content-Type ${header}`)];
  },
};
