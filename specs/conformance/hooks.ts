// Root hooks of the conformance run: the run starts once before any spec (a config error or
// an unreachable target ends the process with exit code 2 at once). The gate launcher behind
// `npm test` (src/cli/gate.ts) writes the reports, leaves the last refresh token and closes
// the run; closing here too stops the embedded provider when mocha is run on its own.

import { closeRun } from '../../src/run/context.ts';
import { runOrExit } from './run.ts';

export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await runOrExit();
  },
  async afterAll(): Promise<void> {
    await closeRun();
  },
};
