// token.rotation and token.expiry: a refresh spends the token it used and hands out a new
// one; the used token, sent again, is refused (401); after such a replay the whole token
// family should be revoked (RFC 9700 replay detection, advisory); an expired token gets 401.

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
  rule: 'RFC 9700 §4.14.2 (refresh token rotation, replay detection); RFC 6749 §6',
  level: 'MUST',
  roles: ['replay', 'after-replay'],
  run(exchange) {
    if (exchange.role === 'replay') {
      const refresh = rotationOfRefresh(exchange.previous);
      if (refresh) return [refresh];
      const readable = readIssuedTokens(exchange.previous!.response!.body).refreshToken !== undefined;
      return exchange.response?.status === 401 ? [pass(readable ? 'a new refresh token was issued and the used one is refused with 401' : 'the used refresh token is refused with 401 (its successor could not be read: see body.schema)')]
        : [fail('a used refresh token is not refused', statusOf(exchange), 'status 401 for a refresh token already used')];
    }
    if (exchange.role === 'after-replay') {
      return exchange.response?.status === 401 ? [pass('replay detected: the successor token was revoked too', '')]
        : [fail('no replay detection', `${statusOf(exchange)} for the successor of a replayed refresh token`, 'status 401: the token family revoked after a replay (RFC 9700 §4.14.2)', 'SHOULD')];
    }
    return [];
  },
};

export const tokenExpiry: Check = {
  id: 'token.expiry',
  title: 'An expired refresh token is refused with 401',
  rule: 'RFC 6749 §5.2 (invalid_grant: expired refresh token); Help Page 401',
  level: 'MUST',
  roles: ['expired'],
  run(exchange) {
    return exchange.response?.status === 401 ? [pass('expired refresh token refused with 401')]
      : [fail('an expired refresh token is not refused', statusOf(exchange), 'status 401 for a refresh token past its lifetime')];
  },
};
