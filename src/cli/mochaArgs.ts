// The run hands the arguments it does not know to mocha, as `npm test -- <args>` does. Mocha's
// own parser would silently ignore a misspelt option (`--grpe x` runs everything), so every
// option is checked against the ones mocha's `run` command declares.

import * as metadata from 'mocha/lib/cli/run-option-metadata.cjs';
import { UsageError } from './usageError.ts';

const KNOWN = new Set([...Object.values(metadata.types).flat(), ...Object.values(metadata.aliases).flat()]);
const BOOLEAN = new Set(metadata.types['boolean']);

/** Throws a UsageError for the first option mocha does not know; operands (spec files) and anything after `--` pass. */
export function checkMochaArgs(args: readonly string[]): void {
  for (const arg of args) {
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.replace(/^--?/, '').split('=')[0]!;
    const known = KNOWN.has(name) || (name.startsWith('no-') && BOOLEAN.has(name.slice(3)));
    if (!known) throw new UsageError(`unknown option ${arg.split('=')[0]} (not a flag of the run nor a mocha option)`);
  }
}
