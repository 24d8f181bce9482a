// The gate verdict the reports and the exit code share, so the page and the exit code cannot
// disagree. Which single finding blocks is the run's policy (src/run/policy.ts); this adds the
// contract results and the runner's own failures, and refuses to call an empty run conforming.

import type { ExcludedWork, Finding, FindingsReport } from '../findings/types.ts';
import { isBlocking, isBlockingContract, isBlockingExclusion } from '../run/policy.ts';
import type { RunnerOutcome } from './input.ts';

export interface GateVerdict {
  conforming: boolean;
  blocking: Finding[];
  /** Contract interactions that fail the gate: failed ones, and skipped ones in the strict profile. */
  contractFailures: number;
  /** MUST checks left out of a strict run. */
  excludedMust: ExcludedWork[];
  runnerFailures: number;
  ranNothing: boolean;
}

export function gateVerdict(report: FindingsReport, runner?: RunnerOutcome): GateVerdict {
  const blocking = report.results.filter((f) => isBlocking(f, report.profile));
  const contractFailures = (report.contracts ?? []).filter((c) => isBlockingContract(c.status, report.profile)).length;
  const excludedMust = report.excluded.filter((e) => isBlockingExclusion(e, report.profile));
  // A test that failed on findings or contract results is counted there, not twice.
  const runnerFailures = runner?.tests.filter((t) => t.state === 'failed' && !t.finding).length ?? 0;
  const ranNothing = runner !== undefined && runner.passes + runner.failures === 0;
  const conforming = blocking.length === 0 && contractFailures === 0 && excludedMust.length === 0 && runnerFailures === 0 && !ranNothing;
  return { conforming, blocking, contractFailures, excludedMust, runnerFailures, ranNothing };
}
