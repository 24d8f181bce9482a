// Obtains a refresh token by logging in, for targets where the user gives credentials
// instead of a token. The login action is not in the doc; it takes the same JSON body shape.

import type { LoginConfig } from '../config/config.ts';
import type { RecordedRequest } from '../findings/types.ts';
import { send, type HttpOptions } from '../http/client.ts';
import { redact, registerCredential, registerSecret } from '../redaction/redactor.ts';
import type { LoginBudget } from '../run/logins.ts';
import type { TokenSource } from '../run/tokens.ts';
import { readIssuedTokens } from './issuedTokens.ts';

export class LoginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoginError';
  }
}

/** The login request; `password` replaces the real one in a preview. */
export function loginRequest(login: LoginConfig, password = login.password): RecordedRequest {
  return {
    method: 'POST',
    path: login.path,
    headers: { accept: 'application/json', 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ company: login.company, username: login.username, password }),
  };
}

export function loginSource(baseUrl: string, login: LoginConfig, options: HttpOptions, budget: LoginBudget): TokenSource {
  return {
    async obtain() {
      registerCredential(login.password);
      budget.spend();
      const outcome = await send(baseUrl, loginRequest(login), options);
      const response = outcome.response;
      if (!response) throw new LoginError(`login at ${login.path} got no response: ${outcome.transportError}`);
      const issued = readIssuedTokens(response.body);
      registerSecret(issued.accessToken);
      registerSecret(issued.refreshToken);
      if (response.status !== 200 || !issued.refreshToken) {
        throw new LoginError(`login at ${login.path} answered ${response.status} without a refresh token: ${redact(response.body.slice(0, 200))}`);
      }
      return issued.refreshToken;
    },
  };
}
