// headers.no-store: a response carrying tokens must not be cached by any intermediary.

import type { Check } from './check.ts';
import { fail, pass } from './outcome.ts';

export const headersNoStore: Check = {
  id: 'headers.no-store',
  title: 'Cache-Control: no-store on token responses',
  rule: 'RFC 6749 §5.1',
  level: 'SHOULD',
  run(exchange) {
    const response = exchange.response;
    if (response?.status !== 200) return [];
    const cacheControl = response.headers['cache-control'];
    const directives = (cacheControl ?? '').split(',').map((d) => d.trim().toLowerCase());
    return directives.includes('no-store') ? [pass(`Cache-Control: ${cacheControl}`)]
      : [fail('token response may be cached', cacheControl === undefined ? 'no Cache-Control header' : `Cache-Control: ${cacheControl}`, 'Cache-Control: no-store')];
  },
};
