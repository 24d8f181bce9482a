// The gate's own arguments, taken out before the rest go to mocha: `--list` (preview, send
// nothing), `--format text|json` (for --list), and `--only` / `--skip`, which set ONLY / SKIP
// (a flag wins over the variable, as on the command line of most tools).

import { ConfigError } from '../config/config.ts';

export interface RunArgs {
  list: boolean;
  format: 'text' | 'json';
  /** Variables the flags set. */
  env: Record<string, string>;
  /** Everything else, for mocha. */
  mochaArgs: string[];
}

const VARIABLE_FLAGS: Record<string, string> = { '--only': 'ONLY', '--skip': 'SKIP' };

export function parseRunArgs(args: readonly string[]): RunArgs {
  const out: RunArgs = { list: false, format: 'text', env: {}, mochaArgs: [] };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const takeValue = () => {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith('--')) throw new ConfigError(flag, 'needs a value');
      return value;
    };
    if (flag === '--list') out.list = true;
    else if (flag === '--format') {
      const format = takeValue();
      if (format !== 'text' && format !== 'json') throw new ConfigError('--format', `"${format}" is neither text nor json`);
      out.format = format;
    } else if (VARIABLE_FLAGS[flag]) out.env[VARIABLE_FLAGS[flag]] = takeValue();
    else out.mochaArgs.push(args[i]!);
  }
  return out;
}
