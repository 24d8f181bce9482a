// What the run will do with each probe before it sends anything: exclude it (ONLY, SKIP, the
// profile), skip it with a reason known in advance (no way to get its token, no login left
// under MAX_LOGINS), or send it. The runner executes this plan and `--list` prints it, so the
// preview and the run cannot disagree. Logins are handed out in table order.

import type { Config } from '../config/config.ts';
import { qualifiedCaseId, type Probe } from '../probes/cases.ts';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import { configuredCredentials, noCredentialsReason } from '../run/credentials.ts';
import { NOT_EMBEDDED_EXPIRED, NOT_EMBEDDED_STORE_DOWN, NO_OWN_FAMILY } from '../probes/execute.ts';
import { loginBudgetReason } from '../run/logins.ts';
import { NO_CREDENTIALS } from '../run/tokens.ts';
import type { Selection } from '../selection/select.ts';

export interface PlanInput {
  config: Pick<Config, 'refreshToken' | 'login' | 'corpLogin' | 'maxLogins'>;
  embedded: boolean;
  selection: Selection;
  /** Where the token chain logs in (chainIssuerOf), when it can. */
  chainIssuer?: TestedEndpoint | undefined;
}

export interface PlannedProbe {
  probe: Probe;
  excludedBy?: string;
  skipReason?: string;
  /** True when the probe logs in for a token family of its own. */
  logsIn: boolean;
}

export interface ProbePlan {
  probes: PlannedProbe[];
  /** The login that starts the chain (LOGIN_* or CORP_LOGIN_* without REFRESH_TOKEN), before any probe. */
  initialLogin: boolean;
  /** Logins the plan makes: the initial one, and on a live target one per rotation probe, issuing probe with credentials and family probe. */
  logins: number;
}

export function planProbes({ config, embedded, selection, chainIssuer }: PlanInput, probes: readonly Probe[]): ProbePlan {
  const endpoints = [...new Set(probes.map((p) => p.endpoint))];
  const initialLogin = chainIssuer !== undefined && config.refreshToken === undefined;
  let logins = initialLogin ? 1 : 0;
  const canLogIn = () => config.maxLogins === undefined || logins < config.maxLogins;
  const planned = probes.map((probe): PlannedProbe => {
    const excludedBy = selection.excludedBy(qualifiedCaseId(probe.endpoint, probe.probeCase.id));
    if (excludedBy) return { probe, excludedBy, logsIn: false };
    const skipReason = predictedSkip(probe, config, embedded, endpoints, chainIssuer !== undefined);
    if (skipReason) return { probe, skipReason, logsIn: false };
    if (!logsIn(probe, embedded)) return { probe, logsIn: false };
    if (!canLogIn()) return { probe, skipReason: loginBudgetReason(config.maxLogins!), logsIn: false };
    logins++;
    return { probe, logsIn: true };
  });
  return { probes: planned, initialLogin, logins };
}

/** A probe that logs in on a live target: its own token family, or an issuing endpoint's login itself. */
function logsIn(probe: Probe, embedded: boolean): boolean {
  const kind = probe.probeCase.token?.kind;
  return !embedded && (kind === 'rotation' || kind === 'credentials' || kind === 'family');
}

const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The skips known before sending: a token or credentials the target cannot give, a request that would act. A broken chain is only known while running. */
function predictedSkip(probe: Probe, config: PlanInput['config'], embedded: boolean, endpoints: readonly TestedEndpoint[], canLogIn: boolean): string | undefined {
  if (embedded) return undefined;
  const { endpoint, probeCase } = probe;
  if (endpoint.role === 'generic' && probeCase.expect.status < 400 && UNSAFE_METHODS.includes(endpoint.method.toUpperCase())) {
    return `a request ${endpoint.id} accepts would act on the live server (create or change data); it is sent to the embedded provider only`;
  }
  switch (probeCase.token?.kind) {
    case 'chain': return config.refreshToken === undefined && !canLogIn ? NO_CREDENTIALS : undefined;
    case 'rotation': return !canLogIn ? NO_OWN_FAMILY : undefined;
    case 'credentials': return configuredCredentials(config, endpoint) ? undefined : noCredentialsReason(endpoint);
    case 'family': {
      const { issuer } = probeCase.token;
      const endpointOfIssuer = endpoints.find((e) => e.name === issuer);
      return !endpointOfIssuer || configuredCredentials(config, endpointOfIssuer) ? undefined : noCredentialsReason(endpointOfIssuer);
    }
    case 'expired': return NOT_EMBEDDED_EXPIRED;
    case 'store-down': return NOT_EMBEDDED_STORE_DOWN;
    default: return undefined;
  }
}
