// token.issued: a 200 token response (a login's or a refresh's) hands out a refresh token the
// client can use for its next refresh. Without one the session cannot be renewed, and a suite
// that logs in cannot start its token chain: that is the server's fault, not the configuration's.

import { readIssuedTokens } from '../target/issuedTokens.ts';
import type { Check } from './check.ts';
import { parseBody } from './body.ts';
import { fail, pass } from './outcome.ts';

export const tokenIssued: Check = {
  id: 'token.issued',
  title: 'A 200 token response (login or refresh) hands out a usable refresh token',
  rule: 'Help Page TokenResponse (refresh_token); RFC 6749 §5.1 and §6 (the refresh token the client renews with)',
  level: 'MUST',
  tokenEndpointsOnly: true,
  run(exchange) {
    const response = exchange.response;
    if (exchange.role !== 'documented' || response?.status !== 200 || exchange.transportError) return [];
    const format = parseBody(response).format;
    // A body that does not parse is body.schema's finding; there is nothing to read a token from.
    if (format !== 'json' && format !== 'xml') return [];
    return readIssuedTokens(response.body).refreshToken ? [pass('a refresh token was issued')]
      : [fail('200 without a usable refresh token', 'no refresh token, or a null or empty one', 'a non-empty refresh token for the next refresh')];
  },
};
