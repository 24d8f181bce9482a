// What the run will do with each probe before it sends anything: exclude it (ONLY, SKIP, the
// profile), skip it with a reason known in advance (no way to get its token, no login left
// under MAX_LOGINS), or send it. The runner executes this plan and `--list` prints it, so the
// preview and the run cannot disagree. Logins are handed out in table order.

import type { Config } from '../config/config.ts';
import type { Probe } from '../probes/cases.ts';
import { NOT_EMBEDDED_EXPIRED, NOT_EMBEDDED_STORE_DOWN, NO_OWN_FAMILY } from '../probes/execute.ts';
import { loginBudgetReason } from '../run/logins.ts';
import { NO_CREDENTIALS } from '../run/tokens.ts';
import type { Selection } from '../selection/select.ts';

export interface PlanInput {
  config: Pick<Config, 'refreshToken' | 'login' | 'maxLogins'>;
  embedded: boolean;
  selection: Selection;
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
  /** The login that starts the chain (LOGIN_* without REFRESH_TOKEN), before any probe. */
  initialLogin: boolean;
  /** Logins the plan makes: the initial one and one per rotation probe on a live target. */
  logins: number;
}

export function planProbes({ config, embedded, selection }: PlanInput, probes: readonly Probe[]): ProbePlan {
  const initialLogin = config.login !== undefined && config.refreshToken === undefined;
  let logins = initialLogin ? 1 : 0;
  const canLogIn = () => config.maxLogins === undefined || logins < config.maxLogins;
  const planned = probes.map((probe): PlannedProbe => {
    const excludedBy = selection.excludedBy(probe.probeCase.id);
    if (excludedBy) return { probe, excludedBy, logsIn: false };
    const skipReason = predictedSkip(probe, config, embedded);
    if (skipReason) return { probe, skipReason, logsIn: false };
    if (probe.probeCase.token?.kind !== 'rotation' || embedded) return { probe, logsIn: false };
    if (!canLogIn()) return { probe, skipReason: loginBudgetReason(config.maxLogins!), logsIn: false };
    logins++;
    return { probe, logsIn: true };
  });
  return { probes: planned, initialLogin, logins };
}

/** The skips known before sending: a token the target cannot give. A broken chain is only known while running. */
function predictedSkip(probe: Probe, config: PlanInput['config'], embedded: boolean): string | undefined {
  if (embedded) return undefined;
  switch (probe.probeCase.token?.kind) {
    case 'chain': return config.refreshToken === undefined && config.login === undefined ? NO_CREDENTIALS : undefined;
    case 'rotation': return config.login === undefined ? NO_OWN_FAMILY : undefined;
    case 'expired': return NOT_EMBEDDED_EXPIRED;
    case 'store-down': return NOT_EMBEDDED_STORE_DOWN;
    default: return undefined;
  }
}
