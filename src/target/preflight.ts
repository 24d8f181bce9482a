// One harmless request before any probe: a closed port, a silent host, a TLS mismatch or a
// non-HTTP service ends the run at once with one clear message.

import type { RecordedRequest } from '../findings/types.ts';
import { send, type HttpOptions } from '../http/client.ts';
import { TargetUnreachableError } from './errors.ts';
import { REFRESH_PATH } from './paths.ts';

/** The preflight never waits longer than this, whatever REQUEST_TIMEOUT_MS says. */
const PREFLIGHT_TIMEOUT_MS = 4000;

export const PREFLIGHT_REQUEST: RecordedRequest = {
  method: 'POST',
  path: REFRESH_PATH,
  headers: { accept: 'application/json', 'content-type': 'application/json' },
  body: '{}',
};

export async function preflight(baseUrl: string, options: HttpOptions): Promise<void> {
  const outcome = await send(baseUrl, PREFLIGHT_REQUEST, { ...options, timeoutMs: Math.min(options.timeoutMs, PREFLIGHT_TIMEOUT_MS) });
  if (!outcome.response) throw new TargetUnreachableError(baseUrl, outcome.transportError ?? 'no response');
  if (outcome.response.status === 404) {
    throw new TargetUnreachableError(baseUrl, `POST ${REFRESH_PATH} answered 404; check that TARGET_URL is the base the API lives under`);
  }
}
