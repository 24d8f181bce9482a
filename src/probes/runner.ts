// The probe engine's judging half: sendProbes (send.ts) records, then this validates every XML
// body in one XSD batch, runs the check registry over the probes and, once nothing uses the
// target any more, over the login exchanges and the run as a whole (one finding when the target
// stopped answering), and files the findings with the run.

import type { Finding } from '../findings/types.ts';
import type { Run } from '../run/context.ts';
import { endpointOf, wireOf, type CheckContext, type ProbeExchange } from '../checks/exchange.ts';
import { bodyKind, parseBody, presumedNaming, schemaNaming } from '../checks/body.ts';
import { RUN_CASE, RUN_MEDIA_TYPE, evaluateProbe, evaluateRun } from '../checks/evaluate.ts';
import { namingReport } from '../checks/naming.ts';
import type { Check } from '../checks/check.ts';
import { checkById } from '../checks/registry.ts';
import { inputNoServerError, targetStopped } from '../checks/robustness.ts';
import type { RecordedRequest } from '../findings/types.ts';
import { TARGET_STOPPED } from '../run/traffic.ts';
import { LOGIN_CASE, LOGIN_MEDIA_TYPES } from '../target/login.ts';
import { validateXmlBodies } from '../validation/xmlBody.ts';
import { compileResponseSchema } from '../validation/endpointResponses.ts';
import { TimeSlices } from '../run/timeSlices.ts';
import type { SchemaProblem } from '../validation/problem.ts';
import { expandProbes, type Probe } from './cases.ts';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import type { Executed } from './execute.ts';
import { sendProbes, type SentProbes } from './send.ts';
import { redact } from '../redaction/redactor.ts';

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

/** Every XML body the checks will validate, in one XSD call (one JVM for the schemas that can be loaded together: xsdBatch.ts). */
async function validateXml(exchanges: readonly ProbeExchange[], ctxNaming: CheckContext['naming']): Promise<Map<ProbeExchange, SchemaProblem[]>> {
  const xml = exchanges.flatMap((exchange) => {
    const response = exchange.response;
    const kind = response && bodyKind(response);
    if (!response || !kind) return [];
    const parsed = parseBody(response);
    return parsed.format === 'xml' ? [{ exchange, body: { kind, xml: response.body, naming: schemaNaming(parsed, ctxNaming, wireOf(exchange)), endpoint: endpointOf(exchange) } }] : [];
  });
  const problems = await validateXmlBodies(xml.map((x) => x.body));
  return new Map(xml.map((x, i) => [x.exchange, problems[i]!]));
}

function skipFinding(probe: Probe, reason: string): Finding {
  const role = probe.probeCase.role;
  const check = checkById(role === 'expired' ? 'token.expiry' : role === 'rotation' ? 'token.rotation' : role === 'hostile' ? 'input.no-server-error' : 'status.documented');
  // The reason is the title, said once; a skip has no Received / Expected.
  return { check: check.id, endpoint: probe.endpoint.id, caseId: probe.probeCase.id, mediaType: probe.mediaType, status: 'skip', level: check.level, title: redact(reason), message: '' };
}

const about = (endpoint: TestedEndpoint) => (finding: Finding): Finding => ({ ...finding, endpoint: endpoint.id });

/** A probe the stop cut short is not judged at all: its unanswered requests are the stop's one finding. */
function afterStop(run: Run, executed: Executed): Executed {
  return executed.exchanges.some((e) => run.traffic.lostToStop(e.request)) ? { exchanges: [], skipReason: TARGET_STOPPED } : executed;
}

/** The judged exchanges' own findings, plus the skip of the verdict that could not be given. */
function judge(probe: Probe, { exchanges, skipReason }: Executed, ctx: CheckContext, checks: readonly Check[]): Finding[] {
  const findings = evaluateProbe(probe.probeCase.id, probe.mediaType, exchanges, ctx, checks).map(about(probe.endpoint));
  return skipReason ? [...findings, skipFinding(probe, skipReason)] : findings;
}

/** The logins that fed the token chain and the family probes, judged per issuing endpoint and media type. */
function judgeLogins(endpoints: readonly TestedEndpoint[], logins: readonly ProbeExchange[], ctx: CheckContext, checks: readonly Check[]): Finding[] {
  return endpoints.flatMap((endpoint) => LOGIN_MEDIA_TYPES.flatMap((mediaType) => {
    const theirs = logins.filter((e) => e.mediaType === mediaType && endpointOf(e) === endpoint);
    return evaluateProbe(LOGIN_CASE, mediaType, theirs, ctx, checks).map(about(endpoint));
  }));
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

export async function runProbes(run: Run, probes: readonly Probe[] = expandProbes(run.endpoints)): Promise<ProbeRun> {
  return evaluateProbes(run, await sendProbes(run, probes));
}

/**
 * Validates and checks what sendProbes recorded (no request to the target), and files the
 * findings. `targetIdle` resolves when no stage uses the target any more: the logins and a stop
 * can still happen after the probes (during the contract verification), so their verdicts wait.
 */
export async function evaluateProbes(run: Run, { plan, sent }: SentProbes, targetIdle: () => Promise<void> = async () => undefined): Promise<ProbeRun> {
  const executed = new Map([...sent].map(([probe, e]) => [probe, afterStop(run, e)]));
  for (const { probe, skipReason } of plan) if (skipReason) executed.set(probe, { exchanges: [], skipReason });
  const probeExchanges = [...executed.values()].flatMap((e) => e.exchanges);
  const t0 = performance.now();
  const validating = validateXml(probeExchanges, run.config.naming);
  // Once the JVM has started, the JSON Schemas compile while it works: the checks need them next.
  const slices = new TimeSlices();
  for (const endpoint of run.endpoints) {
    await slices.breathe();
    compileResponseSchema(endpoint, presumedNaming(run.config.naming));
  }
  const xsd = await validating;
  run.findings.timing('probes.xsd', performance.now() - t0);
  const checksStarted = performance.now();
  const ctx: CheckContext = { naming: run.config.naming, responseTimeBudgetMs: run.config.responseTimeBudgetMs, xsdProblems: (e) => xsd.get(e) };
  const checks = run.selection.checks;
  const results = new Map<string, ProbeResult>();
  for (const { probe, excludedBy } of plan) {
    if (slices.due()) await slices.breathe();
    if (excludedBy) {
      results.set(probe.key, { probe, exchanges: [], excludedBy, findings: [] });
      continue;
    }
    const done = executed.get(probe)!;
    const findings = judge(probe, done, ctx, checks);
    findings.forEach((f) => run.findings.add(f));
    results.set(probe.key, { probe, ...done, findings });
  }
  run.findings.timing('probes.checks', performance.now() - checksStarted);
  await targetIdle();
  const logins = run.loginExchanges.filter((e) => !run.traffic.lostToStop(e.request));
  // An XML login is rare (only after a tokenless JSON one): no JVM starts when there is none.
  const loginXsd = await validateXml(logins, run.config.naming);
  const runCtx: CheckContext = { ...ctx, xsdProblems: (e) => xsd.get(e) ?? loginXsd.get(e) };
  const all = [...probeExchanges, ...logins];
  const loginFindings = judgeLogins(run.endpoints, logins, runCtx, checks);
  loginFindings.forEach((f) => run.findings.add(f));
  const stop = checks.includes(inputNoServerError) ? stopFindings(run, [...[...sent.values()].flatMap((e) => e.exchanges), ...run.loginExchanges]) : [];
  // Across-run verdicts (one naming throughout) hold per endpoint: each has its own response type.
  const perEndpoint = run.endpoints.flatMap((endpoint) => evaluateRun(all.filter((e) => endpointOf(e) === endpoint), runCtx, checks).map(about(endpoint)));
  const runFindings = [...stop, ...perEndpoint];
  runFindings.forEach((f) => run.findings.add(f));
  run.findings.setNaming(namingReport(all));
  for (const endpoint of run.endpoints) if (endpoint.wire) run.findings.setEndpointNaming(endpoint.id, namingReport(all.filter((e) => endpointOf(e) === endpoint)));
  return { results, loginFindings, runFindings };
}
