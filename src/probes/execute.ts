// Sends one probe and records its exchanges, getting the token it needs: a literal, the live
// chain's (handing the successor on), a burnt one for rotation, an expired one. A probe that
// cannot get its token is skipped with the reason, never guessed.

import { send } from '../http/client.ts';
import { knownSecrets, registerSecret } from '../redaction/redactor.ts';
import type { Run } from '../run/context.ts';
import { readIssuedTokens } from '../target/issuedTokens.ts';
import type { ProbeExchange, Role } from '../checks/exchange.ts';
import type { Probe } from './cases.ts';
import { buildRequest } from './request.ts';

export interface Executed {
  exchanges: ProbeExchange[];
  skipReason?: string;
}

export const NO_OWN_FAMILY = 'replaying a used refresh token may revoke its whole token family, which would be the REFRESH_TOKEN you gave; set LOGIN_COMPANY, LOGIN_USERNAME and LOGIN_PASSWORD so this probe logs in for a family of its own';
export const NOT_EMBEDDED_EXPIRED = 'the target offers no way to make an expired refresh token (runs on the embedded provider)';

export const NOT_EMBEDDED_STORE_DOWN = 'a live target cannot be made to fail on purpose (runs on the embedded provider)';

export async function record(run: Run, probe: Probe, role: Role, token?: string, previous?: ProbeExchange): Promise<ProbeExchange> {
  const request = buildRequest(probe, token);
  const outcome = await send(run.target.url, request, run.http);
  if (outcome.response?.status === 200) {
    const issued = readIssuedTokens(outcome.response.body);
    registerSecret(issued.accessToken);
    registerSecret(issued.refreshToken);
  }
  const c = probe.probeCase;
  return {
    caseId: c.id,
    mediaType: probe.mediaType,
    expect: c.expect,
    request,
    ...(outcome.response ? { response: outcome.response } : {}),
    ...(outcome.transportError ? { transportError: outcome.transportError } : {}),
    secrets: knownSecrets(),
    role,
    ...(token !== undefined && role !== 'hostile' ? { sentToken: token } : {}),
    ...(previous ? { previous } : {}),
  };
}

/** After a refresh with the chain's token: hand the successor on, or say why the chain broke. */
function advanceChain(run: Run, exchange: ProbeExchange): void {
  const status = exchange.response?.status;
  if (status === 200) {
    const next = readIssuedTokens(exchange.response!.body).refreshToken;
    if (next) run.tokens.handOver(next);
    else run.tokens.broken(`the refresh in ${exchange.caseId} [${exchange.mediaType}] answered 200 without a readable refresh token`);
  } else if (status === 401) {
    run.tokens.broken(`the chain's refresh token was refused (401) in ${exchange.caseId} [${exchange.mediaType}]`);
  }
}

async function chained(run: Run, probe: Probe): Promise<Executed> {
  const token = await run.tokens.current();
  if (token === undefined) return { exchanges: [], skipReason: run.tokens.skipReason() ?? 'no live refresh token' };
  const exchange = await record(run, probe, 'documented', token);
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
  if (token === undefined) return { exchanges: [], skipReason: run.tokens.sourceRefusal() ?? NO_OWN_FAMILY };
  const refresh = await record(run, probe, 'documented', token);
  refresh.expect = { status: 200, body: 'token' };
  const replay = await record(run, probe, 'replay', token, refresh);
  const successor = refresh.response?.status === 200 ? readIssuedTokens(refresh.response.body).refreshToken : undefined;
  if (!successor) return { exchanges: [refresh, replay] };
  return { exchanges: [refresh, replay, await record(run, probe, 'after-replay', successor, replay)] };
}

/** Every probe but the store-down ones (see `storeDown`). */
export async function execute(run: Run, probe: Probe): Promise<Executed> {
  const token = probe.probeCase.token;
  const role: Role = probe.probeCase.role === 'hostile' ? 'hostile' : 'documented';
  switch (token?.kind) {
    case undefined: return { exchanges: [await record(run, probe, role)] };
    case 'literal': return { exchanges: [await record(run, probe, role, token.value)] };
    case 'chain': return chained(run, probe);
    case 'rotation': return rotation(run, probe);
    case 'expired': {
      const provider = run.target.provider;
      if (!provider) return { exchanges: [], skipReason: NOT_EMBEDDED_EXPIRED };
      return { exchanges: [await record(run, probe, 'expired', provider.expiredRefreshToken())] };
    }
    case 'store-down': throw new Error(`${probe.key}: store-down probes run in their own phase`);
  }
}

/** The provoked-500 probes, all at once while the embedded provider's token store is off. */
export async function storeDown(run: Run, probes: readonly Probe[]): Promise<Executed[]> {
  const provider = run.target.provider;
  if (!provider) return probes.map(() => ({ exchanges: [], skipReason: NOT_EMBEDDED_STORE_DOWN }));
  const tokens = probes.map(() => provider.issueRefreshToken());
  tokens.forEach((t) => registerSecret(t));
  provider.setTokenStoreAvailable(false);
  try {
    return await Promise.all(probes.map(async (probe, i) => ({ exchanges: [await record(run, probe, 'server-error', tokens[i])] })));
  } finally {
    provider.setTokenStoreAvailable(true);
  }
}
