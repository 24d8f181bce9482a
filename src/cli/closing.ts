// The last lines of a run's log, in reading order: where the reports are, whether a live token
// leaked, the run's summary with the naming verdict and its fix, and the gate verdict with its
// exit code and mocha's counts.

import type { Leak } from '../redaction/leakScan.ts';
import type { ReportInput } from '../reports/input.ts';
import { count, verdictLine } from '../reports/sections.ts';
import { summaryLines } from '../run/summary.ts';
import { paint } from './console.ts';
import { EXIT, type ExitCode } from './exitCodes.ts';

export interface Closing {
  input: ReportInput;
  files: string[];
  scanned: string[];
  secretCount: number;
  leaks: Leak[];
  exitCode: ExitCode;
  /** Where the chain's last valid refresh token was left (REFRESH_TOKEN_FILE), if anywhere. */
  tokenFile?: string | undefined;
}

export function closingLines({ input, files, scanned, secretCount, leaks, exitCode, tokenFile }: Closing): string[] {
  const runner = input.runner!;
  const leakLines = leaks.length === 0
    ? [`Leak scan: none of the ${count(secretCount, 'live token value', 'live token values')} the run saw appears in ${scanned.join(' or ')}`]
    : leaks.map((l) => paint(`LEAK: ${l.token} appeared in ${l.file} (${l.form} form); the file was scrubbed, the run fails`, 'red'));
  const gate = `Gate: ${headline(input, leaks, exitCode)} (exit ${exitCode}); `
    + `mocha: ${runner.passes} passing, ${runner.failures} failing, ${runner.pending} pending`;
  return [
    '',
    `Reports: ${files.join(', ')}`,
    ...leakLines,
    ...(tokenFile ? [`Last valid refresh token written to ${tokenFile}`] : []),
    ...summaryLines(input.report),
    paint(gate, exitCode === 0 ? 'green' : 'red'),
  ];
}

function headline(input: ReportInput, leaks: Leak[], exitCode: ExitCode): string {
  if (exitCode === EXIT.COULD_NOT_TEST) return 'COULD NOT TEST: no test ran; check the spec globs in .mocharc.json and any --grep or --spec argument';
  return verdictLine(input, leaks.length > 0 ? ['a live token leaked into an artifact'] : []);
}
