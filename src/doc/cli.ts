// `npm run doc -- check <page | folder | URL>`: reads the Help Pages, generates every
// endpoint's schemas and validates each page's own samples against them. One line per endpoint:
// `METHOD path: request <Type>, response <Type>, samples valid k/n`; then each failing sample
// with Received / Expected. Exit 0 every sample valid, 1 one is not, 2 a page cannot be read.

import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config.ts';
import { endpointSchemas } from '../schemas/endpointSchemas.ts';
import { formatProblem } from '../validation/problem.ts';
import { redact } from '../redaction/redactor.ts';
import { EXIT } from '../cli/exitCodes.ts';
import type { ApiEndpoint } from './apiModel.ts';
import { loadDocs, NoDocError } from './loadDocs.ts';
import { HelpPageError } from './outline.ts';
import { checkSamples, type EndpointVerdict } from './sampleCheck.ts';

const USAGE = 'usage: npm run doc -- check <page | folder | URL>';

function endpointLine(endpoint: ApiEndpoint, verdict: Pick<EndpointVerdict, 'valid' | 'total'>): string {
  const type = (body: ApiEndpoint['request']) => body?.typeText ?? 'None.';
  return `${endpoint.method} ${endpoint.path}: request ${type(endpoint.request)}, response ${type(endpoint.response)}, samples valid ${verdict.valid}/${verdict.total}`;
}

function failureLines(verdict: EndpointVerdict): string[] {
  return verdict.failures.flatMap((f) => [
    `  invalid ${f.direction} sample for ${f.sample.mediaTypes.join(', ')} (${f.sample.at.source}:${f.sample.at.line}):`,
    ...f.problems.map((p) => `    - ${formatProblem(p)}`),
    ...(f.hint ? [`    (${f.hint})`] : []),
  ]);
}

async function check(input: string | undefined): Promise<number> {
  const set = await loadDocs(input);
  const verdicts = await checkSamples(set.endpoints.map((e) => endpointSchemas(e)));
  for (const verdict of verdicts) {
    console.log(endpointLine(verdict.schemas.endpoint, verdict));
    for (const note of verdict.schemas.endpoint.notes) console.log(`  note: ${note}`);
    for (const form of verdict.unchecked) console.log(`  note: line ${form.at.line}: the ${form.mediaTypes.join(', ')} sample is not judged (no schema for form bodies)`);
    for (const line of failureLines(verdict)) console.log(line);
  }
  for (const failure of set.failures) console.error(`doc: ${failure.message}`);
  if (set.failures.length > 0) return EXIT.COULD_NOT_TEST;
  if (verdicts.length === 0) {
    console.error('doc: no API pages found (only ResourceModel or index pages)');
    return EXIT.COULD_NOT_TEST;
  }
  return verdicts.every((v) => v.failures.length === 0) ? EXIT.CONFORMING : EXIT.FINDINGS;
}

async function main(argv: string[]): Promise<number> {
  let positionals: string[];
  try {
    positionals = parseArgs({ args: argv, allowPositionals: true, options: {} }).positionals;
  } catch (error) {
    console.error(`doc: ${(error as Error).message}\n${USAGE}`);
    return EXIT.COULD_NOT_TEST;
  }
  const [command, input, ...extra] = positionals;
  if (command !== 'check' || extra.length > 0) {
    console.error(`doc: ${command === undefined ? 'no command' : command !== 'check' ? `unknown command "${command}"` : 'give one page, folder or URL'}\n${USAGE}`);
    return EXIT.COULD_NOT_TEST;
  }
  try {
    return await check(input);
  } catch (error) {
    if (error instanceof HelpPageError || error instanceof ConfigError || error instanceof NoDocError) {
      console.error(`doc: ${error.message}${error instanceof NoDocError ? `\n${USAGE}` : ''}`);
      return EXIT.COULD_NOT_TEST;
    }
    console.error(`doc: could not check: ${redact((error as Error).message)}`);
    return EXIT.COULD_NOT_TEST;
  }
}

process.exitCode = await main(process.argv.slice(2));
