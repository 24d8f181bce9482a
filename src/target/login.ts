// Obtains a refresh token by logging in at an issuing endpoint (the login, the corp login), for
// targets where the user gives credentials instead of a token. The request is the endpoint's
// own `ok` probe case (its Help Page's JSON keys, or its DataContract binding model in XML) with
// the credentials filled in. Every login exchange is evidence: it is handed to the run and judged
// by the same checks as the probes. A 200 without a usable refresh token is the server's fault,
// tried in the other format before the chain gives up.

import { recordedExchange, type ProbeExchange } from '../checks/exchange.ts';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import type { Identity, RecordedRequest } from '../findings/types.ts';
import { send, type HttpOptions, type HttpOutcome } from '../http/client.ts';
import { casesFor } from '../probes/cases.ts';
import { buildRequest, type Credentials } from '../probes/request.ts';
import { redact, registerCredential } from '../redaction/redactor.ts';
import { TokenSourceError, type TokenSource } from '../run/tokens.ts';
import { learnIssuedTokens } from './issuedTokens.ts';
import type { LoginBudget } from '../run/logins.ts';

/** The case id of login exchanges in findings and reports. */
export const LOGIN_CASE = 'login';
export const LOGIN_MEDIA_TYPES = ['application/json', 'application/xml'] as const;
type LoginMediaType = (typeof LOGIN_MEDIA_TYPES)[number];

/** The login itself failed (refused credentials, wrong path, no answer): at the start, a configuration problem. */
export class LoginError extends TokenSourceError {
  constructor(message: string) {
    super(message);
    this.name = 'LoginError';
  }
}

/** The login answered 200 in both formats, but with no usable refresh token: a finding, final. */
export class LoginWithoutRefreshToken extends TokenSourceError {
  constructor(message: string) {
    super(message, true);
    this.name = 'LoginWithoutRefreshToken';
  }
}

/** Who logs in with these credentials, as far as the response can name them (company, user name). */
export function credentialIdentity(credentials: Credentials): Identity {
  return {
    ...(credentials.company !== undefined ? { company: credentials.company } : {}),
    ...(credentials.username !== undefined ? { username: credentials.username } : {}),
  };
}

/** The member an issuing endpoint's doc marks `Data type: Password` (masked in a preview, registered as a secret). */
export function passwordMember(endpoint: TestedEndpoint): string | undefined {
  return endpoint.wire?.naming.request.members.find((m) => m.dataType === 'Password')?.json;
}

/** The login request at an issuing endpoint: its `ok` case in the format of `mediaType`, with the credentials in. */
export function loginRequest(endpoint: TestedEndpoint, credentials: Credentials, mediaType: LoginMediaType, path = endpoint.path): RecordedRequest {
  const id = mediaType === 'application/json' ? 'ok.json-body' : 'ok.xml-body';
  const probeCase = casesFor(endpoint).find((c) => c.id === id);
  if (!probeCase) throw new Error(`${endpoint.id} has no ${id} case: it is no issuing endpoint`);
  return buildRequest({ endpoint, probeCase, mediaType, key: `${endpoint.name} login [${mediaType}]` }, undefined, credentials, path);
}

function answer(outcome: HttpOutcome): string {
  if (!outcome.response || outcome.transportError) return `got no complete answer (${outcome.transportError ?? 'no response'})`;
  return `answered ${outcome.response.status}: ${redact(outcome.response.body.slice(0, 200))}`;
}

export interface LoginTarget {
  baseUrl: string;
  endpoint: TestedEndpoint;
  credentials: Credentials;
  /** LOGIN_PATH, when it moves the login away from the doc's path. */
  path?: string;
}

export function loginSource({ baseUrl, endpoint, credentials, path = endpoint.path }: LoginTarget, options: HttpOptions, onExchange: (exchange: ProbeExchange) => void, budget: LoginBudget): TokenSource {
  /** The format that last gave a token goes first next time. */
  let order: LoginMediaType[] = [...LOGIN_MEDIA_TYPES];
  const identity = credentialIdentity(credentials);
  const password = passwordMember(endpoint);
  return {
    identity,
    async obtain() {
      registerCredential(password && credentials[password]);
      const noToken: string[] = [];
      for (const mediaType of order) {
        // Each login request counts: an ERP sees (and may lock an account on) every one.
        budget.spend();
        const request = loginRequest(endpoint, credentials, mediaType, path);
        const outcome = await send(baseUrl, request, options);
        const response = outcome.transportError ? undefined : outcome.response;
        const issued = response ? learnIssuedTokens(response.body) : {};
        onExchange(recordedExchange({
          caseId: LOGIN_CASE, mediaType, expect: { status: 200, body: 'token' }, request, role: 'documented',
          identity, endpoint,
        }, outcome));
        if (response?.status === 200 && issued.refreshToken) {
          order = [mediaType, ...order.filter((m) => m !== mediaType)];
          return issued.refreshToken;
        }
        if (noToken.length === 0 && response?.status !== 200) throw new LoginError(`login at ${path} (${mediaType}) ${answer(outcome)}`);
        noToken.push(response?.status === 200 ? `${mediaType} answered 200 without a usable refresh token` : `${mediaType} ${answer(outcome)}`);
      }
      throw new LoginWithoutRefreshToken(`the login at ${path} gave no usable refresh token (${noToken.join('; ')})`);
    },
  };
}
