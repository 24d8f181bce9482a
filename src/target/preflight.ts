// One harmless request before any probe: a closed port, a silent host, a TLS mismatch or a
// non-HTTP service ends the run at once with one clear message. The same cheap documented
// request (an empty body, answered 400) later tells whether a target that went silent is gone.

import type { RecordedRequest } from '../findings/types.ts';
import { send, type HttpOptions, type HttpOutcome } from '../http/client.ts';
import { TargetUnreachableError } from './errors.ts';
import { REFRESH_PATH } from './paths.ts';

/** The preflight never waits longer than this, whatever REQUEST_TIMEOUT_MS says. */
const PREFLIGHT_TIMEOUT_MS = 4000;

/** A refresh without a token: the doc's 400, cheap for any server, harmless to every token. */
export const PREFLIGHT_REQUEST: RecordedRequest = {
  method: 'POST',
  path: REFRESH_PATH,
  headers: { accept: 'application/json', 'content-type': 'application/json' },
  body: '{}',
};

/** Sends the cheap request outside the run's traffic control (it must pass while the run holds back). */
export function sendCheap(baseUrl: string, options: HttpOptions, timeoutMs = options.timeoutMs): Promise<HttpOutcome> {
  const { traffic: _untracked, ...direct } = options;
  return send(baseUrl, { ...PREFLIGHT_REQUEST }, { ...direct, timeoutMs });
}

export async function preflight(baseUrl: string, options: HttpOptions): Promise<void> {
  const outcome = await sendCheap(baseUrl, options, Math.min(options.timeoutMs, PREFLIGHT_TIMEOUT_MS));
  if (!outcome.response) throw new TargetUnreachableError(baseUrl, outcome.transportError ?? 'no response');
  if (outcome.response.status === 404) {
    throw new TargetUnreachableError(baseUrl, `POST ${REFRESH_PATH} answered 404; check that TARGET_URL is the base the API lives under`);
  }
}
