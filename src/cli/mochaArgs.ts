// The run hands the arguments it does not know to mocha, as `npm test -- <args>` does. Mocha's
// own parser would silently ignore a misspelt option (`--grpe x` runs everything), so every
// option is checked against the ones mocha's `run` command declares. A few that mocha knows
// cannot apply: the specs share one run (its target, token chain and findings) in this process.

import * as metadata from 'mocha/lib/cli/run-option-metadata.cjs';
import { UsageError } from './usageError.ts';

const KNOWN = new Set([...Object.values(metadata.types).flat(), ...Object.values(metadata.aliases).flat()]);
const BOOLEAN = new Set(metadata.types['boolean']);

/** Mocha options the run refuses, by name, and why. */
const WHY_NOT: Record<string, string> = {
  parallel: 'the specs share one run in this process; they cannot be split across workers',
  jobs: 'the specs share one run in this process; they cannot be split across workers',
  watch: 'a gate run happens once and exits with its verdict',
  'watch-files': 'a gate run happens once and exits with its verdict',
  'watch-ignore': 'a gate run happens once and exits with its verdict',
};
const REFUSED = new Map(Object.keys(WHY_NOT).flatMap((name) => [name, ...(metadata.aliases[name] ?? [])].map((spelling) => [spelling, name] as const)));

/** Throws a UsageError for the first option mocha does not know or the run refuses; operands (spec files) and anything after `--` pass. */
export function checkMochaArgs(args: readonly string[]): void {
  for (const arg of args) {
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.replace(/^--?/, '').split('=')[0]!;
    const known = KNOWN.has(name) || (name.startsWith('no-') && BOOLEAN.has(name.slice(3)));
    if (!known) throw new UsageError(`unknown option ${arg.split('=')[0]} (not a flag of the run nor a mocha option)`);
    const refused = REFUSED.get(name);
    if (refused) throw new UsageError(`mocha's --${refused} does not apply to a gate run: ${WHY_NOT[refused]}`);
  }
}
