// The gate run behind `npm test`: start the run (config and target; exit 2 when it cannot
// test), run the conformance specs, write every report, scan reports/ and contracts/ for live
// token values, print the closing lines, and map the outcome to the gate's exit code.

import { relative } from 'node:path';
import { CONTRACTS_DIR } from '../pact/participants.ts';
import { scanForSecrets, scrubLeaks } from '../redaction/leakScan.ts';
import { redactProcessOutput } from '../redaction/outputGuard.ts';
import { PROBE_CASES } from '../probes/cases.ts';
import { knownSecrets } from '../redaction/redactor.ts';
import { gateVerdict } from '../reports/gate.ts';
import type { MatrixRow } from '../reports/input.ts';
import { writeReports } from '../reports/write.ts';
import { closeRun, currentRun, type Run } from '../run/context.ts';
import { leaveRefreshToken } from '../run/leaveToken.ts';
import { prefetchStages } from '../run/stages.ts';
import { writeFindings, buildFindingsReport } from '../run/report.ts';
import { closingLines } from './closing.ts';
import { paint, stageLogger, useColor } from './console.ts';
import { couldNotTestMessage, internalErrorMessage } from './couldNotTest.ts';
import { EXIT, exitCodeFor, type ExitCode } from './exitCodes.ts';
import { runMocha } from './mochaRun.ts';
import { checkMochaArgs } from './mochaArgs.ts';
import { COMMAND_NAME, DEFAULT_SUBCOMMAND } from './commands.ts';
import { usageLine } from './help.ts';
import { UsageError } from './usageError.ts';

/** Documented cases go in the row of the status they expect; hostile input has a row of its own. */
function rowOfCase(): Record<string, MatrixRow> {
  return Object.fromEntries(PROBE_CASES.map((c) => [c.id, c.role === 'hostile' ? 'hostile input' : c.expect.status]));
}

/** Never throws: an unexpected error is a "could not test" paragraph. */
export async function runGate(args: readonly string[]): Promise<ExitCode> {
  redactProcessOutput();
  return gate(args).catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${COMMAND_NAME}: ${error.message}\n${usageLine(DEFAULT_SUBCOMMAND)}`);
      return EXIT.COULD_NOT_TEST;
    }
    console.error(internalErrorMessage(error));
    return EXIT.COULD_NOT_TEST;
  });
}

async function gate(args: readonly string[]): Promise<ExitCode> {
  // Before anything starts: a misspelt option ends the run at once.
  checkMochaArgs(args);
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
  // performance.now() counts from the process's start: Node, tsx, loading, config, provider, preflight.
  run.findings.timing('startup', performance.now());
  stage(`probing ${run.target.embedded ? 'the embedded reference provider at ' : ''}${run.target.url}`);
  const runner = await runMocha(args, useColor(), (everySpec) => everySpec && prefetchStages(run));
  stage(`writing reports to ${run.config.reportsDir}/`);
  const reportsStarted = performance.now();
  const report = buildFindingsReport(run);
  const input = { report, rowOfCase: rowOfCase(), runner };
  const rendered = writeReports(run.config.reportsDir, input);
  run.findings.timing('reports', performance.now() - reportsStarted);
  // findings.json last, so that it carries the time the reports took.
  const files = [writeFindings(run, { ...report, timings: run.findings.timings() }), ...rendered];
  const tokenFile = leaveRefreshToken(run);
  await closeRun();
  stage('scanning reports and contracts for live token values');
  const scanned = [run.config.reportsDir, relative(process.cwd(), CONTRACTS_DIR)];
  const secrets = knownSecrets();
  const leaks = scanForSecrets(scanned, secrets);
  scrubLeaks(leaks, secrets);
  const verdict = gateVerdict(report, runner);
  const exitCode = exitCodeFor({ conforming: verdict.conforming, ranNothing: verdict.ranNothing, leaks: leaks.length });
  console.log(closingLines({ input, files, scanned, secretCount: secrets.length, leaks, exitCode, tokenFile }).join('\n'));
  return exitCode;
}
