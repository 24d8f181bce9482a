// status.documented: each documented case gets the status the doc lists for it (200, 400,
// 401, 500), or 415 for a media type no formatter reads (Web API's behaviour).

import type { Check } from './check.ts';
import { noResponse } from './check.ts';
import { fail, pass } from './outcome.ts';

export const statusDocumented: Check = {
  id: 'status.documented',
  title: 'The documented status code for the case',
  rule: 'Help Page "Response Codes" (200, 400, 401, 500); Web API 415 for an unsupported media type',
  level: 'MUST',
  roles: ['documented', 'server-error'],
  run(exchange) {
    const { oneOf } = exchange.expect;
    const want = oneOf ? `one of ${oneOf.join(', ')}` : `${exchange.expect.status}`;
    if (!exchange.response) return [fail(`no response, expected ${want}`, noResponse(exchange), `status ${want}`)];
    const got = exchange.response.status;
    const documented = oneOf ? oneOf.includes(got) : got === exchange.expect.status;
    // Where the doc leaves the choice open, the finding says which one the server made.
    if (documented) return [pass(oneOf ? `status ${got} (${want}: the doc does not say which)` : `status ${got}`)];
    return [fail(`status ${got}, expected ${want}`, `status ${got}`, `status ${want}`)];
  },
};
