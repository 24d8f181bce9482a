// reports/index.html: one self-contained page a person reads in a minute and hands to the
// server's owner. No external assets and a Content-Security-Policy that forbids loading any,
// and every piece of text passes through `markup` (redact, then escape), because a hostile
// server's response text ends up in the evidence.

import type { Finding } from '../findings/types.ts';
import { anchorId, markup } from './escape.ts';
import { gateVerdict } from './gate.ts';
import type { ReportInput } from './input.ts';
import type { Matrix, MatrixCell } from './matrix.ts';
import { advisoryFindings, aimLines, excludedRows, failedRunnerTests, matrixViews, mergeMediaTypes, namingLine, probeLabel, skippedProbes, verdictLine } from './sections.ts';

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1f24; }
h1 { font-size: 1.5rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d0d7de; } h3 { font-size: 1rem; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.cell { text-align: center; font-weight: 600; min-width: 7rem; }
.pass { background: #dafbe1; } .fail { background: #ffebe9; } .skip { background: #fff8c5; } .none { color: #8c959f; }
.verdict { font-size: 1.1rem; font-weight: 600; padding: .5rem; } pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
dl { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; } dt { font-weight: 600; }
`;

export function renderHtml(input: ReportInput): string {
  const { report } = input;
  const conforming = gateVerdict(report, input.runner).conforming;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${markup(`${report.tool.name}: ${conforming ? 'conforming' : 'not conforming'}`)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${markup(`Conformance of ${report.endpoints.length > 0 ? report.endpoints.map((e) => e.id).join(', ') : 'the Consinco auth API'}`)}</h1>`,
    `<p id="verdict" class="verdict ${conforming ? 'pass' : 'fail'}">${markup(verdictLine(input))}</p>`,
    runDetails(input),
    section('naming', 'Field naming', `<p>Verdict: <strong>${markup(namingLine(report.naming))}</strong></p>${report.naming.advice ? `<p>Fix: ${markup(report.naming.advice)}</p>` : '<p>The naming keeps the doc\'s promise; nothing to fix.</p>'}`),
    section('matrix', 'Conformance matrix', matrices(input)),
    section('failures', 'Failures (fail the gate)', findingsTable(gateVerdict(report, input.runner).blocking, input)),
    section('advisories', 'Advisory findings (do not fail the gate)', findingsTable(advisoryFindings(input), input)),
    section('skipped', 'Skipped probes', table(['Probe', 'Media types', 'Reason', 'Checks'], skippedProbes(input).map((s) => [s.caseId, s.mediaTypes.join(', '), s.reason, s.checks.join(', ')].map(markup)))),
    section('excluded', 'Excluded (not sent, not judged)', report.excluded.length > 0 ? table(['Kind', 'Id', 'Level', 'Excluded by'], excludedRows(input).map((row) => row.map(markup))) : '<p>Nothing.</p>'),
    section('contracts', 'Contract verification', report.contracts
      ? table(['Interaction', 'Result', 'Message'], report.contracts.map((c) => [markup(c.interaction), stateLabel(c.status), pre(c.message)]))
      : '<p>No contract verification in this run.</p>'),
    ...(failedRunnerTests(input).length > 0
      ? [section('runner', 'Runner failures', table(['Test', 'Error'], failedRunnerTests(input).map((t) => [markup(t.titlePath.join(' › ')), pre(t.error ?? '')])))]
      : []),
    section('timings', 'Timings', table(['Stage', 'ms'], report.timings.map((t) => [markup(t.stage), markup(Math.round(t.ms))]))),
    section('evidence', 'Evidence', evidence(input)),
    '</body></html>',
    '',
  ].join('\n');
}

function runDetails({ report }: ReportInput): string {
  const s = report.summary;
  const rows: [string, string][] = [
    ['Target', `${report.target}${report.embedded ? ' (embedded reference provider)' : ''}`],
    ['Profile', report.profile],
    ...aimLines(report).slice(1).map((line): [string, string] => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
    ...(report.profileOmissions.length > 0 ? [['Left out by the profile', report.profileOmissions.join(', ')] as [string, string]] : []),
    ['TLS verification', report.insecureTls ? 'OFF (insecure)' : 'on'],
    ['Started', report.startedAt],
    ['Duration', `${(report.durationMs / 1000).toFixed(1)} s`],
    ['Results', `${s.pass} pass, ${s.fail} fail, ${s.skip} skip, ${s.info} info, ${s.advisory} advisory`],
    ['Tool', `${report.tool.name} ${report.tool.version}`],
  ];
  return `<dl id="run">${rows.map(([k, v]) => `<dt>${markup(k)}</dt><dd>${markup(v)}</dd>`).join('')}</dl>`;
}

function matrices(input: ReportInput): string {
  return matrixViews(input).map(({ view, matrix }, i) => {
    if (!view) return matrixTable(matrix, 'matrix-table');
    const { endpoint } = view;
    const naming = endpoint.naming ? ` Naming: <strong>${markup(namingLine(endpoint.naming))}</strong>.` : '';
    return `<h3 id="${anchorId('endpoint', endpoint.name)}">${markup(endpoint.id)}</h3>\n<p>Role: ${markup(endpoint.role)} (${markup(endpoint.roleReason)}).${naming}</p>\n${matrixTable(matrix, i === 0 ? 'matrix-table' : anchorId('matrix', endpoint.name))}`;
  }).join('\n');
}

function matrixTable(matrix: Matrix, id: string): string {
  const head = `<tr><th>Response code</th>${matrix.mediaTypes.map((m) => `<th>${markup(m)}</th>`).join('')}</tr>`;
  const body = matrix.cells.map((row, i) => `<tr><th>${markup(matrix.rows[i]!)}</th>${row.map(matrixCell).join('')}</tr>`).join('\n');
  return `<table id="${id}">\n${head}\n${body}\n</table>\n<p>pass: every gating check passed; fail: at least one gating check failed; skip: the probes were skipped; none: no probe covers the cell. The link opens the evidence.</p>`;
}

function matrixCell(cell: MatrixCell): string {
  const data = `data-status="${markup(cell.row)}" data-media-type="${markup(cell.mediaType)}" data-state="${cell.state}"`;
  if (cell.state === 'none') return `<td class="cell none" ${data}>none</td>`;
  const advisories = cell.advisories > 0 ? ` <small>(${cell.advisories} advisory)</small>` : '';
  return `<td class="cell ${cell.state}" ${data}><a href="#${cell.anchor}">${cell.state}</a>${advisories}</td>`;
}

function evidence(input: ReportInput): string {
  return matrixViews(input).flatMap(({ view, matrix }) => matrix.cells.flat().filter((c) => c.state !== 'none').map((c) => {
    const title = `${view ? `${view.endpoint.id}: ` : ''}${c.row} × ${c.mediaType}: ${c.state}`;
    return `<section id="${c.anchor}"><h3>${markup(title)}</h3>${findingsTable(c.findings, input)}</section>`;
  })).join('\n');
}

/** One row per finding, or per finding said alike in several media types of a case (listing them). */
function findingsTable(findings: Finding[], { report }: ReportInput): string {
  return table(['Probe', 'Media types', 'Check', 'Level', 'Result', 'Title', 'Received / Expected'],
    mergeMediaTypes(findings).map((f) => [markup(probeLabel(f, report)), markup(f.mediaTypes.join(', ')), markup(f.check), markup(f.level), stateLabel(f.status), markup(f.title), pre(f.message)]));
}

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p>None.</p>';
  return `<table><tr>${headers.map((h) => `<th>${markup(h)}</th>`).join('')}</tr>\n${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</table>`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${markup(title)}</h2>\n${body}\n</section>`;
}

function stateLabel(status: string): string {
  return `<span class="${markup(status)}">${markup(status)}</span>`;
}

function pre(text: string): string {
  return text ? `<pre>${markup(text)}</pre>` : '';
}
