// `npm run schemas`: regenerate schemas/ from the project's Help Page. `--check` writes
// nothing and exits 1 when a committed file differs (for CI and pre-commit use). `--out <dir>`
// writes them elsewhere: an installed package's own folder is no place for a user's copy.
// `npm run schemas -- --doc <page | folder | URL> --out <dir>`: the schemas of any Help Pages'
// endpoints, per body and naming (JSON Schema 2020-12, XSD, naming map), written to <dir>.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { refreshTokenEndpoint } from '../doc/endpoint.ts';
import { loadDocs } from '../doc/loadDocs.ts';
import { endpointFiles, endpointSchemas, endpointSlug } from './endpointSchemas.ts';
import { generateSchemaFiles } from './generate.ts';
import { SCHEMAS_DIR } from './load.ts';

const USAGE = 'usage: npm run schemas [-- --check] [--out <dir>] | npm run schemas -- --doc <page | folder | URL> --out <dir>';

class UsageError extends Error {}

function regenerate(check: boolean, out: string | undefined): number {
  const dir = out ?? SCHEMAS_DIR;
  const shown = out ?? 'schemas';
  const files = generateSchemaFiles(refreshTokenEndpoint());
  if (!check) mkdirSync(dir, { recursive: true });
  const stale: string[] = [];
  for (const [name, content] of files) {
    const path = join(dir, name);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    stale.push(name);
    if (!check) writeFileSync(path, content);
  }
  if (check) {
    console.log(stale.length === 0 ? `${shown}/ is up to date` : `${shown}/ differs from the doc: ${stale.join(', ')} (run npm run schemas)`);
    return stale.length === 0 ? 0 : 1;
  }
  console.log(stale.length === 0 ? `${shown}/ already up to date` : `wrote ${stale.map((n) => join(shown, n)).join(', ')}`);
  return 0;
}

async function fromDoc(doc: string, out: string): Promise<number> {
  const set = await loadDocs(doc);
  for (const failure of set.failures) console.error(`schemas: ${failure.message}`);
  if (set.failures.length > 0) return 2;
  if (set.endpoints.length === 0) {
    console.error(`schemas: ${doc} has no API pages`);
    return 2;
  }
  mkdirSync(out, { recursive: true });
  const slugs = new Map<string, number>();
  for (const endpoint of set.endpoints) {
    // Two pages of one set may document the same action (two copies): the second gets a suffix.
    const base = endpointSlug(endpoint);
    const seen = (slugs.get(base) ?? 0) + 1;
    slugs.set(base, seen);
    const schemas = endpointSchemas(endpoint, seen === 1 ? base : `${base}~${seen}`);
    const files = endpointFiles(schemas);
    for (const [name, content] of files) writeFileSync(join(out, name), content);
    const missing = schemas.bodies.filter((b) => b.undescribed).map((b) => ` (no ${b.direction} schema: ${b.undescribed})`).join('');
    const noXsd = schemas.bodies.some((b) => b.schemas.length > 0 && !b.schemas[0]!.xsd) ? ' (no XSD: the page shows no XML sample)' : '';
    console.log(`${endpoint.method} ${endpoint.path} (${endpoint.at.source}): ${[...files.keys()].join(', ') || 'no files'}${missing}${noXsd}`);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { check: { type: 'boolean' }, doc: { type: 'string' }, out: { type: 'string' } } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.doc === undefined) return regenerate(values.check === true, values.out);
  if (values.out === undefined) throw new UsageError('--doc needs --out <dir>');
  if (values.check) throw new UsageError('--check applies to schemas/ only');
  return fromDoc(values.doc, values.out);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`schemas: ${(error as Error).message}${error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? `\n${USAGE}` : ''}`);
  process.exitCode = 2;
}
