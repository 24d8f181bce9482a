// The end of a gate run: write every report, leave the chain's last refresh token, stop the
// run, scan reports/ and contracts/ for live token values, print the closing lines, and map the
// outcome to the gate's exit code.

import { relative } from 'node:path';
import { CONTRACTS_DIR } from '../pact/participants.ts';
import { casesFor } from '../probes/cases.ts';
import { LOGIN_CASE } from '../target/login.ts';
import { filesUnder, scrubLeaks } from '../redaction/leakScan.ts';
import { LeakScanAlongside } from '../redaction/leakScanAlongside.ts';
import { knownSecrets } from '../redaction/redactor.ts';
import { gateVerdict } from '../reports/gate.ts';
import { caseKey, type MatrixRow, type RunnerOutcome } from '../reports/input.ts';
import { writeReports } from '../reports/write.ts';
import { closeRun, type Run } from '../run/context.ts';
import { leaveRefreshToken } from '../run/leaveToken.ts';
import { buildFindingsReport, writeFindings } from '../run/report.ts';
import { closingLines } from './closing.ts';
import { exitCodeFor, type ExitCode } from './exitCodes.ts';

/**
 * Documented cases go in the row of the status they expect (an input the doc leaves open in the
 * row of its documented 4xx); hostile input and the logins have rows of their own.
 */
function rowOfCase(run: Run): Record<string, MatrixRow> {
  return Object.fromEntries(run.endpoints.flatMap((endpoint) => [
    ...casesFor(endpoint, run.endpoints).map((c): [string, MatrixRow] => [caseKey(endpoint.id, c.id), c.role === 'hostile' ? 'hostile input' : c.expect.oneOf ? `any of ${c.expect.oneOf.join(', ')}` : c.expect.status]),
    [caseKey(endpoint.id, LOGIN_CASE), 'login'],
  ]));
}

/** `scanning` announces the leak scan (the stage line of the console). */
export async function finishRun(run: Run, runner: RunnerOutcome, scanning: () => void): Promise<ExitCode> {
  const reportsStarted = performance.now();
  const contractsDir = relative(process.cwd(), CONTRACTS_DIR);
  const scanned = [run.config.reportsDir, contractsDir];
  const secrets = knownSecrets();
  // Each file is scanned as soon as it is written, in the helper thread; the rest at the end.
  const scan = new LeakScanAlongside(secrets);
  scan.add(filesUnder(contractsDir));
  const report = buildFindingsReport(run);
  const input = { report, rowOfCase: rowOfCase(run), runner };
  const rendered = writeReports(run.config.reportsDir, input, (path) => scan.add([path]));
  run.findings.timing('reports', performance.now() - reportsStarted);
  // findings.json last, so that it carries the time the reports took.
  const findingsFile = writeFindings(run, { ...report, timings: run.findings.timings() });
  scan.add([findingsFile]);
  const tokenFile = leaveRefreshToken(run);
  await closeRun();
  scanning();
  const leaks = await scan.leaks(scanned);
  scrubLeaks(leaks, secrets);
  const verdict = gateVerdict(report, runner);
  const exitCode = exitCodeFor({ conforming: verdict.conforming, ranNothing: verdict.ranNothing, leaks: leaks.length });
  const files = [findingsFile, ...rendered];
  console.log(closingLines({ input, files, scanned, secretCount: secrets.length, leaks, exitCode, tokenFile }).join('\n'));
  return exitCode;
}
