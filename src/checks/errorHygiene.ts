// errors.no-details and errors.no-token-echo: an error body tells the client what went wrong
// and nothing more: no exception type, message or stack trace (Web API's error detail), and
// never the token it refused (it would land in client logs).

import { encodedForms } from '../redaction/leakScan.ts';
import { tokenShape } from '../redaction/redactor.ts';
import type { Check } from './check.ts';
import { fail, pass } from './outcome.ts';

/** Web API's HttpError detail members (JSON keys and XML element names alike). */
const DETAIL_MEMBERS = ['ExceptionMessage', 'ExceptionType', 'StackTrace', 'InnerException'];
const TEXT_SIGNS: { what: string; pattern: RegExp }[] = [
  // A frame starts a line, a JSON string or an XML element's text.
  { what: 'a stack frame', pattern: /(^|\\r\\n|\\n|[\r\n"]|>)\s*at [\w.`<>$\[\]]+\.[\w<>`$]+\(/ },
  { what: 'a source file and line', pattern: /\.(cs|vb|java|js|ts):line \d+/i },
  { what: 'an exception type', pattern: /\b[A-Z]\w*(\.[A-Z]\w*)+Exception\b/ },
];

export const errorsNoDetails: Check = {
  id: 'errors.no-details',
  title: 'No stack trace, exception type or internal message in error bodies',
  rule: 'OWASP ASVS 16.5.1 / OWASP API8:2023 (security misconfiguration: verbose errors)',
  level: 'MUST',
  run(exchange) {
    const response = exchange.response;
    if (!response || response.status < 400 || response.body === '') return [];
    const body = response.body;
    const members = DETAIL_MEMBERS.filter((m) => new RegExp(`"${m}"\\s*:|<(\\w+:)?${m}[\\s>/]`).test(body));
    const signs = TEXT_SIGNS.filter((s) => s.pattern.test(body)).map((s) => s.what);
    if (members.length === 0 && signs.length === 0) return [pass('no internal details in the error body')];
    const received = [...members.map((m) => `member ${m}`), ...signs].join(', ');
    return [fail(`error ${response.status} reveals internals`, received, 'a generic Message only (IncludeErrorDetailPolicy.LocalOnly or Never)')];
  },
};

const MIN_TOKEN_LENGTH = 8;

export const errorsNoTokenEcho: Check = {
  id: 'errors.no-token-echo',
  title: 'No token value in error responses',
  rule: 'OWASP ASVS 16.2.5 (no credentials in logs and errors); RFC 6749 §10.3, §10.4',
  level: 'MUST',
  run(exchange) {
    const response = exchange.response;
    if (!response || response.status < 400) return [];
    const sent = [exchange.sentToken, exchange.sentPassword].filter((t): t is string => t !== undefined);
    const tokens = [...new Set([...exchange.secrets, ...sent])].filter((t) => t.length >= MIN_TOKEN_LENGTH);
    const text = `${Object.values(response.headers).join('\n')}\n${response.body}`;
    const echoed = tokens.filter((t) => encodedForms(t).some(([, form]) => text.includes(form)));
    if (echoed.length === 0) return [pass('no token echoed')];
    return [fail(`error ${response.status} echoes a token`, `the error response quotes ${echoed.map(tokenShape).join(', ')}`, 'no token value in any error response')];
  },
};
