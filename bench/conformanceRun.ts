// One benchmark iteration: the conformance run exactly as `npm test` starts it (a child
// process, clean configuration, so against the embedded provider), timed from spawn to exit,
// with its stage timings, request count and checks read from that run's own findings.json.

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FindingsReport } from '../src/findings/types.ts';
import { runGate } from '../specs/self/gate/gateRun.ts';

/** The stages the run times itself, in the order they happen; `preflight` lies inside `startup`. */
export const STAGES = [
  { id: 'startup', label: 'start-up (Node, tsx, config, provider, preflight)' },
  { id: 'contracts.consumer', label: 'consumer contracts (Pact mock server)' },
  { id: 'contracts.verify', label: 'verification (Pact verifier)' },
  { id: 'probes.send', label: 'probes (HTTP)' },
  { id: 'probes.xsd', label: 'XSD validation' },
  { id: 'probes.checks', label: 'schema checks (JSON Schema + check registry)' },
  { id: 'reports', label: 'reports' },
] as const;

/** What the run does not time itself: spec loading, the leak scan, process exit. */
export const OTHER = { id: 'other', label: 'other (spec loading, leak scan, exit)' } as const;

export type StageId = (typeof STAGES)[number]['id'] | typeof OTHER.id;

export interface RunFigures {
  wallMs: number;
  stages: Record<StageId, number>;
  requests: number;
  checks: number;
  requestsPerSecond: number;
}

export class BenchRunError extends Error {}

export async function benchConformanceRun(): Promise<RunFigures> {
  const gate = await runGate({});
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
    stages.other = Math.max(0, wallMs - STAGES.reduce((sum, s) => sum + stages[s.id], 0));
    return { wallMs, stages, requests: report.requests, checks: report.results.length, requestsPerSecond: Math.round((report.requests / wallMs) * 10_000) / 10 };
  } finally {
    rmSync(gate.reportsDir, { recursive: true, force: true });
  }
}
