// Obtains a refresh token by logging in, for targets where the user gives credentials instead
// of a token. The request follows the login's Help Page (docs/login.help.txt): JSON with the
// documented keys, or its DataContract binding model in XML. Every login exchange is evidence: it
// is handed to the run and judged by the same checks as a refresh. A 200 without a usable
// refresh token is the server's fault, tried in the other format before the chain gives up.

import type { LoginConfig } from '../config/config.ts';
import { recordedExchange, type ProbeExchange } from '../checks/exchange.ts';
import type { RecordedRequest } from '../findings/types.ts';
import { send, type HttpOptions, type HttpOutcome } from '../http/client.ts';
import { xmlDocument, xmlElement } from '../pact/bodies.ts';
import { redact, registerCredential } from '../redaction/redactor.ts';
import { TokenSourceError, type TokenSource } from '../run/tokens.ts';
import { docEndpoint, LOGIN_DOC } from '../doc/endpoint.ts';
import { buildNamingMap } from '../naming/namingMap.ts';
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

/**
 * The login request; the XML one is the doc's binding model (ConsincoUserBindingModel) as Web
 * API's DataContractSerializer reads it: its elements in the sample's order, the optional
 * ControllerVersion left out. `password` replaces the real one in a preview.
 */
export function loginRequest(login: LoginConfig, mediaType: LoginMediaType, password = login.password): RecordedRequest {
  const values: Record<string, string> = { company: login.company, username: login.username, password };
  const body = mediaType === 'application/json' ? JSON.stringify(values) : loginXml(values);
  return { method: 'POST', path: login.path, headers: { accept: mediaType, 'content-type': `${mediaType}; charset=utf-8` }, body };
}

function loginXml(values: Record<string, string>): string {
  const { request } = buildNamingMap(docEndpoint(LOGIN_DOC));
  const elements = request.xmlOrder.flatMap((element) => {
    const member = request.members.find((m) => m.xml === element);
    if (!member) return [];
    if (!(member.json in values)) throw new Error(`the login doc's member ${member.json} has no configured value`);
    return [xmlElement(element, values[member.json]!)];
  });
  return xmlDocument(request.typeName, request.xmlNamespace, elements);
}

function answer(outcome: HttpOutcome): string {
  if (!outcome.response || outcome.transportError) return `got no complete answer (${outcome.transportError ?? 'no response'})`;
  return `answered ${outcome.response.status}: ${redact(outcome.response.body.slice(0, 200))}`;
}

export function loginSource(baseUrl: string, login: LoginConfig, options: HttpOptions, onExchange: (exchange: ProbeExchange) => void, budget: LoginBudget): TokenSource {
  /** The format that last gave a token goes first next time. */
  let order: LoginMediaType[] = [...LOGIN_MEDIA_TYPES];
  const identity = { company: login.company, username: login.username };
  return {
    identity,
    async obtain() {
      registerCredential(login.password);
      const noToken: string[] = [];
      for (const mediaType of order) {
        // Each login request counts: an ERP sees (and may lock an account on) every one.
        budget.spend();
        const request = loginRequest(login, mediaType);
        const outcome = await send(baseUrl, request, options);
        const response = outcome.transportError ? undefined : outcome.response;
        const issued = response ? learnIssuedTokens(response.body) : {};
        onExchange(recordedExchange({
          caseId: LOGIN_CASE, mediaType, expect: { status: 200, body: 'token' }, request, role: 'documented',
          identity,
        }, outcome));
        if (response?.status === 200 && issued.refreshToken) {
          order = [mediaType, ...order.filter((m) => m !== mediaType)];
          return issued.refreshToken;
        }
        if (noToken.length === 0 && response?.status !== 200) throw new LoginError(`login at ${login.path} (${mediaType}) ${answer(outcome)}`);
        noToken.push(response?.status === 200 ? `${mediaType} answered 200 without a usable refresh token` : `${mediaType} ${answer(outcome)}`);
      }
      throw new LoginWithoutRefreshToken(`the login at ${login.path} gave no usable refresh token (${noToken.join('; ')})`);
    },
  };
}
