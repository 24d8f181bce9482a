// One benchmark iteration: the conformance run exactly as the installed command starts it
// (compiled, in a child process, clean configuration, so against the embedded provider), timed
// from spawn to exit, with its stage timings, request count and checks read from that run's
// own findings.json. Stages overlap (the consumer recording runs in the helper thread from the
// start; XSD validation and checks run while the verification uses the target), so their
// durations add up to more than the wall time.

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FindingsReport } from '../src/findings/types.ts';
import { COMMAND_LAUNCHER, runGate } from '../specs/self/gate/gateRun.ts';
import { waitedChildrenCpuMs } from './cpu.ts';

/** The stages the run times itself; `preflight` lies inside `startup`. */
export const STAGES = [
  { id: 'startup', label: 'start-up (Node, loading, config, provider, preflight)' },
  { id: 'contracts.consumer', label: 'consumer contracts (helper thread, Pact mock server)' },
  { id: 'probes.send', label: 'probes (HTTP)' },
  { id: 'probes.xsd', label: 'XSD validation (JVM, during verification)' },
  { id: 'probes.checks', label: 'schema checks (JSON Schema + check registry)' },
  { id: 'contracts.verify', label: 'verification (Pact verifier, after the probes)' },
  { id: 'reports', label: 'reports' },
] as const;

export type StageId = (typeof STAGES)[number]['id'];

export interface RunFigures {
  wallMs: number;
  stages: Record<StageId, number>;
  requests: number;
  checks: number;
  requestsPerSecond: number;
  /** CPU time of the run's processes together (cpu.ts); absent where the system does not report it. */
  cpuMs?: number;
}

export class BenchRunError extends Error {}

export async function benchConformanceRun(): Promise<RunFigures> {
  const cpuBefore = waitedChildrenCpuMs();
  const gate = await runGate({}, [], COMMAND_LAUNCHER);
  const cpuAfter = waitedChildrenCpuMs();
  try {
    if (gate.code !== 0) throw new BenchRunError(`the conformance run exited ${gate.code}, not 0:\n${(gate.stdout + gate.stderr).split('\n').slice(-15).join('\n')}`);
    const report = JSON.parse(readFileSync(join(gate.reportsDir, 'findings.json'), 'utf8')) as FindingsReport;
    const timed = (id: string) => {
      const timing = report.timings.find((t) => t.stage === id);
      if (!timing) throw new BenchRunError(`findings.json has no timing for stage "${id}"`);
      return timing.ms;
    };
    const stages = Object.fromEntries(STAGES.map((s) => [s.id, timed(s.id)])) as Record<StageId, number>;
    const wallMs = Math.round(gate.ms);
    const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? { cpuMs: cpuAfter - cpuBefore } : {};
    return { wallMs, stages, requests: report.requests, checks: report.results.length, requestsPerSecond: Math.round((report.requests / wallMs) * 10_000) / 10, ...cpu };
  } finally {
    rmSync(gate.reportsDir, { recursive: true, force: true });
  }
}
