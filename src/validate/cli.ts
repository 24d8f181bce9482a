// `npm run validate -- <file> [--kind request|response|error] [--naming auto|backing-field|documented]`
// Exit 0 valid, 1 invalid, 2 unusable input (missing file, unknown format, bad option).

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatProblem } from '../validation/problem.ts';
import { redact } from '../redaction/redactor.ts';
import { UnusableInputError, validateMessage, type NamingChoice, type Verdict } from './validateMessage.ts';
import type { BodyKind } from '../validation/jsonBody.ts';

const USAGE = 'usage: npm run validate -- <file> [--kind request|response|error] [--naming auto|backing-field|documented]';
const KINDS: readonly BodyKind[] = ['request', 'response', 'error'];
const NAMINGS: readonly NamingChoice[] = ['auto', 'backing-field', 'documented'];

class UsageError extends Error {}

function parse(argv: string[]): { file: string; kind?: BodyKind; naming: NamingChoice } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { kind: { type: 'string' }, naming: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('give exactly one file');
  if (values.kind !== undefined && !KINDS.includes(values.kind as BodyKind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}, got "${values.kind}"`);
  if (values.naming !== undefined && !NAMINGS.includes(values.naming as NamingChoice)) throw new UsageError(`--naming must be one of ${NAMINGS.join(', ')}, got "${values.naming}"`);
  return { file: positionals[0]!, ...(values.kind ? { kind: values.kind as BodyKind } : {}), naming: (values.naming ?? 'auto') as NamingChoice };
}

function report(file: string, verdict: Verdict): string[] {
  const lines = [`${file}: ${verdict.format.toUpperCase()} ${verdict.kind}`];
  if (verdict.naming) {
    lines.push(`naming: recognised ${verdict.naming.recognised}, validated as ${verdict.naming.validatedAs}`);
    if (verdict.naming.advice) lines.push(`advice: ${verdict.naming.advice}`);
  }
  lines.push(verdict.problems.length === 0 ? 'VALID' : `INVALID: ${verdict.problems.length} problem(s)`);
  lines.push(...verdict.problems.map((p) => `  - ${formatProblem(p)}`));
  return lines;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`validate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (error) {
    console.error(`validate: cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 2;
  }
  try {
    const verdict = await validateMessage(text, { ...(args.kind ? { kind: args.kind } : {}), naming: args.naming });
    console.log(redact(report(args.file, verdict).join('\n')));
    return verdict.problems.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof UnusableInputError) {
      console.error(`validate: ${args.file}: ${error.message}`);
      return 2;
    }
    console.error(`validate: could not validate ${args.file}: ${redact((error as Error).message)}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
