// The probe engine: sends every probe (the token chain in one sequential lane, independent
// probes in parallel as far as the run's pacing lets them, the provoked 500s last while the
// store is off), validates all XML bodies in one XSD batch, runs the check registry over the
// probes and the login exchanges, and files the findings with the run. When the target stopped
// answering, the probes it left unanswered are skipped and one run finding says what happened.

import type { Finding } from '../findings/types.ts';
import type { Run } from '../run/context.ts';
import type { CheckContext, ProbeExchange } from '../checks/exchange.ts';
import { bodyKind, parseBody, schemaNaming } from '../checks/body.ts';
import { RUN_CASE, RUN_MEDIA_TYPE, evaluateProbe, evaluateRun } from '../checks/evaluate.ts';
import { namingReport } from '../checks/naming.ts';
import type { Check } from '../checks/check.ts';
import { checkById } from '../checks/registry.ts';
import { inputNoServerError, targetStopped } from '../checks/robustness.ts';
import type { RecordedRequest } from '../findings/types.ts';
import { TARGET_STOPPED } from '../run/traffic.ts';
import { LOGIN_CASE, LOGIN_MEDIA_TYPES } from '../target/login.ts';
import { validateXmlBodies } from '../validation/xmlBody.ts';
import type { SchemaProblem } from '../validation/problem.ts';
import { expandProbes, type Probe } from './cases.ts';
import { execute, storeDown, type Executed } from './execute.ts';
import { redact } from '../redaction/redactor.ts';
import { planProbes } from '../plan/probePlan.ts';

export interface ProbeResult extends Executed {
  probe: Probe;
  findings: Finding[];
  /** What excluded the probe (ONLY, SKIP, the profile); it was not sent. */
  excludedBy?: string;
}

export interface ProbeRun {
  results: Map<string, ProbeResult>;
  /** Findings about the login exchanges (caseId `login`), judged like refresh responses. */
  loginFindings: Finding[];
  /** Findings about the run as a whole (caseId `run`). */
  runFindings: Finding[];
}

async function sendAll(run: Run, probes: readonly Probe[]): Promise<Map<Probe, Executed>> {
  const kind = (p: Probe) => p.probeCase.token?.kind;
  const chain = probes.filter((p) => kind(p) === 'chain');
  const down = probes.filter((p) => kind(p) === 'store-down');
  const free = probes.filter((p) => !chain.includes(p) && !down.includes(p));
  const done = new Map<Probe, Executed>();
  const t0 = performance.now();
  await Promise.all([
    (async () => {
      for (const p of chain) done.set(p, await execute(run, p));
    })(),
    // The run's traffic control (CONCURRENCY) decides how many of these are in flight at once.
    ...free.map(async (p) => done.set(p, await execute(run, p))),
  ]);
  (await storeDown(run, down)).forEach((executed, i) => done.set(down[i]!, executed));
  run.findings.timing('probes.send', performance.now() - t0);
  return done;
}

/** Every XML body the checks will validate, in one XSD call (one JVM per naming). */
async function validateXml(exchanges: readonly ProbeExchange[], ctxNaming: CheckContext['naming']): Promise<Map<ProbeExchange, SchemaProblem[]>> {
  const xml = exchanges.flatMap((exchange) => {
    const response = exchange.response;
    const kind = response && bodyKind(response);
    if (!response || !kind) return [];
    const parsed = parseBody(response);
    return parsed.format === 'xml' ? [{ exchange, body: { kind, xml: response.body, naming: schemaNaming(parsed, ctxNaming) } }] : [];
  });
  const problems = await validateXmlBodies(xml.map((x) => x.body));
  return new Map(xml.map((x, i) => [x.exchange, problems[i]!]));
}

function skipFinding(probe: Probe, reason: string): Finding {
  const role = probe.probeCase.role;
  const check = checkById(role === 'expired' ? 'token.expiry' : role === 'rotation' ? 'token.rotation' : role === 'hostile' ? 'input.no-server-error' : 'status.documented');
  // The reason is the title, said once; a skip has no Received / Expected.
  return { check: check.id, caseId: probe.probeCase.id, mediaType: probe.mediaType, status: 'skip', level: check.level, title: redact(reason), message: '' };
}

/** A probe the stop cut short is not judged at all: its unanswered requests are the stop's one finding. */
function afterStop(run: Run, executed: Executed): Executed {
  return executed.exchanges.some((e) => run.traffic.lostToStop(e.request)) ? { exchanges: [], skipReason: TARGET_STOPPED } : executed;
}

/** The judged exchanges' own findings, plus the skip of the verdict that could not be given. */
function judge(probe: Probe, { exchanges, skipReason }: Executed, ctx: CheckContext, checks: readonly Check[]): Finding[] {
  const findings = evaluateProbe(probe.probeCase.id, probe.mediaType, exchanges, ctx, checks);
  return skipReason ? [...findings, skipFinding(probe, skipReason)] : findings;
}

function judgeLogins(logins: readonly ProbeExchange[], ctx: CheckContext, checks: readonly Check[]): Finding[] {
  return LOGIN_MEDIA_TYPES.flatMap((mediaType) => evaluateProbe(LOGIN_CASE, mediaType, logins.filter((e) => e.mediaType === mediaType), ctx, checks));
}

/** The stop as one run finding, each request named after the probe (or login) that sent it. */
function stopFindings(run: Run, exchanges: readonly ProbeExchange[]): Finding[] {
  const stop = run.traffic.stop;
  if (!stop) return [];
  const byRequest = new Map<RecordedRequest, ProbeExchange>(exchanges.map((e) => [e.request, e]));
  const label = (request: RecordedRequest) => {
    const e = byRequest.get(request);
    return e ? `${e.caseId} [${e.mediaType}]` : `${request.method} ${request.path} (contract verification)`;
  };
  const outcome = targetStopped(stop, label);
  return [{ check: inputNoServerError.id, caseId: RUN_CASE, mediaType: RUN_MEDIA_TYPE, level: inputNoServerError.level, status: outcome.status, title: outcome.title, message: outcome.message }];
}

export async function runProbes(run: Run, probes: readonly Probe[] = expandProbes()): Promise<ProbeRun> {
  const plan = planProbes({ config: run.config, embedded: run.target.embedded, selection: run.selection }, probes).probes;
  const sent = await sendAll(run, plan.filter((p) => !p.excludedBy && !p.skipReason).map((p) => p.probe));
  const executed = new Map([...sent].map(([probe, e]) => [probe, afterStop(run, e)]));
  for (const { probe, skipReason } of plan) if (skipReason) executed.set(probe, { exchanges: [], skipReason });
  const logins = run.loginExchanges.filter((e) => !run.traffic.lostToStop(e.request));
  const all = [...[...executed.values()].flatMap((e) => e.exchanges), ...logins];
  const t0 = performance.now();
  const xsd = await validateXml(all, run.config.naming);
  run.findings.timing('probes.xsd', performance.now() - t0);
  const checksStarted = performance.now();
  const ctx: CheckContext = { naming: run.config.naming, responseTimeBudgetMs: run.config.responseTimeBudgetMs, xsdProblems: (e) => xsd.get(e) };
  const checks = run.selection.checks;
  const results = new Map<string, ProbeResult>();
  for (const { probe, excludedBy } of plan) {
    if (excludedBy) {
      results.set(probe.key, { probe, exchanges: [], excludedBy, findings: [] });
      continue;
    }
    const done = executed.get(probe)!;
    const findings = judge(probe, done, ctx, checks);
    findings.forEach((f) => run.findings.add(f));
    results.set(probe.key, { probe, ...done, findings });
  }
  const loginFindings = judgeLogins(logins, ctx, checks);
  loginFindings.forEach((f) => run.findings.add(f));
  const stop = checks.includes(inputNoServerError) ? stopFindings(run, [...[...sent.values()].flatMap((e) => e.exchanges), ...run.loginExchanges]) : [];
  const runFindings = [...stop, ...evaluateRun(all, ctx, checks)];
  runFindings.forEach((f) => run.findings.add(f));
  run.findings.setNaming(namingReport(all));
  run.findings.timing('probes.checks', performance.now() - checksStarted);
  return { results, loginFindings, runFindings };
}
