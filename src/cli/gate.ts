// `npm test`: the conformance run as a CI gate. Mocha's own exit code is the failure count; this
// launcher runs the specs in-process and maps the outcome to the gate's exit codes (0 conforming,
// 1 findings or a leaked token, 2 could not test), writes every report, and scans reports/ and
// contracts/ for live token values before it says anything is fine. Arguments after `--` go to
// mocha (e.g. `npm test -- --grep refresh.ok`).

import { scanForSecrets, scrubLeaks } from '../redaction/leakScan.ts';
import { redactProcessOutput } from '../redaction/outputGuard.ts';
import { knownSecrets } from '../redaction/redactor.ts';
import { gateVerdict } from '../reports/gate.ts';
import { writeReports } from '../reports/write.ts';
import { closeRun, currentRun, type Run } from '../run/context.ts';
import { writeFindings, buildFindingsReport } from '../run/report.ts';
import { closingLines } from './closing.ts';
import { paint, stageLogger, useColor } from './console.ts';
import { couldNotTestMessage, internalErrorMessage } from './couldNotTest.ts';
import { EXIT, exitCodeFor, type ExitCode } from './exitCodes.ts';
import { runMocha } from './mochaRun.ts';

/** Relative to the project root, where npm runs every script. */
const CONTRACTS_DIR = 'contracts';

async function gate(args: readonly string[]): Promise<ExitCode> {
  const stage = stageLogger(4);
  stage('starting the run: configuration and target preflight');
  let run: Run;
  try {
    run = await currentRun();
  } catch (error) {
    const message = couldNotTestMessage(error);
    if (!message) throw error;
    console.error(paint(message, 'red', useColor(process.stderr)));
    return EXIT.COULD_NOT_TEST;
  }
  stage(`probing ${run.target.embedded ? 'the embedded reference provider at ' : ''}${run.target.url}`);
  const runner = await runMocha(args, useColor());
  stage(`writing reports to ${run.config.reportsDir}/`);
  const report = buildFindingsReport(run);
  const input = { report, expectedStatus: {}, runner };
  const files = [writeFindings(run, report), ...writeReports(run.config.reportsDir, input)];
  await closeRun();
  stage('scanning reports and contracts for live token values');
  const scanned = [run.config.reportsDir, CONTRACTS_DIR];
  const secrets = knownSecrets();
  const leaks = scanForSecrets(scanned, secrets);
  scrubLeaks(leaks, secrets);
  const verdict = gateVerdict(report, runner);
  const exitCode = exitCodeFor({ conforming: verdict.conforming, ranNothing: verdict.ranNothing, leaks: leaks.length });
  console.log(closingLines({ input, files, scanned, secretCount: secrets.length, leaks, exitCode }).join('\n'));
  return exitCode;
}

redactProcessOutput();
const code = await gate(process.argv.slice(2)).catch((error: unknown) => {
  console.error(internalErrorMessage(error));
  return EXIT.COULD_NOT_TEST;
});
process.exit(code);
