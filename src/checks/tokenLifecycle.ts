// token.rotation, token.replay-detection and token.expiry: a refresh spends the token it used
// and hands out a new one; the used token, sent again, is refused (401, a MUST); after such a
// refused replay the whole token family should be revoked too (RFC 9700 replay detection, a
// SHOULD, so its own check); an expired token gets 401.

import { readIssuedTokens } from '../target/issuedTokens.ts';
import type { Check } from './check.ts';
import { noResponse } from './check.ts';
import type { ProbeExchange } from './exchange.ts';
import { fail, pass, type Outcome } from './outcome.ts';

function statusOf(exchange: ProbeExchange): string {
  return exchange.response ? `status ${exchange.response.status}` : noResponse(exchange);
}

/** Only what proves no rotation; a 200 body that cannot be read at all is body.schema's finding. */
function rotationOfRefresh(refresh: ProbeExchange | undefined): Outcome | undefined {
  if (!refresh?.response || refresh.response.status !== 200) {
    return fail('the refresh before the replay failed', refresh ? statusOf(refresh) : 'no refresh', 'status 200 with a new refresh token');
  }
  const issued = readIssuedTokens(refresh.response.body).refreshToken;
  if (issued === refresh.sentToken) return fail('the refresh returned the same refresh token', 'the used refresh token handed back unchanged', 'a new refresh token (rotation)');
  return undefined;
}

export const tokenRotation: Check = {
  id: 'token.rotation',
  title: 'A refresh rotates the refresh token; the used one is refused',
  rule: 'RFC 9700 §4.14.2 (refresh token rotation); RFC 6749 §6',
  level: 'MUST',
  tokenEndpointsOnly: true,
  roles: ['replay'],
  run(exchange) {
    // A lost answer proves nothing about the token: input.no-server-error reports it, the probe skips the verdict.
    if (exchange.transportError !== undefined) return [];
    const refresh = rotationOfRefresh(exchange.previous);
    if (refresh) return [refresh];
    const readable = readIssuedTokens(exchange.previous!.response!.body).refreshToken !== undefined;
    return exchange.response?.status === 401 ? [pass(readable ? 'a new refresh token was issued and the used one is refused with 401' : 'the used refresh token is refused with 401 (its successor could not be read: see body.schema)')]
      : [fail('a used refresh token is not refused', statusOf(exchange), 'status 401 for a refresh token already used')];
  },
};

/** Judged only after a refused replay: an accepted one is token.rotation's finding, and nothing was detected to react to. */
export const tokenReplayDetection: Check = {
  id: 'token.replay-detection',
  title: 'A refused replay revokes the whole token family',
  rule: 'RFC 9700 §4.14.2 (refresh token replay detection)',
  level: 'SHOULD',
  tokenEndpointsOnly: true,
  roles: ['after-replay'],
  run(exchange) {
    if (exchange.transportError !== undefined || exchange.previous?.response?.status !== 401) return [];
    return exchange.response?.status === 401 ? [pass('replay detected: the successor token was revoked too')]
      : [fail('no replay detection', `${statusOf(exchange)} for the successor of a replayed refresh token`, 'status 401: the token family revoked after a replay (RFC 9700 §4.14.2)')];
  },
};

export const tokenExpiry: Check = {
  id: 'token.expiry',
  title: 'An expired refresh token is refused with 401',
  rule: 'RFC 6749 §5.2 (invalid_grant: expired refresh token); Help Page 401',
  level: 'MUST',
  tokenEndpointsOnly: true,
  roles: ['expired'],
  run(exchange) {
    return exchange.response?.status === 401 ? [pass('expired refresh token refused with 401')]
      : [fail('an expired refresh token is not refused', statusOf(exchange), 'status 401 for a refresh token past its lifetime')];
  },
};
