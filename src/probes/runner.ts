// The probe engine: sends every probe (send.ts), validates all XML bodies in one XSD batch,
// runs the check registry and files the findings with the run.

import type { Finding } from '../findings/types.ts';
import type { Run } from '../run/context.ts';
import type { CheckContext, ProbeExchange } from '../checks/exchange.ts';
import { bodyKind, parseBody, schemaNaming } from '../checks/body.ts';
import { evaluateProbe, evaluateRun } from '../checks/evaluate.ts';
import { namingReport } from '../checks/naming.ts';
import { checkById } from '../checks/registry.ts';
import { validateXmlBodies } from '../validation/xmlBody.ts';
import type { SchemaProblem } from '../validation/problem.ts';
import { expandProbes, type Probe } from './cases.ts';
import type { Executed } from './execute.ts';
import { sendProbes } from './send.ts';
import { redact } from '../redaction/redactor.ts';

export interface ProbeResult extends Executed {
  probe: Probe;
  findings: Finding[];
}

export interface ProbeRun {
  results: Map<string, ProbeResult>;
  /** Findings about the run as a whole (caseId `run`). */
  runFindings: Finding[];
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
  return { check: check.id, caseId: probe.probeCase.id, mediaType: probe.mediaType, status: 'skip', level: check.level, title: `skipped: ${reason}`, message: redact(reason) };
}

export async function runProbes(run: Run, probes: readonly Probe[] = expandProbes()): Promise<ProbeRun> {
  return evaluateProbes(run, probes, await sendProbes(run, probes));
}

/** Validates and checks what sendProbes recorded (no request to the target), and files the findings. */
export async function evaluateProbes(run: Run, probes: readonly Probe[], executed: Map<Probe, Executed>): Promise<ProbeRun> {
  const all = [...executed.values()].flatMap((e) => e.exchanges);
  const t0 = performance.now();
  const xsd = await validateXml(all, run.config.naming);
  run.findings.timing('probes.xsd', performance.now() - t0);
  const checksStarted = performance.now();
  const ctx: CheckContext = { naming: run.config.naming, responseTimeBudgetMs: run.config.responseTimeBudgetMs, xsdProblems: (e) => xsd.get(e) };
  const results = new Map<string, ProbeResult>();
  for (const probe of probes) {
    const { exchanges, skipReason } = executed.get(probe)!;
    const findings = skipReason ? [skipFinding(probe, skipReason)] : evaluateProbe(probe.probeCase.id, probe.mediaType, exchanges, ctx);
    findings.forEach((f) => run.findings.add(f));
    results.set(probe.key, { probe, exchanges, ...(skipReason ? { skipReason } : {}), findings });
  }
  const runFindings = evaluateRun(all, ctx);
  runFindings.forEach((f) => run.findings.add(f));
  run.findings.setNaming(namingReport(all));
  run.findings.timing('probes.checks', performance.now() - checksStarted);
  return { results, runFindings };
}
