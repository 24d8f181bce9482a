// Every environment variable a subcommand reads is also a flag of it: TARGET_URL is
// --target-url. The flags come from the variable tables (config, contracts, broker), so a new
// variable gets its flag and its --help line with no change here. A flag sets its variable for
// this process, so it wins over the environment and goes through the same validation.
// Secrets have no flag: a command line shows in process lists and CI logs.

import type { ConfigVariable } from '../config/config.ts';
import { UsageError } from './usageError.ts';

export function flagOf(variable: ConfigVariable): string {
  return `--${variable.name.toLowerCase().replace(/_/g, '-')}`;
}

export interface TakenFlags {
  /** Variable name -> value, in the order given; a repeated flag keeps its last value. */
  assignments: Map<string, string>;
  /** Every other argument, in order. */
  rest: string[];
}

/** Takes the variables' flags (`--flag value` or `--flag=value`) out of args; nothing after `--` is taken. */
export function takeVariableFlags(args: readonly string[], variables: readonly ConfigVariable[]): TakenFlags {
  const byFlag = new Map(variables.map((v) => [flagOf(v), v]));
  const assignments = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    const [flag, inline] = splitInline(arg);
    const variable = byFlag.get(flag);
    if (!variable) {
      rest.push(arg);
      continue;
    }
    if (variable.secret) throw new UsageError(`${flag}: ${variable.name} is a secret; set it in the environment, not on the command line`);
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`${flag} needs a value (it sets ${variable.name})`);
    assignments.set(variable.name, value);
  }
  return { assignments, rest };
}

function splitInline(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=');
  return arg.startsWith('--') && at > 0 ? [arg.slice(0, at), arg.slice(at + 1)] : [arg, undefined];
}
