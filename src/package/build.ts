// `npm run build` (and `prepack`): compiles src/ and the conformance specs into dist/ with the
// project's own TypeScript (relative `.ts` imports become `.js`), and writes dist/.mocharc.json,
// the conformance run's mocha configuration for the compiled specs. The installed package then
// runs on Node alone.

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './locations.ts';

const DIST = join(PACKAGE_ROOT, 'dist');

/** The source configuration with its TypeScript parts turned into their compiled counterparts. */
function compiledMochaConfig(source: Record<string, unknown>): Record<string, unknown> {
  const toJs = (values: unknown) => (values as string[]).map((v) => v.replace(/\.ts$/, '.js'));
  const { 'node-option': _loader, ...rest } = source;
  return { ...rest, extension: ['js'], spec: toJs(source['spec']), require: toJs(source['require']) };
}

rmSync(DIST, { recursive: true, force: true });
// npm puts node_modules/.bin on PATH for its scripts: this is the project's TypeScript.
execFileSync('tsc', ['-p', join(PACKAGE_ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
const source = JSON.parse(readFileSync(join(PACKAGE_ROOT, '.mocharc.json'), 'utf8')) as Record<string, unknown>;
writeFileSync(join(DIST, '.mocharc.json'), `${JSON.stringify(compiledMochaConfig(source), null, 2)}\n`);
console.log(`built ${DIST}`);
