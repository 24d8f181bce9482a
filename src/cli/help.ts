// The --help texts, rendered from the subcommand table and the variable tables, so that they
// list every flag and every environment variable the code really reads.

import type { ConfigVariable } from '../config/config.ts';
import { COMMAND_NAME, DEFAULT_SUBCOMMAND, SUBCOMMANDS, type CommandOption, type Subcommand } from './commands.ts';
import { flagOf } from './variableFlags.ts';

/** One line: how to call a subcommand. */
export function usageLine(command: Subcommand): string {
  const name = command === DEFAULT_SUBCOMMAND ? `${COMMAND_NAME} [run]` : `${COMMAND_NAME} ${command.words.join(' ')}`;
  const rest = command.passThrough ? ' [mocha options]' : '';
  return `Usage: ${name} [flags]${command.operands ? ` ${command.operands}` : ''}${rest}`;
}

export function commandHelp(command: Subcommand): string {
  return [
    usageLine(command), '', command.summary,
    ...(command.passThrough ? [command.passThrough] : []),
    '', 'Flags:', ...command.options.map(optionLines).flat(), ...entry('-h, --help', 'This help.'), ...entry('--version', 'The version.'),
    ...(command.variables.length > 0 ? ['', 'Environment variables, each also a flag (a flag wins over its variable):', ...command.variables.map(variableLines).flat()] : []),
    ...(command.alsoReads ? ['', `Also read: ${command.alsoReads}.`] : []),
    '', `Exit codes: ${command.exitCodes}.`,
  ].join('\n');
}

export function topHelp(version: string): string {
  const width = Math.max(...SUBCOMMANDS.map((c) => c.words.join(' ').length + (c.operands ? c.operands.length + 1 : 0)));
  return [
    `${COMMAND_NAME} ${version}: conformance gate for the Consinco ERP auth API (POST api/v1/auth/refresh-token)`,
    '',
    `Usage: ${COMMAND_NAME} [subcommand] [flags]`,
    '',
    'Subcommands:',
    ...SUBCOMMANDS.map((c) => `  ${[...c.words, ...(c.operands ? [c.operands] : [])].join(' ').padEnd(width)}  ${c.summary}`),
    '',
    `With no subcommand it runs the gate. "${COMMAND_NAME} <subcommand> --help" lists a subcommand's flags. The gate's:`,
    '',
    commandHelp(DEFAULT_SUBCOMMAND),
  ].join('\n');
}

function entry(left: string, text: string): string[] {
  return [`  ${left}`, `      ${text}`];
}

function optionLines(option: CommandOption): string[] {
  return entry(`--${option.name}${option.value ? ` <${option.value}>` : ''}`, `${option.description}${option.multiple ? ' Repeatable.' : ''}`);
}

function variableLines(variable: ConfigVariable): string[] {
  const flag = variable.secret ? '(no flag: a secret, environment only)' : `${flagOf(variable)} <value>`;
  return entry(`${variable.name}, ${flag}`, `${variable.description} Default: ${variable.default}.`);
}
