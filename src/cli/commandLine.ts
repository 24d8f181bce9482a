// Reads the command line of `consinco-conformance`: which subcommand, help or version, the
// variables its flags set, and the arguments left for the subcommand's module. Pure: nothing
// runs and nothing is loaded here, so a bad command line costs no start-up.

import { parseArgs } from 'node:util';
import { DEFAULT_SUBCOMMAND, SUBCOMMANDS, type Subcommand } from './commands.ts';
import { UsageError } from './usageError.ts';
import { takeVariableFlags } from './variableFlags.ts';

export type CommandLine =
  | { kind: 'help'; command?: Subcommand }
  | { kind: 'version' }
  | { kind: 'run'; command: Subcommand; variables: Map<string, string>; args: string[] };

/** A bad command line, with the subcommand it was meant for (for its usage line). */
export class CommandLineError extends UsageError {
  constructor(message: string, readonly command: Subcommand | undefined) {
    super(message);
  }
}

export function readCommandLine(argv: readonly string[]): CommandLine {
  const { command, args } = pickSubcommand(argv);
  const own = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (own.includes('--help') || own.includes('-h')) return { kind: 'help', ...(args === argv ? {} : { command }) };
  if (own.includes('--version')) return { kind: 'version' };
  try {
    const { assignments, rest } = takeVariableFlags(args, command.variables);
    if (!command.passThrough) checkOwnArguments(command, rest);
    return { kind: 'run', command, variables: assignments, args: rest };
  } catch (error) {
    if (error instanceof UsageError) throw new CommandLineError(error.message, command);
    throw error;
  }
}

/** The longest run of leading words that names a subcommand; none (or a flag first) is the default. */
function pickSubcommand(argv: readonly string[]): { command: Subcommand; args: readonly string[] } {
  const first = argv[0];
  if (first === undefined || first.startsWith('-')) return { command: DEFAULT_SUBCOMMAND, args: argv };
  const matches = SUBCOMMANDS.filter((c) => c.words.every((w, i) => argv[i] === w)).sort((a, b) => b.words.length - a.words.length);
  const command = matches[0];
  if (command) return { command, args: argv.slice(command.words.length) };
  const group = SUBCOMMANDS.filter((c) => c.words.length > 1 && c.words[0] === first);
  if (group.length > 0) {
    const given = argv[1] === undefined ? 'nothing' : `"${argv[1]}"`;
    throw new CommandLineError(`${first} takes one of ${group.map((c) => c.words[1]).join(', ')}, not ${given}`, undefined);
  }
  throw new CommandLineError(`unknown subcommand "${first}"`, undefined);
}

/** A subcommand that passes nothing through accepts its own flags and operands only. */
function checkOwnArguments(command: Subcommand, args: string[]): void {
  const options = Object.fromEntries(command.options.map((o) => [o.name, { type: o.value ? 'string' as const : 'boolean' as const, multiple: o.multiple ?? false }]));
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, options, strict: true, allowPositionals: true }));
  } catch (error) {
    // Node's own message, first sentence only ("Unknown option '--x'", "Option '--kind <value>' argument missing").
    throw new UsageError((error as Error).message.split(/\. |\.$/)[0]!);
  }
  if (!command.operands && positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
}
