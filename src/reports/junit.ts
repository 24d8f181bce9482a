// reports/junit.xml for CI: one <testsuite> per probe case with one <testcase> per media type
// and check, the contract verification, and the runner's own tests (a broken hook or a spec
// failure outside the findings must still turn the CI page red). A test that failed on findings
// is left out of the runner's suite: its findings already fail the probe's suite, once. Shaped by schemas/junit.xsd
// (the Jenkins/Ant JUnit schema that GitHub, GitLab and Jenkins read).

import type { ExcludedWork, Finding } from '../findings/types.ts';
import { markup } from './escape.ts';
import { isBlocking, isBlockingExclusion } from '../run/policy.ts';
import type { ReportInput, RunnerTest } from './input.ts';
import { namingLine, probeLabel } from './sections.ts';

interface Case {
  classname: string;
  name: string;
  timeSeconds?: number;
  /** At most one of these, in the schema's order: skipped, error, failure. */
  outcome?: { kind: 'skipped' | 'error' | 'failure'; message: string; type?: string; text?: string };
  systemOut?: string;
}

export function renderJunit(input: ReportInput): string {
  const { report } = input;
  const suites = [
    ...groupBy(report.results, (f) => probeLabel(f, report)).map(([label, findings]) => suite(`probe ${label}`, findings.map((f) => findingCase(f, report)))),
    ...(report.contracts ? [suite('contract verification', report.contracts.map(contractCase))] : []),
    ...(report.excluded.length > 0 ? [suite('excluded', report.excluded.map((e) => excludedCase(e, report.profile)))] : []),
    ...(input.runner ? [suite('conformance run', input.runner.tests.filter((t) => !t.finding).map(runnerCase), properties(input))] : []),
  ];
  const total = (attr: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + s.counts[attr], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${markup(report.tool.name)}" tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}" time="${seconds(report.durationMs)}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

function findingCase(f: Finding, report: ReportInput['report']): Case {
  const { profile } = report;
  const base = { classname: `${probeLabel(f, report)} [${f.mediaType}]`, name: f.check };
  const detail = [f.title, f.message].filter(Boolean).join('\n');
  if (isBlocking(f, profile)) {
    const message = f.status === 'skip' ? `skipped, and the ${profile} profile fails skipped probes: ${f.title}` : f.title;
    return { ...base, outcome: { kind: 'failure', message, type: f.level, text: f.message } };
  }
  if (f.status === 'skip') return { ...base, outcome: { kind: 'skipped', message: detail } };
  if (f.status === 'fail') return { ...base, systemOut: `advisory (${f.level}, does not fail the gate): ${detail}` };
  if (f.status === 'info') return { ...base, systemOut: `info: ${detail}` };
  return { ...base, systemOut: detail };
}

function contractCase(c: NonNullable<ReportInput['report']['contracts']>[number]): Case {
  const base = { classname: 'contract', name: c.interaction };
  if (c.status === 'fail') return { ...base, outcome: { kind: 'failure', message: firstLine(c.message), type: 'contract', text: c.message } };
  if (c.status === 'skip') return { ...base, outcome: { kind: 'skipped', message: c.message } };
  return { ...base, systemOut: c.message };
}

/** Excluded work is a skipped test naming what excluded it; an excluded MUST check fails a strict run. */
function excludedCase(e: ExcludedWork, profile: ReportInput['report']['profile']): Case {
  const base = { classname: `excluded ${e.kind}`, name: e.id };
  const message = `excluded by ${e.by}`;
  if (isBlockingExclusion(e, profile)) return { ...base, outcome: { kind: 'failure', message: `${message}, and the strict profile fails an excluded MUST check`, type: 'MUST', text: message } };
  return { ...base, outcome: { kind: 'skipped', message } };
}

function runnerCase(t: RunnerTest): Case {
  const base = { classname: t.titlePath.slice(0, -1).join(' › ') || 'conformance run', name: t.titlePath.at(-1) ?? '', timeSeconds: t.durationMs / 1000 };
  if (t.state === 'pending') return { ...base, outcome: { kind: 'skipped', message: 'pending (skipped by the spec)' } };
  if (t.state === 'failed') return { ...base, outcome: { kind: t.hook ? 'error' : 'failure', message: firstLine(t.error ?? ''), type: t.hook ? 'hook' : 'assertion', text: t.error ?? '' } };
  return base;
}

function properties({ report }: ReportInput): Record<string, string> {
  const { pacing } = report;
  return {
    target: report.target, embedded: String(report.embedded), profile: report.profile, naming: namingLine(report.naming),
    rateLimit: String(pacing.rateLimit ?? 'unpaced'), concurrency: String(pacing.concurrency), maxLogins: String(pacing.maxLogins ?? 'uncapped'), loginsUsed: String(pacing.loginsUsed),
    ...(report.profileOmissions.length > 0 ? { profileOmissions: report.profileOmissions.join(', ') } : {}),
  };
}

interface RenderedSuite {
  xml: string;
  counts: { tests: number; failures: number; errors: number; skipped: number };
}

function suite(name: string, cases: Case[], props: Record<string, string> = {}): RenderedSuite {
  const counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome?.kind === 'failure').length,
    errors: cases.filter((c) => c.outcome?.kind === 'error').length,
    skipped: cases.filter((c) => c.outcome?.kind === 'skipped').length,
  };
  const time = cases.reduce((s, c) => s + (c.timeSeconds ?? 0), 0);
  const propertyXml = Object.keys(props).length === 0 ? [] : [
    '    <properties>',
    ...Object.entries(props).map(([k, v]) => `      <property name="${markup(k)}" value="${markup(v)}"/>`),
    '    </properties>',
  ];
  const xml = [
    `  <testsuite name="${markup(name)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="${time.toFixed(3)}">`,
    ...propertyXml,
    ...cases.map(testcase),
    '  </testsuite>',
  ].join('\n');
  return { xml, counts };
}

function testcase(c: Case): string {
  const time = c.timeSeconds === undefined ? '' : ` time="${c.timeSeconds.toFixed(3)}"`;
  const open = `    <testcase classname="${markup(c.classname)}" name="${markup(c.name)}"${time}`;
  const children = [
    c.outcome ? outcomeXml(c.outcome) : '',
    c.systemOut ? `      <system-out>${markup(c.systemOut)}</system-out>` : '',
  ].filter(Boolean);
  return children.length === 0 ? `${open}/>` : [`${open}>`, ...children, '    </testcase>'].join('\n');
}

function outcomeXml(o: NonNullable<Case['outcome']>): string {
  const type = o.type ? ` type="${markup(o.type)}"` : '';
  return `      <${o.kind} message="${markup(o.message)}"${type}>${markup(o.text ?? '')}</${o.kind}>`;
}

function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
