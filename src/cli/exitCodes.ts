// The gate's contract with CI, in one place (docs/gate.md explains it to users):
// 0 the target conforms, 1 findings fail the gate (or a live token leaked into an artifact),
// 2 the suite could not test (bad configuration, unusable target, no test ran, internal error).

export const EXIT = { CONFORMING: 0, FINDINGS: 1, COULD_NOT_TEST: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface RunOutcome {
  conforming: boolean;
  ranNothing: boolean;
  leaks: number;
}

export function exitCodeFor({ conforming, ranNothing, leaks }: RunOutcome): ExitCode {
  if (ranNothing) return EXIT.COULD_NOT_TEST;
  if (leaks > 0 || !conforming) return EXIT.FINDINGS;
  return EXIT.CONFORMING;
}
