// input.no-server-error and response.time: no request, however hostile or malformed, may
// crash the server (500) or hang it, and a target that stops answering altogether is one
// finding (not one per probe it left unanswered); each answer comes within the advisory time
// budget, read against how many of the run's own requests were in flight.

import type { RecordedRequest } from '../findings/types.ts';
import type { TargetStop } from '../run/traffic.ts';
import { PREFLIGHT_REQUEST } from '../target/preflight.ts';
import type { Check } from './check.ts';
import { noResponse } from './check.ts';
import { fail, pass, type Outcome } from './outcome.ts';

export const inputNoServerError: Check = {
  id: 'input.no-server-error',
  title: 'No hostile or malformed request gets a 500 or hangs; the target answers every request to the end of the run',
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
    const load = response.inFlight === undefined ? '' : ` with ${response.inFlight} of the run's requests in flight`;
    return response.elapsedMs <= ctx.responseTimeBudgetMs ? [pass(`${response.elapsedMs} ms${load}`)]
      : [fail(`${response.elapsedMs} ms, over budget`, `${response.elapsedMs} ms${load}`, `at most ${ctx.responseTimeBudgetMs} ms (RESPONSE_TIME_BUDGET_MS)`)];
  },
};

const seconds = (ms: number) => `+${(ms / 1000).toFixed(2)} s`;

/**
 * input.no-server-error's one outcome for a target that stopped answering mid-run, in place of
 * one failure per probe it would otherwise have kept sending. `label` names a request's probe.
 */
export function targetStopped(stop: TargetStop, label: (request: RecordedRequest) => string): Outcome {
  const first = stop.answeredBefore + 1;
  const recent = stop.recent.map((r, i) => `#${first - (stop.recent.length - 1 - i)} ${label(r.request)} at ${seconds(r.sentMs)}: ${r.result}`);
  return fail(
    `the target stopped answering at request ${first} of the run`,
    `no answer to request ${first} (${label(stop.firstUnanswered.request)}, sent at ${seconds(stop.firstUnanswered.sentMs)}), nor to a liveness check (${PREFLIGHT_REQUEST.method} ${PREFLIGHT_REQUEST.path} ${PREFLIGHT_REQUEST.body}: ${stop.check}); the last requests sent: ${recent.join('; ')}`,
    'an answer to every request within REQUEST_TIMEOUT_MS',
  );
}
