// The gate run behind `npm test`: read the run's own flags (--list, --format, --only, --skip;
// a preview ends there), start the run (config and target; exit 2 when it cannot test), run the
// conformance specs, then finish (finishRun.ts: reports, leak scan, closing lines, the gate's
// exit code). The finishing modules (reports, and the checks they render) load while the
// verification uses the target, not at start-up.

import { redactProcessOutput } from '../redaction/outputGuard.ts';
import { loadLazily } from '../package/lazyModule.ts';
import { currentRun, type Run } from '../run/context.ts';
import { prefetchStages, probeStage } from '../run/stages.ts';
import { paint, stageLogger, useColor } from './console.ts';
import { couldNotTestMessage, internalErrorMessage } from './couldNotTest.ts';
import { EXIT, type ExitCode } from './exitCodes.ts';
import { runMocha } from './mochaRun.ts';
import { checkMochaArgs } from './mochaArgs.ts';
import { COMMAND_NAME, DEFAULT_SUBCOMMAND } from './commands.ts';
import { usageLine } from './help.ts';
import { UsageError } from './usageError.ts';
import { parseRunArgs } from './runArgs.ts';

type Finishing = typeof import('./finishRun.ts');
type Listing = typeof import('./list.ts');
const finishing = (): Finishing => loadLazily<Finishing>('finishRun');

/** Every spec runs: start every stage now, and load the finishing modules once the probes are judged. */
function prefetch(run: Run): void {
  prefetchStages(run);
  probeStage(run).then(finishing, () => undefined);
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

/** Config errors (a flag or variable) end in the could-not-test paragraph, exit 2. */
function couldNotTest(error: unknown): ExitCode {
  const message = couldNotTestMessage(error);
  if (!message) throw error;
  console.error(paint(message, 'red', useColor(process.stderr)));
  return EXIT.COULD_NOT_TEST;
}

async function gate(argv: readonly string[]): Promise<ExitCode> {
  let args: string[];
  try {
    const parsed = parseRunArgs(argv);
    Object.assign(process.env, parsed.env);
    if (parsed.list) {
      // The preview (and the check registry it names checks from) loads only for --list.
      await loadLazily<Listing>('list').runList(parsed.format);
      return EXIT.CONFORMING;
    }
    args = parsed.mochaArgs;
  } catch (error) {
    return couldNotTest(error);
  }
  // Before anything starts: a misspelt option ends the run at once.
  checkMochaArgs(args);
  const stage = stageLogger(4);
  stage('starting the run: configuration and target preflight');
  let run: Run;
  try {
    run = await currentRun();
  } catch (error) {
    return couldNotTest(error);
  }
  // performance.now() counts from the process's start: Node, tsx, loading, config, provider, preflight.
  run.findings.timing('startup', performance.now());
  stage(`probing ${run.target.embedded ? 'the embedded reference provider at ' : ''}${run.target.url}`);
  const runner = await runMocha(args, useColor(), (everySpec) => everySpec && prefetch(run));
  stage(`writing reports to ${run.config.reportsDir}/`);
  return finishing().finishRun(run, runner, () => stage('scanning reports and contracts for live token values'));
}
