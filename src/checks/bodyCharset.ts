// body.charset: a body is text in the charset its Content-Type names (with none named: the one
// its byte order mark shows, else utf-8); bytes that are not (ISO-8859-1 sent as utf-8, a UTF-8 byte order mark on a utf-16
// body, an odd byte count in utf-16) are a finding of their own, before any JSON or XML check
// reads the text (which they do with replacement characters where the bytes were wrong).

import type { Check } from './check.ts';
import { fail, pass } from './outcome.ts';

export const bodyCharset: Check = {
  id: 'body.charset',
  title: 'The body decodes in the charset its Content-Type names',
  rule: 'RFC 9110 §8.3.2 (charset parameter); RFC 8259 §8.1 (JSON text encoding); XML 1.0 §4.3.3 (character encoding)',
  level: 'MUST',
  run(exchange) {
    const response = exchange.response;
    // A body cut at the cap or by the target may end inside a character: body.schema reports the cut.
    if (!response || response.truncated || exchange.transportError || (response.body === '' && !response.undecodable)) return [];
    const charset = response.charset ?? 'utf-8';
    if (!response.undecodable) return [pass(`text in ${charset}`)];
    return [fail(`body not valid ${charset}`, response.undecodable, `text in ${charset}, the charset the Content-Type names (with none named: its byte order mark's, else utf-8)`)];
  },
};
