// The two controller actions, login and refresh-token, from a bound body to an outcome:
// validation first (400), then the token store (500 when it is down), then the verdict on
// the credentials or the refresh token (401). The status and error-hygiene faults that act
// on a verdict are injected here.

import { LOGIN_REQUEST, REFRESH_FIELDS } from './contract.ts';
import type { ActiveFaults } from './faults.ts';
import { INTERNAL_ERROR, invalidRequest, messageOnly, type HttpError } from './httpError.ts';
import type { BoundModel, BoundValue } from './requestBinding.ts';
import type { TokenSession } from './tokenResponse.ts';
import type { TokenStore } from './tokens.ts';
import type { ReferenceUser } from './users.ts';

export type Outcome =
  | { status: 200; session: TokenSession; /** the truncated-body fault cuts this body */ cut?: boolean }
  | { status: number; error: HttpError; headers?: Record<string, string> };

export interface ActionContext {
  store: TokenStore;
  users: readonly ReferenceUser[];
  faults: ActiveFaults;
}

const REFUSED_TOKEN = 'The refresh token is invalid or has expired.';

export function login(bound: BoundModel, { store, users }: ActionContext): Outcome {
  const missing = LOGIN_REQUEST.members.find((m) => !isFilled(bound.get(m.key)));
  if (missing) return required(missing.key);
  const [company, username, password] = LOGIN_REQUEST.members.map((m) => String(bound.get(m.key)));
  const user = users.find((u) => u.company === company && u.username.toUpperCase() === username!.toUpperCase() && u.password === password);
  if (!user) return { status: 401, error: messageOnly('The company, user name or password is incorrect.') };
  return { status: 200, session: store.issue(user) };
}

export function refreshToken(bound: BoundModel, { store, users, faults }: ActionContext): Outcome {
  const token = bound.get(REFRESH_FIELDS.refreshToken);
  if (!isFilled(token)) return required(REFRESH_FIELDS.refreshToken);
  const grantType = bound.get(REFRESH_FIELDS.grantType);
  if (isFilled(grantType) && grantType !== REFRESH_FIELDS.supportedGrantType) {
    return { status: 400, error: invalidRequest(`model.${REFRESH_FIELDS.grantType}`, `Only the '${REFRESH_FIELDS.supportedGrantType}' grant type is supported.`) };
  }
  const redeemed = store.redeem(String(token));
  if (redeemed) {
    const kept = faults.has('same-refresh-token-returned') ? String(token) : undefined;
    return { status: 200, session: store.issue(redeemed.user, redeemed.family, kept), cut: faults.has('truncated-body') };
  }
  if (faults.has('invalid-token-200')) return { status: 200, session: store.issue(users[0]!) };
  if (faults.has('invalid-token-400')) return { status: 400, error: invalidRequest(`model.${REFRESH_FIELDS.refreshToken}`, REFUSED_TOKEN) };
  if (faults.has('token-echo-in-error')) return { status: 401, error: messageOnly(`The refresh token '${String(token)}' is invalid or has expired.`) };
  return { status: 401, error: messageOnly(REFUSED_TOKEN) };
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
