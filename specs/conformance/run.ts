// The process's run for the conformance specs. A config error, an unreachable target or a
// missing JDK ends the process with exit code 2 and one line. The specs declare a test per
// contract interaction of the run's endpoints when they load, so they need the endpoints before
// the run's hooks: the gate (`npm test`) starts the run before mocha loads the specs. Spec files
// must not use top-level await: mocha then loads them with import() instead of require(), and
// they would get module instances (the run, the redactor) of their own.

import type { TestedEndpoint } from '../../src/endpoints/testedEndpoint.ts';
import { packageEndpoints } from '../../src/endpoints/packageEndpoints.ts';
import { localEndpointSet } from '../../src/endpoints/endpointSet.ts';
import { loadConfig } from '../../src/config/config.ts';
import { ConfigError, MissingJavaError, TargetUnreachableError, currentRun, startedRun, type Run } from '../../src/run/context.ts';

export async function runOrExit(): Promise<Run> {
  try {
    return await currentRun();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof TargetUnreachableError || error instanceof MissingJavaError) {
      console.error(`\n${error.name}: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

/**
 * The endpoints to declare tests for: the started run's, else (mocha on its own) the set read the
 * same way from DOCS / ENDPOINTS without the network; a setting that does not read leaves the
 * package's three, and the run's start then exits 2 with the message.
 */
export function declaredEndpoints(): readonly TestedEndpoint[] {
  const started = startedRun();
  if (started) return started.endpoints;
  try {
    return localEndpointSet(loadConfig()).selected;
  } catch {
    return packageEndpoints();
  }
}

/** The run, once it has started, refused when its endpoints are not those the spec declared its tests for. */
export async function runFor(declared: readonly TestedEndpoint[]): Promise<Run> {
  const run = await runOrExit();
  const ids = (endpoints: readonly TestedEndpoint[]) => endpoints.map((e) => e.id).join(', ');
  if (ids(run.endpoints) !== ids(declared)) {
    throw new Error(`the specs were loaded for ${ids(declared)} but the run covers ${ids(run.endpoints)}: run them with npm test (or consinco-conformance), which reads the endpoint set before the specs load`);
  }
  return run;
}
