#!/usr/bin/env node
// `consinco-conformance`, the installed command: reads the command line, sets the variables
// its flags name, and hands over to the subcommand's module (loaded only then, so help,
// version and a bad command line start at once). Exit codes are the subcommand's; help and
// version exit 0; a bad command line exits 2 with one line saying why and the usage.

import module from 'node:module';
import { pathToFileURL } from 'node:url';
import { codeFile, packageInfo } from '../package/locations.ts';
import { COMMAND_NAME, DEFAULT_SUBCOMMAND } from './commands.ts';
import { CommandLineError, readCommandLine, type CommandLine } from './commandLine.ts';
import { commandHelp, topHelp, usageLine } from './help.ts';

const USAGE_ERROR = 2;

// Node 22.1 and later keep compiled code between runs (in the system's temporary folder); Node 20 has no such cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

function read(argv: string[]): CommandLine | undefined {
  try {
    return readCommandLine(argv);
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error;
    const usage = error.command ? usageLine(error.command) : `Usage: ${COMMAND_NAME} [subcommand] [flags]`;
    console.error(`${COMMAND_NAME}: ${error.message}\n${usage}\nRun "${COMMAND_NAME} ${error.command && error.command !== DEFAULT_SUBCOMMAND ? `${error.command.words.join(' ')} ` : ''}--help" for every flag.`);
    return undefined;
  }
}

const line = read(process.argv.slice(2));
if (!line) {
  process.exitCode = USAGE_ERROR;
} else if (line.kind === 'help') {
  console.log(line.command ? commandHelp(line.command) : topHelp(packageInfo().version));
} else if (line.kind === 'version') {
  console.log(packageInfo().version);
} else {
  for (const [name, value] of line.variables) process.env[name] = value;
  const module = codeFile(`src/${line.command.module}`);
  process.argv = [process.argv[0]!, module, ...(line.command.moduleArgs ?? []), ...line.args];
  await import(pathToFileURL(module).href);
}
