// What every renderer reads: the findings report, the probe table's expected status per case
// (the matrix rows), and the test runner's own results (failures outside the findings, such as
// a broken hook, must still reach the reports).

import type { FindingsReport } from '../findings/types.ts';

export type MatrixRow = number | string;

export type RunnerState = 'passed' | 'failed' | 'pending';

export interface RunnerTest {
  /** Describe titles and the test title, outermost first. */
  titlePath: string[];
  state: RunnerState;
  durationMs: number;
  /** Redacted, one paragraph, no stack; set when state is failed. */
  error?: string;
  /** True for a failing before/after hook rather than a test. */
  hook?: boolean;
  /** True when it failed on findings or contract results the reports already carry (not a fault of the run itself). */
  finding?: boolean;
}

export interface RunnerOutcome {
  tests: RunnerTest[];
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
}

/** How rowOfCase keys a case: its endpoint's id and its id there (a run-wide finding has no endpoint). */
export function caseKey(endpoint: string | undefined, caseId: string): string {
  return endpoint === undefined ? caseId : `${endpoint} ${caseId}`;
}

export interface ReportInput {
  report: FindingsReport;
  /**
   * The matrix row of each probe case, keyed by caseKey: the status the doc expects, or a group
   * name such as "hostile input". Cases not listed land in the row "other".
   */
  rowOfCase: Readonly<Record<string, MatrixRow>>;
  runner?: RunnerOutcome;
}
