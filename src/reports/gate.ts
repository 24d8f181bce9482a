// Which findings fail the gate. MUST and SHOULD failures do; MAY failures are advisory unless
// the strict profile makes them count (DESIGN §5). Reports and the exit code both ask here, so
// the page and the verdict cannot disagree.

import type { Finding, FindingsReport } from '../findings/types.ts';
import type { RunnerOutcome } from './input.ts';

export function failsGate(finding: Finding, profile: FindingsReport['profile']): boolean {
  return finding.status === 'fail' && (finding.level !== 'MAY' || profile === 'strict');
}

/** A failure that does not gate, or information worth a reader's minute. */
export function isAdvisory(finding: Finding, profile: FindingsReport['profile']): boolean {
  return finding.status === 'info' || (finding.status === 'fail' && !failsGate(finding, profile));
}

export interface GateVerdict {
  conforming: boolean;
  gateFailures: Finding[];
  contractFailures: number;
  runnerFailures: number;
}

export function gateVerdict(report: FindingsReport, runner?: RunnerOutcome): GateVerdict {
  const gateFailures = report.results.filter((f) => failsGate(f, report.profile));
  const contractFailures = (report.contracts ?? []).filter((c) => c.status === 'fail').length;
  const runnerFailures = runner?.failures ?? 0;
  const ranNothing = runner !== undefined && runner.passes + runner.failures === 0;
  const conforming = gateFailures.length === 0 && contractFailures === 0 && runnerFailures === 0 && !ranNothing;
  return { conforming, gateFailures, contractFailures, runnerFailures };
}
