// `npm run schemas`: regenerate schemas/ from the project's Help Page. `--check` writes
// nothing and exits 1 when a committed file differs (for CI and pre-commit use).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { refreshTokenEndpoint } from '../doc/endpoint.ts';
import { generateSchemaFiles } from './generate.ts';
import { SCHEMAS_DIR } from './load.ts';

function main(args: string[]): number {
  const check = args.includes('--check');
  const files = generateSchemaFiles(refreshTokenEndpoint());
  const stale: string[] = [];
  for (const [name, content] of files) {
    const path = join(SCHEMAS_DIR, name);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    stale.push(name);
    if (!check) writeFileSync(path, content);
  }
  if (check) {
    console.log(stale.length === 0 ? 'schemas/ is up to date' : `schemas/ differs from the doc: ${stale.join(', ')} (run npm run schemas)`);
    return stale.length === 0 ? 0 : 1;
  }
  console.log(stale.length === 0 ? 'schemas/ already up to date' : `wrote ${stale.map((n) => `schemas/${n}`).join(', ')}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`schemas: ${(error as Error).message}`);
  process.exitCode = 2;
}
