// The lines printed at the end of a run: the naming verdict with its advice, and the counts,
// so a CI log says what the server emits and what to fix without opening a report.

import type { FindingsReport } from '../findings/types.ts';
import { aimLines } from '../reports/sections.ts';

export function summaryLines(report: FindingsReport): string[] {
  const { naming, summary } = report;
  const formats = Object.entries(naming.byFormat).map(([format, verdict]) => `${format}: ${verdict}`).join(', ');
  return [
    `Target: ${report.target}${report.embedded ? ' (embedded reference provider)' : ''}${report.insecureTls ? '; TLS verification OFF (INSECURE_TLS=1)' : ''}`,
    ...aimLines(report),
    ...excludedLines(report),
    `Naming verdict: ${naming.verdict}${formats ? ` (${formats})` : ''}`,
    ...(naming.advice ? [`Advice: ${naming.advice}`] : []),
    `Findings: ${summary.pass} pass, ${summary.fail} fail (${summary.advisory} advisory), ${summary.skip} skip, ${summary.info} info`,
  ];
}

/** Every excluded item, grouped by what excluded it, so nothing goes silently missing from the log. */
function excludedLines(report: FindingsReport): string[] {
  const rules = [...new Set(report.excluded.map((e) => e.by))];
  return rules.map((by) => `Excluded by ${by}: ${report.excluded.filter((e) => e.by === by).map((e) => `${e.id}${e.level ? ` (${e.level} check)` : ''}`).join(', ')}`);
}
