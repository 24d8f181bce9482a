// The lines printed at the end of a run: the naming verdict with its advice, and the counts,
// so a CI log says what the server emits and what to fix without opening a report.

import type { FindingsReport } from '../findings/types.ts';

export function summaryLines(report: FindingsReport): string[] {
  const { naming, summary } = report;
  const formats = Object.entries(naming.byFormat).map(([format, verdict]) => `${format}: ${verdict}`).join(', ');
  return [
    `Target: ${report.target}${report.embedded ? ' (embedded reference provider)' : ''}; profile ${report.profile}${report.insecureTls ? '; TLS verification OFF (INSECURE_TLS=1)' : ''}`,
    `Naming verdict: ${naming.verdict}${formats ? ` (${formats})` : ''}`,
    ...(naming.advice ? [`Advice: ${naming.advice}`] : []),
    `Findings: ${summary.pass} pass, ${summary.fail} fail (${summary.advisory} advisory), ${summary.skip} skip, ${summary.info} info`,
  ];
}
