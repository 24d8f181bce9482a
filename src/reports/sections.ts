// The report's sections as data, shared by the HTML page, the Markdown summary and the console,
// so the three always tell the same story in the same words.

import type { ExcludedWork, Finding, FindingsReport, NamingReport } from '../findings/types.ts';
import { isAdvisory } from '../run/policy.ts';
import { gateVerdict } from './gate.ts';
import type { ReportInput } from './input.ts';
import { buildMatrix, type Matrix } from './matrix.ts';

/** A finding's probe as a reader finds it across endpoints: `login/ok.json-body`, or the case id alone for the run. */
export function probeLabel(f: Pick<Finding, 'endpoint' | 'caseId'>, report: Pick<FindingsReport, 'endpoints'>): string {
  const endpoint = report.endpoints.find((e) => e.id === f.endpoint);
  return endpoint ? `${endpoint.name}/${f.caseId}` : f.caseId;
}

/** One section per endpoint of the run: its findings, and the report cut down to them (one matrix each). */
export interface EndpointView {
  endpoint: FindingsReport['endpoints'][number];
  input: ReportInput;
}

export function endpointViews(input: ReportInput): EndpointView[] {
  return input.report.endpoints.map((endpoint) => ({
    endpoint,
    input: { ...input, report: { ...input.report, results: input.report.results.filter((f) => f.endpoint === endpoint.id) } },
  }));
}

export interface MatrixView {
  view?: EndpointView;
  matrix: Matrix;
}

const matricesOf = new WeakMap<ReportInput, MatrixView[]>();

/**
 * One matrix per endpoint of the run (a report without endpoints: one for all its findings).
 * Worked out once per report input: the page and the summary both show them.
 */
export function matrixViews(input: ReportInput): MatrixView[] {
  let views = matricesOf.get(input);
  if (!views) {
    const perEndpoint = endpointViews(input);
    views = perEndpoint.length === 0 ? [{ matrix: buildMatrix(input) }] : perEndpoint.map((view) => ({ view, matrix: buildMatrix(view.input, view.endpoint.name) }));
    matricesOf.set(input, views);
  }
  return views;
}

export interface SkippedProbe {
  caseId: string;
  mediaTypes: string[];
  reason: string;
  checks: string[];
}

/** One entry per probe case and reason, listing its media types: a skipped probe skips all its checks for the same reason. */
export function skippedProbes({ report }: ReportInput): SkippedProbe[] {
  const byKey = new Map<string, SkippedProbe>();
  for (const f of report.results.filter((r) => r.status === 'skip')) {
    const reason = [f.title, f.message].filter(Boolean).join(': ');
    const caseId = probeLabel(f, report);
    const key = JSON.stringify([caseId, reason]);
    const entry = byKey.get(key) ?? { caseId, mediaTypes: [], reason, checks: [] };
    if (!entry.mediaTypes.includes(f.mediaType)) entry.mediaTypes.push(f.mediaType);
    if (!entry.checks.includes(f.check)) entry.checks.push(f.check);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** A finding said the same way in several media types of one case: one row listing them. */
export interface MergedFinding extends Finding {
  mediaTypes: string[];
}

export function mergeMediaTypes(findings: readonly Finding[]): MergedFinding[] {
  const byKey = new Map<string, MergedFinding>();
  for (const f of findings) {
    const key = JSON.stringify([f.endpoint, f.caseId, f.check, f.status, f.level, f.title, f.message]);
    const merged = byKey.get(key);
    if (merged) merged.mediaTypes.push(f.mediaType);
    else byKey.set(key, { ...f, mediaTypes: [f.mediaType] });
  }
  return [...byKey.values()];
}

/** Failures the profile does not block on, and information worth a reader's minute. */
export function advisoryFindings({ report }: ReportInput): Finding[] {
  return report.results.filter((f) => isAdvisory(f, report.profile) || f.status === 'info');
}

/** Failures of the run itself; a test that failed on findings is told once, by the findings. */
export function failedRunnerTests({ runner }: ReportInput): NonNullable<ReportInput['runner']>['tests'] {
  return (runner?.tests ?? []).filter((t) => t.state === 'failed' && !t.finding);
}

/** One line a reader and a CI log both understand; `extraReasons` come from outside the report (a leak). */
export function verdictLine(input: ReportInput, extraReasons: readonly string[] = []): string {
  const v = gateVerdict(input.report, input.runner);
  const reasons = [...extraReasons];
  if (v.blocking.length > 0) reasons.push(`${count(v.blocking.length, 'finding fails', 'findings fail')} the gate`);
  if (v.contractFailures > 0) reasons.push(count(v.contractFailures, 'contract interaction fails', 'contract interactions fail'));
  if (v.excludedMust.length > 0) reasons.push(`the strict profile excluded ${count(v.excludedMust.length, 'MUST check', 'MUST checks')} (${v.excludedMust.map((e) => `${e.id} by ${e.by}`).join(', ')})`);
  if (v.runnerFailures > 0) reasons.push(`${count(v.runnerFailures, 'test fails', 'tests fail')} in the runner`);
  if (v.ranNothing) reasons.push('no test ran');
  return reasons.length === 0 ? 'CONFORMING: no finding fails the gate' : `NOT CONFORMING: ${reasons.join(', ')}`;
}

export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function namingLine({ verdict, byFormat }: NamingReport): string {
  const formats = Object.entries(byFormat).map(([format, v]) => `${format}: ${v}`).join(', ');
  return `${verdict}${formats ? ` (${formats})` : ''}`;
}

/** The run's aim in one line each: the profile and what it left out, the pacing, the selection. */
export function aimLines(report: FindingsReport): string[] {
  const { pacing, selection } = report;
  const rate = pacing.rateLimit === null ? 'unpaced' : `at most ${pacing.rateLimit} requests/s`;
  const logins = `${pacing.loginsUsed} ${pacing.loginsUsed === 1 ? 'login' : 'logins'}${pacing.maxLogins === null ? '' : ` of MAX_LOGINS=${pacing.maxLogins}`}`;
  const patterns = [...selection.only.map((p) => `ONLY=${p}`), ...selection.skip.map((p) => `SKIP=${p}`)];
  return [
    `Profile ${report.profile}${report.profileOmissions.length > 0 ? `; left out: ${report.profileOmissions.join(', ')}` : ''}`,
    `Pacing: ${rate}, concurrency ${pacing.concurrency}, ${logins}`,
    `Selection: ${patterns.length > 0 ? patterns.join(' ') : 'everything'}; excluded: ${excludedCounts(report.excluded)}`,
  ];
}

function excludedCounts(excluded: readonly ExcludedWork[]): string {
  if (excluded.length === 0) return 'nothing';
  const of = (kind: ExcludedWork['kind'], one: string, many: string) => {
    const n = excluded.filter((e) => e.kind === kind).length;
    return n > 0 ? [count(n, one, many)] : [];
  };
  return [...of('case', 'probe case', 'probe cases'), ...of('contract', 'contract interaction', 'contract interactions'), ...of('check', 'check', 'checks')].join(', ');
}

/** One row per excluded item: kind, id, level (checks), what excluded it. */
export function excludedRows({ report }: ReportInput): string[][] {
  return report.excluded.map((e) => [e.kind, e.id, e.level ?? '', e.by]);
}
