// Runs the conformance specs in this process through Mocha's programmatic API, with the options
// of .mocharc.json (plus any mocha arguments the user passed after `npm test --`), and records
// each test's outcome for the reports. Mocha's own CLI would exit with the failure count; the
// launcher needs the outcomes instead, to map them to the gate's exit codes.
// Loading options, spec files and root-hook plugins reuses mocha's CLI helpers (mocha 12 paths).
// The .mocharc.json is the code tree's (dist/ has its own, for the compiled specs), and the spec
// globs and root hooks it names are relative to that tree, so the run works from any folder.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Mocha from 'mocha';
import { loadOptions } from 'mocha/lib/cli/options.cjs';
import collectFiles from 'mocha/lib/cli/collect-files.cjs';
import { handleRequires } from 'mocha/lib/cli/run-helpers.cjs';
import { FindingError } from '../findings/findingError.ts';
import { CODE_ROOT } from '../package/locations.ts';
import { redact } from '../redaction/redactor.ts';
import type { RunnerOutcome, RunnerState, RunnerTest } from '../reports/input.ts';

export const MOCHARC = join(CODE_ROOT, '.mocharc.json');
/** The spec globs and root hooks MOCHARC names, relative to the code tree. */
const rc = JSON.parse(readFileSync(MOCHARC, 'utf8')) as { spec?: string[]; require?: string[] };

/** Long assertion messages are cut: the reports carry the evidence, this is the headline. */
const MAX_ERROR_CHARS = 2000;

/** `onStart` learns, before any spec loads, whether the run selects every spec (no grep, no spec of the user's). */
export async function runMocha(args: readonly string[], color: boolean, onStart?: (everySpec: boolean) => void): Promise<RunnerOutcome> {
  const loaded = withCamelCaseKeys(loadOptions(['--config', MOCHARC, ...args]));
  onStart?.(selectsEverySpec(loaded));
  const options = inCodeTree(loaded);
  const list = (key: string) => (options[key] as string[] | undefined) ?? [];
  const { files, unmatchedFiles } = collectFiles({
    allowEmpty: true, ignore: list('ignore'), extension: list('extension'), file: list('file'), recursive: options['recursive'] === true,
    sort: options['sort'] === true, spec: [...list('spec'), ...list('_')],
  });
  for (const { pattern } of unmatchedFiles) console.warn(`Warning: no spec file matches "${pattern}"`);
  const plugins = await handleRequires(list('require'));
  const mocha = new Mocha({ ...options, ...plugins, color } as Mocha.MochaOptions);
  mocha.files = files;
  await mocha.loadFilesAsync();
  const tests: RunnerTest[] = [];
  const started = performance.now();
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve(outcome(tests, performance.now() - started)));
    const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
    runner.on(EVENT_TEST_PASS, (test: Mocha.Runnable) => tests.push(record(test, 'passed')));
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Runnable) => tests.push(record(test, 'pending')));
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Runnable, error: unknown) => tests.push({
      ...record(test, 'failed'), error: errorText(error), ...(test instanceof Mocha.Hook ? { hook: true } : {}), ...(error instanceof FindingError ? { finding: true } : {}),
    }));
  });
}

function record(test: Mocha.Runnable, state: RunnerState): RunnerTest {
  return { titlePath: test.titlePath(), state, durationMs: test.duration ?? 0 };
}

function outcome(tests: RunnerTest[], durationMs: number): RunnerOutcome {
  const count = (state: RunnerState) => tests.filter((t) => t.state === state).length;
  return { tests, passes: count('passed'), failures: count('failed'), pending: count('pending'), durationMs };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redact(text.replace(/\u001b\[[0-9;]*m/g, '')).slice(0, MAX_ERROR_CHARS);
}

function selectsEverySpec(options: Record<string, unknown>): boolean {
  const specs = [...((options['spec'] as string[] | undefined) ?? []), ...((options['_'] as string[] | undefined) ?? [])];
  const filtered = ['grep', 'fgrep'].some((key) => options[key] !== undefined && options[key] !== '');
  return !filtered && specs.every((s) => (rc.spec ?? []).includes(s));
}

/** The spec globs and root hooks that come from MOCHARC name files of the code tree; the user's own stay relative to the working folder. */
function inCodeTree(options: Record<string, unknown>): Record<string, unknown> {
  const own = new Set([...(rc.spec ?? []), ...(rc.require ?? [])]);
  // mocha's loader puts the config's spec globs among the operands (`_`).
  const rebase = (key: string) => {
    const values = options[key] as string[] | undefined;
    return values ? { [key]: values.map((v) => (own.has(v) ? resolve(CODE_ROOT, v) : v)) } : {};
  };
  return { ...options, ...rebase('spec'), ...rebase('_'), ...rebase('require') };
}

/** Mocha's CLI hands the constructor camelCase options (`forbid-only` -> `forbidOnly`). */
function withCamelCaseKeys(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).map(([key, value]) => [key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), value]));
}
