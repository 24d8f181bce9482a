// Runs the registry over the exchanges of one probe (a case in one media type) and merges
// what each check said into one finding per check: the worst status wins. A finding carries
// its check's level: one rule, one check, one level.

import type { Finding, ResultStatus } from '../findings/types.ts';
import type { Check } from './check.ts';
import { wireOf, type CheckContext, type ProbeExchange, type Role } from './exchange.ts';
import type { Outcome } from './outcome.ts';
import { CHECKS } from './registry.ts';

const STATUS_RANK: Record<ResultStatus, number> = { pass: 0, info: 1, skip: 2, fail: 3 };

export function evaluateProbe(caseId: string, mediaType: string, exchanges: readonly ProbeExchange[], ctx: CheckContext, checks: readonly Check[] = CHECKS): Finding[] {
  return checks.flatMap((check) => {
    const outcomes = exchanges.filter((e) => judges(check, e.role) && (!check.tokenEndpointsOnly || wireOf(e) !== undefined)).flatMap((e) => check.run(e, ctx));
    return outcomes.length === 0 ? [] : [merge(check, caseId, mediaType, outcomes)];
  });
}

export function judges(check: Check, role: Role): boolean {
  return check.roles === undefined || check.roles.includes(role);
}

/** Run-level findings (caseId `run`, media type `*`) from checks that judge all exchanges together. */
export function evaluateRun(exchanges: readonly ProbeExchange[], ctx: CheckContext, checks: readonly Check[] = CHECKS): Finding[] {
  return checks.flatMap((check) => {
    const outcomes = check.acrossRun?.(exchanges, ctx) ?? [];
    return outcomes.length === 0 ? [] : [merge(check, RUN_CASE, RUN_MEDIA_TYPE, outcomes)];
  });
}

export const RUN_CASE = 'run';
export const RUN_MEDIA_TYPE = '*';

function merge(check: Check, caseId: string, mediaType: string, outcomes: Outcome[]): Finding {
  const worst = Math.max(...outcomes.map((o) => STATUS_RANK[o.status]));
  const chosen = outcomes.filter((o) => STATUS_RANK[o.status] === worst);
  return {
    check: check.id,
    caseId,
    mediaType,
    status: chosen[0]!.status,
    level: check.level,
    title: [...new Set(chosen.map((o) => o.title))].join('; '),
    message: [...new Set(chosen.map((o) => o.message).filter(Boolean))].join(' | '),
  };
}
