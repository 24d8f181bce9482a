// reports/summary.md: the same story as the HTML page, short enough for a pull-request comment
// (GitHub takes 65,536 characters): findings are grouped by check and title with one example,
// and the text is cut with a pointer to index.html if it still runs long. Every piece of
// server-derived text passes through `markdown` (redact, one line, no markup a hostile server
// could use to forge links or HTML in the comment).

import type { Finding } from '../findings/types.ts';
import { markdown } from './escape.ts';
import { gateVerdict } from './gate.ts';
import type { ReportInput } from './input.ts';
import type { CellState, Matrix, MatrixCell } from './matrix.ts';
import { advisoryFindings, aimLines, count, excludedRows, failedRunnerTests, matrixViews, namingLine, probeLabel, skippedProbes, verdictLine } from './sections.ts';

const ICON: Record<CellState, string> = { pass: '✅', fail: '❌', skip: '⏭️', none: '—' };
/** Below GitHub's comment limit, with room for a CI bot's own header. */
export const MAX_COMMENT_CHARS = 60000;
/** Probes named per finding group; the rest are counted. */
const PROBES_NAMED = 6;

export function renderMarkdown(input: ReportInput): string {
  const { report } = input;
  const verdict = gateVerdict(report, input.runner);
  const s = report.summary;
  return fitForComment([
    `## ${verdict.conforming ? '✅' : '❌'} Consinco auth conformance: ${markdown(verdictLine(input))}`,
    '',
    `Target ${markdown(report.target)}${report.embedded ? ' (embedded reference provider)' : ''}, profile ${markdown(report.profile)}${report.insecureTls ? ', **TLS verification OFF**' : ''}, ${(report.durationMs / 1000).toFixed(1)} s. ` +
      `Results: ${s.pass} pass, ${s.fail} fail, ${s.skip} skip, ${s.info} info, ${s.advisory} advisory.`,
    '',
    ...aimLines(report).map((line) => `- ${markdown(line)}`),
    '',
    '### Field naming',
    '',
    `Verdict: **${markdown(namingLine(report.naming))}**`,
    '',
    report.naming.advice ? `Fix: ${markdown(report.naming.advice)}` : 'The naming keeps the doc\'s promise; nothing to fix.',
    '',
    '### Conformance matrix',
    '',
    ...matrices(input),
    '### Failures (fail the gate)',
    '',
    ...findingList(verdict.blocking, input),
    '',
    '### Advisory findings (do not fail the gate)',
    '',
    ...findingList(advisoryFindings(input), input),
    '',
    '### Skipped probes',
    '',
    ...list(skippedProbes(input).map((p) => `${markdown(p.caseId)} (${markdown(p.mediaTypes.join(', '))}): ${markdown(p.reason)}`)),
    '',
    '### Excluded (not sent, not judged)',
    '',
    ...(report.excluded.length > 0
      ? ['| Kind | Id | Level | Excluded by |', '| --- | --- | --- | --- |', ...excludedRows(input).map((row) => `| ${row.map(markdown).join(' | ')} |`)]
      : ['Nothing.']),
    '',
    '### Contract verification',
    '',
    ...(report.contracts
      ? list(report.contracts.map((c) => `${c.status === 'fail' ? '❌' : c.status === 'pass' ? '✅' : '⏭️'} ${markdown(c.interaction)}${c.message ? `: ${markdown(c.message)}` : ''}`))
      : ['No contract verification in this run.']),
    ...(failedRunnerTests(input).length > 0
      ? ['', '### Runner failures', '', ...list(failedRunnerTests(input).map((t) => `${markdown(t.titlePath.join(' › '))}: ${markdown(t.error ?? '')}`))]
      : []),
    '',
    '### Timings',
    '',
    '| Stage | ms |',
    '| --- | ---: |',
    ...report.timings.map((t) => `| ${markdown(t.stage)} | ${Math.round(t.ms)} |`),
    '',
    '### Evidence',
    '',
    ...matrixViews(input).flatMap(({ view, matrix }) => matrix.cells.flat().filter((c) => c.state !== 'none').flatMap((cell) => evidence(cell, view ? `${view.endpoint.id}: ` : '', input))),
  ].join('\n'));
}

function fitForComment(text: string): string {
  if (text.length <= MAX_COMMENT_CHARS) return text;
  const cut = text.lastIndexOf('\n', MAX_COMMENT_CHARS - 200);
  return `${text.slice(0, cut)}\n\n_Cut to fit a pull-request comment: the full evidence is in index.html and findings.json._\n`;
}

function matrices(input: ReportInput): string[] {
  return matrixViews(input).flatMap(({ view, matrix }) => [
    ...(view ? [
      `#### ${markdown(view.endpoint.id)}`,
      '',
      `Role: ${markdown(view.endpoint.role)} (${markdown(view.endpoint.roleReason)})${view.endpoint.naming ? `. Naming: **${markdown(namingLine(view.endpoint.naming))}**` : ''}`,
      '',
    ] : []),
    ...matrixTable(matrix),
    '',
  ]);
}

function matrixTable(matrix: Matrix): string[] {
  return [
    `| Response code | ${matrix.mediaTypes.map(markdown).join(' | ')} |`,
    `| --- |${matrix.mediaTypes.map(() => ' :---: |').join('')}`,
    ...matrix.cells.map((row, i) => `| ${markdown(matrix.rows[i]!)} | ${row.map(cellText).join(' | ')} |`),
  ];
}

function cellText(cell: MatrixCell): string {
  if (cell.state === 'none') return `${ICON.none} none`;
  const advisories = cell.advisories > 0 ? ` (${cell.advisories} advisory)` : '';
  return `${ICON[cell.state]} [${cell.state}](#${cell.anchor})${advisories}`;
}

/** Everything but passes in full; passes as a count and the check ids, to fit a PR comment. */
function evidence(cell: MatrixCell, title: string, input: ReportInput): string[] {
  const passed = cell.findings.filter((f) => f.status === 'pass');
  const rest = cell.findings.filter((f) => f.status !== 'pass');
  return [
    `<a id="${cell.anchor}"></a>`,
    `#### ${markdown(`${title}${cell.row}`)} × ${markdown(cell.mediaType)}: ${ICON[cell.state]} ${cell.state}`,
    '',
    ...groupedFindings(rest, input),
    ...(passed.length > 0 ? [`- passed: ${count(passed.length, 'check', 'checks')} (${[...new Set(passed.map((f) => markdown(f.check)))].join(', ')})`] : []),
    '',
  ];
}

function findingList(findings: Finding[], input: ReportInput): string[] {
  return findings.length === 0 ? ['None.'] : groupedFindings(findings, input);
}

/** One line per status, level, check and title: how many, on which probes (each case once, with its media types), and one example. */
function groupedFindings(findings: Finding[], { report }: ReportInput): string[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = JSON.stringify([f.status, f.level, f.check, f.title]);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const mediaTypesOf = new Map<string, Set<string>>();
    for (const f of group) mediaTypesOf.set(probeLabel(f, report), (mediaTypesOf.get(probeLabel(f, report)) ?? new Set()).add(f.mediaType));
    const probes = [...mediaTypesOf].map(([caseId, mediaTypes]) => `${markdown(caseId)} (${markdown([...mediaTypes].join(', '))})`);
    const named = probes.slice(0, PROBES_NAMED).join(', ') + (probes.length > PROBES_NAMED ? ` and ${probes.length - PROBES_NAMED} more` : '');
    const example = first.message ? `. ${group.length > 1 ? 'Example: ' : ''}${markdown(first.message)}` : '';
    return `- **${markdown(first.status)}** ${markdown(first.level)} ${markdown(first.check)}: ${markdown(first.title)} (${count(group.length, 'finding', 'findings')}: ${named})${example}`;
  });
}


function list(lines: string[]): string[] {
  return lines.length === 0 ? ['None.'] : lines.map((l) => `- ${l}`);
}
