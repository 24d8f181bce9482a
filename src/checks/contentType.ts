// content-type.negotiated: Web API echoes the media type Accept chose (text/json stays
// text/json, text/xml stays text/xml) with "; charset=utf-8", for token and error bodies alike.

import type { Check } from './check.ts';
import { isJsonMediaType, isXmlMediaType, mediaTypeEssence } from './body.ts';
import { fail, pass } from './outcome.ts';

export const contentTypeNegotiated: Check = {
  id: 'content-type.negotiated',
  title: 'The negotiated media type with a charset',
  rule: 'Help Page "Response Formats"; ASP.NET Web API content negotiation (Accept picks the formatter, charset=utf-8)',
  level: 'MUST',
  run(exchange) {
    const response = exchange.response;
    const asked = exchange.mediaType;
    if (!response || response.body === '' || !(isJsonMediaType(asked) || isXmlMediaType(asked))) return [];
    const header = response.headers['content-type'];
    const expected = `${asked}; charset=utf-8`;
    if (header === undefined) return [fail('no Content-Type', 'no Content-Type header', expected)];
    if (mediaTypeEssence(header) !== asked) return [fail(`${mediaTypeEssence(header)} instead of ${asked}`, `Content-Type ${header}`, `${expected} (the Accept media type)`)];
    const charset = /;\s*charset\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.toLowerCase();
    if (charset !== 'utf-8') return [fail('no utf-8 charset', `Content-Type ${header}`, expected)];
    return [pass(`Content-Type ${header}`)];
  },
};
