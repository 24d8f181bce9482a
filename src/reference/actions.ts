// The controller actions, from a bound body to an outcome: the issuing ones (login, corp login:
// credentials in, a new token family out) and refresh-token (a refresh token in, its family
// continued). Validation first (400), then the token store (500 when it is down), then the
// verdict on the credentials or the refresh token (401). A generic action (a page whose role
// is not a token one) validates its model the way Web API does (400 with every ModelState
// error) and answers its documented response. The status and error-hygiene faults that act on
// a verdict are injected here.

import { endpointNamed, REFRESH_FIELDS, requiredMembers, type BindingMember, type EndpointContract, type ResponseContract } from './contract.ts';
import type { ActiveFaults } from './faults.ts';
import { INTERNAL_ERROR, invalidRequest, messageOnly, type HttpError } from './httpError.ts';
import { validateModel } from './modelValidation.ts';
import type { BoundModel, BoundValue } from './requestBinding.ts';
import { clrDefault, type MemberValues, type TokenSession } from './tokenResponse.ts';
import type { TokenStore } from './tokens.ts';
import type { ReferenceUser } from './users.ts';

export type Outcome =
  | { status: 200; session: TokenSession; response: ResponseContract; /** the truncated-body fault cuts this body */ cut?: boolean }
  | { status: 200; values: MemberValues; response: ResponseContract }
  | { status: number; error: HttpError; headers?: Record<string, string> };

export interface ActionContext {
  store: TokenStore;
  /** The users of each issuing endpoint. */
  users: ReadonlyMap<EndpointContract['name'], readonly ReferenceUser[]>;
  /** The faults the request's endpoint sees. */
  faults: ActiveFaults;
}

export type Action = (bound: BoundModel, endpoint: EndpointContract, context: ActionContext) => Outcome;

const REFUSED_TOKEN = 'The refresh token is invalid or has expired.';
/** Any refresh, whichever login began the family, answers the refresh-token action's documented type. */
const REFRESH_RESPONSE = endpointNamed('refresh-token').response;
const LOGIN_RESPONSE = endpointNamed('login').response;

/** Login and corp login: every required member filled, then one user whose credentials all match. */
export function issue(bound: BoundModel, endpoint: EndpointContract, { store, users, faults }: ActionContext): Outcome {
  const credentials = requiredMembers(endpoint.request);
  const missing = credentials.find((m) => !isFilled(bound.get(m.key)));
  if (missing) return required(missing.key);
  const user = (users.get(endpoint.name) ?? []).find((u) => credentials.every((m) => matches(m, u[m.key], bound.get(m.key)!)));
  if (!user) {
    if (faults.has('wrong-credentials-500')) return internalError(faults);
    const password = credentials.find((m) => m.dataType === 'Password');
    if (faults.has('credentials-echo-in-error') && password) {
      return { status: 401, error: messageOnly(`The user name or password '${String(bound.get(password.key))}' is incorrect.`) };
    }
    return { status: 401, error: messageOnly(`The ${credentials.map((m) => m.key).join(', ').replace(/, (\w+)$/, ' or $1')} is incorrect.`) };
  }
  const response = faults.has('corp-login-token-response') ? LOGIN_RESPONSE : endpoint.response;
  return { status: 200, session: store.issue(user), response };
}

/**
 * A password (the doc's `Data type: Password`) is compared exactly; other text the way SQL
 * Server's default collation does, ignoring case; integers by value.
 */
function matches(member: BindingMember, expected: ReferenceUser[string], given: BoundValue): boolean {
  if (member.type === 'integer') return expected === given;
  if (member.dataType === 'Password') return expected === given;
  return typeof expected === 'string' && expected.toUpperCase() === String(given).toUpperCase();
}

export function refreshToken(bound: BoundModel, _endpoint: EndpointContract, { store, users, faults }: ActionContext): Outcome {
  const token = bound.get(REFRESH_FIELDS.refreshToken);
  if (!isFilled(token)) return required(REFRESH_FIELDS.refreshToken);
  const grantType = bound.get(REFRESH_FIELDS.grantType);
  if (isFilled(grantType) && grantType !== REFRESH_FIELDS.supportedGrantType) {
    return { status: 400, error: invalidRequest(`model.${REFRESH_FIELDS.grantType}`, `Only the '${REFRESH_FIELDS.supportedGrantType}' grant type is supported.`) };
  }
  const redeemed = store.redeem(String(token));
  if (redeemed) {
    const kept = faults.has('same-refresh-token-returned') ? String(token) : undefined;
    return { status: 200, session: store.issue(redeemed.user, redeemed.family, kept), response: REFRESH_RESPONSE, cut: faults.has('truncated-body') };
  }
  if (faults.has('invalid-token-200')) return { status: 200, session: store.issue(users.get('login')![0]!), response: REFRESH_RESPONSE };
  if (faults.has('invalid-token-400')) return { status: 400, error: invalidRequest(`model.${REFRESH_FIELDS.refreshToken}`, REFUSED_TOKEN) };
  if (faults.has('token-echo-in-error')) return { status: 401, error: messageOnly(`The refresh token '${String(token)}' is invalid or has expired.`) };
  return { status: 401, error: messageOnly(REFUSED_TOKEN) };
}

/**
 * A generic action: a valid model is answered 200 with the documented response. When that is
 * the type it received (a create or update action returning its model), the bound values come
 * back, unbound members as the CLR defaults; another type is answered with its sample's values.
 */
export function serveModel(bound: BoundModel, endpoint: EndpointContract, { faults }: ActionContext): Outcome {
  const failures = validateModel(bound, endpoint.request);
  if (failures.length > 0) {
    // generic-required-500: the action runs on an invalid model and dereferences the missing member.
    if (faults.has('generic-required-500') && failures.some((f) => f.missing)) return internalError(faults);
    return { status: 400, error: { Message: 'The request is invalid.', ModelState: Object.fromEntries(failures.map((f) => [f.key, f.messages])) } };
  }
  const { response, request } = endpoint;
  const echoes = response.typeName === request.typeName;
  const values = new Map(response.members.map((m) => [m.member, echoes ? (bound.get(m.member) ?? clrDefault(m)) : m.example]));
  return { status: 200, values, response };
}

/** Any exception inside an action: Web API's generic 500, with error detail only as a fault. */
export function internalError(faults: ActiveFaults): Outcome {
  if (!faults.has('stack-trace-in-500')) return { status: 500, error: INTERNAL_ERROR };
  return {
    status: 500,
    error: {
      ...INTERNAL_ERROR,
      ExceptionMessage: 'A network-related or instance-specific error occurred while establishing a connection to SQL Server.',
      ExceptionType: 'System.Data.SqlClient.SqlException',
      StackTrace: '   at Kike.Security.Data.TokenRepository.Find(String refreshToken)\r\n   at AuthenticationServer.Controllers.AuthController.RefreshToken(ConsincoRefreshTokenBindingModel model)',
    },
  };
}

function isFilled(value: BoundValue | undefined): boolean {
  return value !== undefined && value !== null && value !== '';
}

function required(key: string): Outcome {
  return { status: 400, error: invalidRequest(`model.${key}`, `The ${key} field is required.`) };
}
