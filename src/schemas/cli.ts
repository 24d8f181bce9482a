// `npm run schemas`: regenerate schemas/ from the project's Help Page. `--check` writes
// nothing and exits 1 when a committed file differs (for CI and pre-commit use). `--out <dir>`
// writes them elsewhere: an installed package's own folder is no place for a user's copy.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { refreshTokenEndpoint } from '../doc/endpoint.ts';
import { generateSchemaFiles } from './generate.ts';
import { SCHEMAS_DIR } from './load.ts';

function main(args: string[]): number {
  const { values } = parseArgs({ args, options: { check: { type: 'boolean', default: false }, out: { type: 'string' } } });
  const check = values.check;
  const dir = values.out ?? SCHEMAS_DIR;
  const shown = values.out ?? 'schemas';
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

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`schemas: ${(error as Error).message}`);
  process.exitCode = 2;
}
