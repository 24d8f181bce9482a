// Root hooks of the conformance run: the run starts once before any spec (a config error or
// an unreachable target ends the process with exit code 2 at once). The gate launcher behind
// `npm test` (src/cli/gate.ts) writes the reports, leaves the last refresh token and closes
// the run; closing here too stops the embedded provider when mocha is run on its own.

import { ConfigError, MissingJavaError, TargetUnreachableError, closeRun, currentRun } from '../../src/run/context.ts';

export const mochaHooks = {
  async beforeAll(): Promise<void> {
    try {
      await currentRun();
    } catch (error) {
      if (error instanceof ConfigError || error instanceof TargetUnreachableError || error instanceof MissingJavaError) {
        console.error(`\n${error.name}: ${error.message}`);
        process.exit(2);
      }
      throw error;
    }
  },
  async afterAll(): Promise<void> {
    await closeRun();
  },
};
