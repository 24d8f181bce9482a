// The compiled package is bundled (src/package/build.ts): shared code moves into chunk files,
// so a module may not find another module of the code tree relative to its own file, and every
// module loaded by its path must be one of the bundle's entry points.

import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBCOMMANDS } from '../../../src/cli/commands.ts';
import { CODE_ROOT } from '../../../src/package/locations.ts';
import { PATH_LOADED } from '../../../src/package/pathLoaded.ts';

/** The one module that places the code root (two folders up from itself, as chunks sit too). */
const PLACES_CODE_ROOT = 'src/package/locations.ts';

/** The source modules under src/, relative to the code root. */
function sourceFiles(): string[] {
  return readdirSync(join(CODE_ROOT, 'src'), { recursive: true }).map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join('src', file));
}

/** `import.meta.url` uses that resolve something other than a package (the code's comments left out). */
function ownFileLookups(text: string): string[] {
  const code = text.split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line)).join('\n').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
  return [...code.matchAll(/.{0,40}import\.meta\.url.{0,10}/g)].map(([use]) => use).filter((use) => !/createRequire\(import\.meta\.url\)/.test(use));
}

describe('the code tree as the bundle needs it', () => {
  it('finds its own files through locations.ts only, never relative to a module\'s own file', () => {
    const offenders = sourceFiles()
      .filter((file) => file !== PLACES_CODE_ROOT)
      .flatMap((file) => ownFileLookups(readFileSync(join(CODE_ROOT, file), 'utf8')).map((use) => `${file}: ${use.trim()}`));
    expect(offenders, offenders.join('\n')).to.deep.equal([]);
  });

  it('tells a lookup relative to the module from a package resolved beside it', () => {
    expect(ownFileLookups("const w = new URL('./helperWorker.js', import.meta.url);")).to.have.length(1);
    expect(ownFileLookups("const f = fileURLToPath(import.meta.url);")).to.have.length(1);
    expect(ownFileLookups("const bin = createRequire(import.meta.url).resolve('x/bin.js');")).to.deep.equal([]);
    expect(ownFileLookups('// relative to import.meta.url in a comment')).to.deep.equal([]);
  });

  it('has a source file for every module loaded by its path and every subcommand', () => {
    const modules = [...Object.values(PATH_LOADED), ...SUBCOMMANDS.map((command) => `src/${command.module}`)];
    expect(modules.filter((path) => !existsSync(join(CODE_ROOT, `${path}.ts`)))).to.deep.equal([]);
  });
});
