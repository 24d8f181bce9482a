// input.no-server-error and response.time: no request, however hostile or malformed, may
// crash the server (500) or hang it; and each answer comes within the advisory time budget.

import type { Check } from './check.ts';
import { noResponse } from './check.ts';
import { fail, pass } from './outcome.ts';

export const inputNoServerError: Check = {
  id: 'input.no-server-error',
  title: 'No hostile or malformed request gets a 500 or hangs',
  rule: 'OWASP ASVS 1.5 / 16.5.3 (input handling fails safely); Help Page 500 is for server faults only',
  level: 'MUST',
  roles: ['documented', 'hostile', 'replay', 'after-replay', 'expired'],
  run(exchange) {
    if (!exchange.response) return [fail('no answer', noResponse(exchange), 'a 4xx or 2xx response within REQUEST_TIMEOUT_MS')];
    const status = exchange.response.status;
    return status >= 500 ? [fail(`server error ${status}`, `status ${status}`, 'a 4xx status (the request is the client\'s fault)')] : [pass(`status ${status}, no server error`)];
  },
};

export const responseTime: Check = {
  id: 'response.time',
  title: 'Each response within the time budget',
  rule: 'RESPONSE_TIME_BUDGET_MS (advisory service level)',
  level: 'SHOULD',
  run(exchange, ctx) {
    const response = exchange.response;
    if (!response) return [];
    return response.elapsedMs <= ctx.responseTimeBudgetMs ? [pass(`${response.elapsedMs} ms`)]
      : [fail(`${response.elapsedMs} ms, over budget`, `${response.elapsedMs} ms`, `at most ${ctx.responseTimeBudgetMs} ms (RESPONSE_TIME_BUDGET_MS)`)];
  },
};
