// Root hooks of the conformance run: the run starts once before any spec (a config error or
// an unreachable target ends the process with exit code 2 at once), and at the end the
// findings are written and printed, the last refresh token is left for the user, and the
// embedded provider is stopped.

import { ConfigError, TargetUnreachableError, closeRun, currentRun, startedRun } from '../../src/run/context.ts';
import { leaveRefreshToken } from '../../src/run/leaveToken.ts';
import { buildFindingsReport, writeFindings } from '../../src/run/report.ts';
import { summaryLines } from '../../src/run/summary.ts';

export const mochaHooks = {
  async beforeAll(): Promise<void> {
    try {
      await currentRun();
    } catch (error) {
      if (error instanceof ConfigError || error instanceof TargetUnreachableError) {
        console.error(`\n${error.name}: ${error.message}`);
        process.exit(2);
      }
      throw error;
    }
  },
  async afterAll(): Promise<void> {
    const run = startedRun();
    if (run) {
      const report = buildFindingsReport(run);
      const path = writeFindings(run, report);
      const tokenFile = leaveRefreshToken(run);
      console.log(['', ...summaryLines(report), `Report: ${path}`, ...(tokenFile ? [`Last valid refresh token written to ${tokenFile}`] : [])].join('\n'));
    }
    await closeRun();
  },
};
