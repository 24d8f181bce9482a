// `npm run validate -- [--doc <page>] <file> [--kind request|response|error] [--naming auto|backing-field|documented]`
// Without --doc: against the project's committed schemas (schemas/). With --doc: against the
// schemas generated from that Help Page (any rendering, or a Help URL).
// Exit 0 valid, 1 invalid, 2 unusable input (missing file, unreadable page, unknown format, bad option).

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatProblem } from '../validation/problem.ts';
import { redact } from '../redaction/redactor.ts';
import { UnusableInputError, validateMessage, type NamingChoice, type Verdict } from './validateMessage.ts';
import type { BodyKind } from '../validation/jsonBody.ts';
import { ConfigError } from '../config/config.ts';
import { loadDocs, NoDocError } from '../doc/loadDocs.ts';
import { HelpPageError } from '../doc/outline.ts';
import { endpointSchemas, type EndpointSchemas } from '../schemas/endpointSchemas.ts';
import { validateAgainstDoc } from './validateAgainstDoc.ts';

const USAGE = 'usage: npm run validate -- [--doc <page>] <file> [--kind request|response|error] [--naming auto|backing-field|documented]';
const KINDS: readonly BodyKind[] = ['request', 'response', 'error'];
const NAMINGS: readonly NamingChoice[] = ['auto', 'backing-field', 'documented'];

class UsageError extends Error {}

function parse(argv: string[]): { file: string; doc?: string; kind?: BodyKind; naming: NamingChoice } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { kind: { type: 'string' }, naming: { type: 'string' }, doc: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('give exactly one file');
  if (values.kind !== undefined && !KINDS.includes(values.kind as BodyKind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}, got "${values.kind}"`);
  if (values.naming !== undefined && !NAMINGS.includes(values.naming as NamingChoice)) throw new UsageError(`--naming must be one of ${NAMINGS.join(', ')}, got "${values.naming}"`);
  return { file: positionals[0]!, ...(values.doc ? { doc: values.doc } : {}), ...(values.kind ? { kind: values.kind as BodyKind } : {}), naming: (values.naming ?? 'auto') as NamingChoice };
}

function report(file: string, verdict: Verdict & { typeText?: string }): string[] {
  const lines = [`${file}: ${verdict.format.toUpperCase()} ${verdict.kind}${verdict.typeText ? ` (${verdict.typeText})` : ''}`];
  if (verdict.naming) {
    lines.push(`naming: recognised ${verdict.naming.recognised}, validated as ${verdict.naming.validatedAs}`);
    if (verdict.naming.advice) lines.push(`advice: ${verdict.naming.advice}`);
  }
  lines.push(verdict.problems.length === 0 ? 'VALID' : `INVALID: ${verdict.problems.length} problem(s)`);
  lines.push(...verdict.problems.map((p) => `  - ${formatProblem(p)}`));
  return lines;
}

/** The one endpoint a --doc page documents. */
async function docEndpoint(doc: string): Promise<EndpointSchemas> {
  const set = await loadDocs(doc);
  if (set.failures[0]) throw set.failures[0];
  if (set.endpoints.length !== 1) {
    throw new NoDocError(`${doc} documents ${set.endpoints.length} endpoints${set.endpoints.length ? ` (${set.endpoints.map((e) => `${e.method} ${e.path}`).join(', ')})` : ''}; give the page of one`);
  }
  return endpointSchemas(set.endpoints[0]!);
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
    const options = { ...(args.kind ? { kind: args.kind } : {}), naming: args.naming };
    const verdict = args.doc ? await validateAgainstDoc(text, await docEndpoint(args.doc), options) : await validateMessage(text, options);
    console.log(redact(report(args.file, verdict).join('\n')));
    return verdict.problems.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof UnusableInputError) {
      console.error(`validate: ${args.file}: ${error.message}`);
      return 2;
    }
    if (error instanceof HelpPageError || error instanceof ConfigError || error instanceof NoDocError) {
      console.error(`validate: ${error.message}`);
      return 2;
    }
    console.error(`validate: could not validate ${args.file}: ${redact((error as Error).message)}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
