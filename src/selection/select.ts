// ONLY, SKIP and PROFILE=production as one filter over the probe table, the contract's
// interactions and the check registry. Every item left out is kept in `excluded` with what
// excluded it, so each report can list it instead of letting it go silently missing.
//
// Patterns are comma-separated globs (`*` any run of characters, `?` one) matched against whole
// ids (case ids, alone or as `<endpoint name>/<case id>`, contract and check ids), or
// `group:<name>` (`group:endpoint:login` for one endpoint's cases). ONLY works per dimension: patterns that
// match work (cases, contract interactions) keep only the work they match, patterns that match
// checks keep only those checks; a dimension no ONLY pattern names stays whole. An excluded
// check is never run: it judges no exchange, passes and fails nothing, and is listed as
// excluded (PROFILE=strict fails a run that excluded a MUST check).

import type { Config } from '../config/config.ts';
import { ConfigError } from '../config/configError.ts';
import type { ExcludedWork } from '../findings/types.ts';
import type { Check } from '../checks/check.ts';
import { CHECKS } from '../checks/registry.ts';
import { interactionsFor, type InteractionCase } from '../pact/interactions.ts';
import type { ProbeCase } from '../probes/caseTypes.ts';
import { casesFor, endpointProbes, qualifiedCaseId } from '../probes/cases.ts';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import { packageEndpoints } from '../endpoints/packageEndpoints.ts';
import { buildRequest } from '../probes/request.ts';
import { GROUPS, caseItem, checkItem, contractItem, type WorkItem } from './workItems.ts';

/** PROFILE=production sends no hostile body larger than this. */
export const PRODUCTION_MAX_BODY_BYTES = 64 * 1024;

const PRODUCTION = 'PROFILE=production';

export interface Exclusion extends WorkItem {
  /** What excluded it: `SKIP=hostile.*`, `ONLY=group:documented`, `PROFILE=production: deep nesting`. */
  by: string;
}

export interface Selection {
  only: readonly string[];
  skip: readonly string[];
  checks: readonly Check[];
  excluded: readonly Exclusion[];
  /** Why a case or contract interaction is excluded, or undefined when it runs. */
  excludedBy(id: string): string | undefined;
  /** What the profile left out, in a reader's words (empty unless PROFILE=production). */
  profileOmissions: readonly string[];
}

function globRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

export function matches(pattern: string, item: WorkItem): boolean {
  if (pattern.startsWith('group:')) return item.groups.includes(pattern.slice('group:'.length));
  const glob = globRegExp(pattern);
  return glob.test(item.id) || (item.localId !== undefined && glob.test(item.localId));
}

function productionReason(endpoint: TestedEndpoint, c: ProbeCase): string | undefined {
  if (c.role !== 'hostile') return undefined;
  if (c.risk) return `${PRODUCTION}: ${c.risk.replace('-', ' ')}`;
  const bytes = Math.max(...endpointProbes(endpoint, [c]).map((p) => Buffer.byteLength(buildRequest(p, p.probeCase.token?.kind === 'literal' ? p.probeCase.token.value : undefined).body)));
  return bytes > PRODUCTION_MAX_BODY_BYTES ? `${PRODUCTION}: body over ${PRODUCTION_MAX_BODY_BYTES / 1024} kB` : undefined;
}

/** A pattern that matches nothing is a configuration error (exit 2), so a typo never silently runs everything. */
function checkPatterns(variable: 'ONLY' | 'SKIP', patterns: readonly string[], items: readonly WorkItem[]): void {
  for (const pattern of patterns) {
    if (!items.some((item) => matches(pattern, item))) {
      throw new ConfigError(variable, `"${pattern}" matches no case id, contract id, check id or group (groups: ${GROUPS.map((g) => `group:${g}`).join(', ')})`);
    }
  }
}

export interface SelectionInput {
  only: readonly string[];
  skip: readonly string[];
  profile: Config['profile'];
}

export function select({ only, skip, profile }: SelectionInput, endpoints: readonly TestedEndpoint[] = packageEndpoints(), checks: readonly Check[] = CHECKS, interactions: readonly InteractionCase[] = interactionsFor(endpoints).cases): Selection {
  const cases = endpoints.flatMap((endpoint) => casesFor(endpoint, endpoints).map((c) => ({ endpoint, c })));
  const work = [...cases.map(({ endpoint, c }) => caseItem(endpoint, c)), ...interactions.map(contractItem)];
  const checkItems = checks.map(checkItem);
  checkPatterns('ONLY', only, [...work, ...checkItems]);
  checkPatterns('SKIP', skip, [...work, ...checkItems]);
  const onlyBy = (dimension: readonly WorkItem[]) => {
    const named = only.filter((p) => dimension.some((item) => matches(p, item)));
    return (item: WorkItem) => (named.length > 0 && !named.some((p) => matches(p, item)) ? `ONLY=${named.join(',')}` : undefined);
  };
  const notOnlyWork = onlyBy(work);
  const notOnlyCheck = onlyBy(checkItems);
  const skipBy = (item: WorkItem) => {
    const pattern = skip.find((p) => matches(p, item));
    return pattern ? `SKIP=${pattern}` : undefined;
  };
  const production = profile === 'production';
  const caseReason = new Map(cases.map(({ endpoint, c }) => [qualifiedCaseId(endpoint, c.id), production ? productionReason(endpoint, c) : undefined]));
  const excluded: Exclusion[] = [];
  const exclude = (item: WorkItem, by: string | undefined) => (by ? (excluded.push({ ...item, by }), true) : false);
  for (const item of work) exclude(item, notOnlyWork(item) ?? skipBy(item) ?? caseReason.get(item.id));
  const kept = checks.filter((_, i) => !exclude(checkItems[i]!, notOnlyCheck(checkItems[i]!) ?? skipBy(checkItems[i]!)));
  const byId = new Map(excluded.filter((e) => e.kind !== 'check').map((e) => [e.id, e.by]));
  return {
    only,
    skip,
    checks: kept,
    excluded,
    excludedBy: (id) => byId.get(id),
    profileOmissions: production ? productionOmissions(excluded) : [],
  };
}

/** The exclusions as the reports and the preview carry them (no groups). */
export function excludedWork(selection: Selection): ExcludedWork[] {
  return selection.excluded.map(({ kind, id, level, by }) => ({ kind, id, ...(level ? { level } : {}), by }));
}

function productionOmissions(excluded: readonly Exclusion[]): string[] {
  const reasons = [...new Set(excluded.filter((e) => e.by.startsWith(PRODUCTION)).map((e) => e.by))];
  return reasons.map((by) => {
    const n = excluded.filter((e) => e.by === by).length;
    return `${n} hostile ${n === 1 ? 'case' : 'cases'} (${by.slice(PRODUCTION.length + 2)})`;
  });
}
