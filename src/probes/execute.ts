// Sends one probe and records its exchanges, getting the token it needs: a literal, the live
// chain's (handing the successor on), a burnt one for rotation, an expired one. A probe that
// cannot get its token is skipped with the reason, never guessed. A refresh whose answer is
// lost leaves its token's state unknown: the chain starts a fresh family, and a verdict that
// would rest on that state (a replay's) is skipped with the reason instead of guessed.

import { send } from '../http/client.ts';
import { registerCredential, registerSecret } from '../redaction/redactor.ts';
import type { Run } from '../run/context.ts';
import { TARGET_STOPPED } from '../run/traffic.ts';
import { learnIssuedTokens, readIssuedTokens } from '../target/issuedTokens.ts';
import { recordedExchange, type ProbeExchange, type Role } from '../checks/exchange.ts';
import type { Identity } from '../findings/types.ts';
import type { Probe } from './cases.ts';
import { buildRequest, type Credentials } from './request.ts';
import { endpointPath, familyToken, probeCredentials } from '../run/issuers.ts';
import { noCredentialsReason } from '../run/credentials.ts';
import { credentialIdentity, passwordMember } from '../target/login.ts';

export interface Executed {
  exchanges: ProbeExchange[];
  /** Why the probe's verdict (or the part of it that needed a token or a lost answer) is not given. */
  skipReason?: string;
}

export const NO_OWN_FAMILY = 'replaying a used refresh token may revoke its whole token family, which would be the REFRESH_TOKEN you gave; set LOGIN_COMPANY, LOGIN_USERNAME and LOGIN_PASSWORD so this probe logs in for a family of its own';
export const NOT_EMBEDDED_EXPIRED = 'the target offers no way to make an expired refresh token (runs on the embedded provider)';

export const NOT_EMBEDDED_STORE_DOWN = 'a live target cannot be made to fail on purpose (runs on the embedded provider)';

/** What a probe sends and knows: the refresh token, the exchange it follows up on, whose the token is. */
interface Sent {
  token?: string;
  /** An issuing endpoint's credentials, filled into its body. */
  credentials?: Credentials;
  previous?: ProbeExchange;
  identity?: Identity;
}

export async function record(run: Run, probe: Probe, role: Role, { token, credentials, previous, identity }: Sent = {}): Promise<ProbeExchange> {
  const request = buildRequest(probe, token, credentials, endpointPath(run, probe.endpoint));
  const password = sentPassword(probe, credentials);
  const outcome = await send(run.target.url, request, run.http);
  if (outcome.response?.status === 200) learnIssuedTokens(outcome.response.body);
  const c = probe.probeCase;
  return recordedExchange({
    caseId: c.id,
    mediaType: probe.mediaType,
    expect: c.expect,
    request,
    role,
    endpoint: probe.endpoint,
    ...(c.typeVariant ? { typeVariant: c.typeVariant } : {}),
    ...(password ? { sentPassword: password } : {}),
    ...(token !== undefined && role !== 'hostile' ? { sentToken: token } : {}),
    ...(previous ? { previous } : {}),
    ...(identity ? { identity } : {}),
  }, outcome);
}

/** The password a login probe sends: the configured one it fills in, or the case's made-up one. */
function sentPassword(probe: Probe, credentials: Credentials | undefined): string | undefined {
  const member = passwordMember(probe.endpoint);
  return (member && credentials?.[member]) ?? probe.probeCase.sentPassword;
}

/** No complete answer arrived: timeout, reset, cut off, or not sent at all. */
function lost(exchange: ProbeExchange): boolean {
  return exchange.transportError !== undefined;
}

function where(exchange: ProbeExchange): string {
  return `${exchange.caseId} [${exchange.mediaType}]`;
}

/** After a refresh with the chain's token: hand the successor on, or say why the chain broke. */
function advanceChain(run: Run, exchange: ProbeExchange): void {
  const status = exchange.response?.status;
  if (lost(exchange)) {
    run.tokens.broken(`the answer to the refresh in ${where(exchange)} was lost (${exchange.transportError}), so whether the server rotated the chain's token is unknown`);
  } else if (status === 200) {
    const next = readIssuedTokens(exchange.response!.body).refreshToken;
    if (next) run.tokens.handOver(next);
    else run.tokens.broken(`the refresh in ${exchange.caseId} [${exchange.mediaType}] answered 200 without a readable refresh token`);
  } else if (status === 401) {
    run.tokens.broken(`the chain's refresh token was refused (401) in ${exchange.caseId} [${exchange.mediaType}]`);
  }
}

/** Why a probe that needs a live token gets none: the target is gone, or the chain's own reason. */
function noTokenReason(run: Run, fallback: string): string {
  return run.traffic.stop ? TARGET_STOPPED : run.tokens.skipReason() ?? run.tokens.failure()?.message ?? fallback;
}

async function chained(run: Run, probe: Probe): Promise<Executed> {
  const token = await run.tokens.current();
  if (token === undefined) return { exchanges: [], skipReason: noTokenReason(run, 'no live refresh token') };
  const exchange = await record(run, probe, 'documented', { token, identity: run.tokens.identity() });
  advanceChain(run, exchange);
  return { exchanges: [exchange] };
}

/**
 * Refresh, replay the used token, then try its successor (replay detection). A replay may
 * revoke the whole token family (RFC 9700 §4.14.2), so it never uses the chain's family:
 * without a way to get a token of its own (a login, or the embedded provider) it is skipped.
 */
async function rotation(run: Run, probe: Probe): Promise<Executed> {
  const token = await run.tokens.independent();
  if (token === undefined) return { exchanges: [], skipReason: noTokenReason(run, NO_OWN_FAMILY) };
  const identity = run.tokens.independentIdentity();
  const refresh = await record(run, probe, 'documented', { token, identity });
  refresh.expect = { status: 200, body: 'token' };
  if (lost(refresh)) return { exchanges: [refresh], skipReason: `the answer to the refresh before the replay was lost (${refresh.transportError}): whether the server rotated the token is unknown, so a replay would prove nothing` };
  const replay = await record(run, probe, 'replay', { token, previous: refresh, identity });
  if (lost(replay)) return { exchanges: [refresh, replay], skipReason: `the answer to the replay was lost (${replay.transportError}): whether the server refused the used token, or revoked its family, is unknown` };
  const successor = refresh.response?.status === 200 ? readIssuedTokens(refresh.response.body).refreshToken : undefined;
  if (!successor) return { exchanges: [refresh, replay] };
  const after = await record(run, probe, 'after-replay', { token: successor, previous: replay, identity });
  if (lost(after)) return { exchanges: [refresh, replay, after], skipReason: `the answer to the successor after the replay was lost (${after.transportError}): whether the replay revoked the token family is unknown` };
  return { exchanges: [refresh, replay, after] };
}

/** The exchanges a probe records, in order, by role: what `execute` and `storeDown` send (the preview lists them). */
export function recordedRoles(probe: Probe): Role[] {
  const c = probe.probeCase;
  if (c.role === 'hostile') return ['hostile'];
  switch (c.token?.kind) {
    case 'rotation': return ['documented', 'replay', 'after-replay'];
    case 'expired': return ['expired'];
    case 'store-down': return ['server-error'];
    default: return ['documented'];
  }
}

/** A login with the issuing endpoint's credentials: on a live target it spends from MAX_LOGINS. */
async function withCredentials(run: Run, probe: Probe): Promise<Executed> {
  const credentials = probeCredentials(run, probe.endpoint);
  if (!credentials) return { exchanges: [], skipReason: noCredentialsReason(probe.endpoint) };
  const password = passwordMember(probe.endpoint);
  registerCredential(password && credentials[password]);
  if (run.traffic.stop) return { exchanges: [], skipReason: TARGET_STOPPED };
  try {
    run.loginBudget.spend();
  } catch (error) {
    return { exchanges: [], skipReason: (error as Error).message };
  }
  return { exchanges: [await record(run, probe, 'documented', { credentials, identity: credentialIdentity(credentials) })] };
}

/** A refresh of a token fresh from another endpoint of the run (the corp login's tokens are refreshed too). */
async function family(run: Run, probe: Probe, issuerName: string): Promise<Executed> {
  const issuer = run.endpoints.find((e) => e.name === issuerName);
  if (!issuer) return { exchanges: [], skipReason: `${issuerName} is not in the run's endpoint set` };
  const fresh = await familyToken(run, issuer);
  if ('skipReason' in fresh) return { exchanges: [], skipReason: run.traffic.stop ? TARGET_STOPPED : fresh.skipReason };
  return { exchanges: [await record(run, probe, 'documented', { token: fresh.token, identity: fresh.identity })] };
}

/** Every probe but the store-down ones (see `storeDown`). */
export async function execute(run: Run, probe: Probe): Promise<Executed> {
  const token = probe.probeCase.token;
  const role: Role = probe.probeCase.role === 'hostile' ? 'hostile' : 'documented';
  switch (token?.kind) {
    case undefined: return { exchanges: [await record(run, probe, role)] };
    case 'literal': return { exchanges: [await record(run, probe, role, { token: token.value })] };
    case 'chain': return chained(run, probe);
    case 'rotation': return rotation(run, probe);
    case 'credentials': return withCredentials(run, probe);
    case 'family': return family(run, probe, token.issuer);
    case 'expired': {
      const provider = run.target.provider;
      if (!provider) return { exchanges: [], skipReason: NOT_EMBEDDED_EXPIRED };
      return { exchanges: [await record(run, probe, 'expired', { token: provider.expiredRefreshToken(), identity: provider.defaultUser })] };
    }
    case 'store-down': throw new Error(`${probe.key}: store-down probes run in their own phase`);
  }
}

/** The provoked-500 probes, all at once while the embedded provider's token store is off. */
export async function storeDown(run: Run, probes: readonly Probe[]): Promise<Executed[]> {
  const provider = run.target.provider;
  if (!provider) return probes.map(() => ({ exchanges: [], skipReason: NOT_EMBEDDED_STORE_DOWN }));
  // A refresh sends a valid token, a login valid credentials: the store fails either way.
  const sent = probes.map((probe): Sent => {
    if (probe.endpoint.role === 'issuing') {
      const credentials = provider.credentials(probe.endpoint.name);
      return credentials ? { credentials } : {};
    }
    const token = provider.issueRefreshToken();
    registerSecret(token);
    return { token, identity: provider.defaultUser };
  });
  provider.setTokenStoreAvailable(false);
  try {
    return await Promise.all(probes.map(async (probe, i) => ({ exchanges: [await record(run, probe, 'server-error', sent[i])] })));
  } finally {
    provider.setTokenStoreAvailable(true);
  }
}
