// `npm run build` (and `prepack`): type-checks with the project's own TypeScript, then compiles
// src/ and the conformance specs into dist/ as bundles, and writes dist/.mocharc.json, the
// conformance run's mocha configuration for the compiled specs. The installed package then runs
// on Node alone.
// Bundled because a run loads about 1,200 modules, and on Node 20 (no compile cache) finding,
// reading and linking each one cost more than running them: one entry point per module loaded
// by its path (the command, its subcommands, the path-loaded stages, the helper thread's module,
// the spec files), the code they share in chunks, so each module still has one instance per run.

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import collectFiles from 'mocha/lib/cli/collect-files.cjs';
import { SUBCOMMANDS } from '../cli/commands.ts';
import { PACKAGE_ROOT } from './locations.ts';
import { PATH_LOADED } from './pathLoaded.ts';
import { precompiledSchemasModule } from './precompile.ts';

const DIST = join(PACKAGE_ROOT, 'dist');

/**
 * Kept out of the bundles, loaded from node_modules at run time: Pact's core (a native addon
 * found beside its own files), the XSD validator (its Java helper sits beside its own files)
 * and the pact CLI (the broker commands run its binary). randexp is required at run time too.
 */
const EXTERNAL = ['@pact-foundation/pact-core', '@pact-foundation/pact-cli', 'xsd-schema-validator'];

/**
 * Chunks sit as deep in dist/ as the modules they take code from (src/<folder>/), so
 * `import.meta.url`-relative paths (locations.ts: the code root is two folders up) still hold.
 */
const CHUNK_NAMES = 'src/chunks/[name]-[hash]';

/** Bundled CommonJS dependencies call require(); an ES module has none, so each output file makes one. */
const REQUIRE_BANNER = "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);";

/** precompiledSchemas.ts, empty in the source tree, holds the precompiled validators in the bundle (precompile.ts). */
const precompiledSchemas: Plugin = {
  name: 'precompiled-schemas',
  setup(on) {
    on.onLoad({ filter: /[\\/]src[\\/]validation[\\/]precompiledSchemas\.ts$/ }, () => ({
      contents: precompiledSchemasModule(join(PACKAGE_ROOT, 'src/validation/schemaFormats.ts')),
      loader: 'js',
    }));
  },
};

type MochaConfig = { spec: string[]; require: string[] } & Record<string, unknown>;

/** The spec files and root hooks .mocharc.json names, expanded the way mocha expands them. */
function specEntryPoints(config: MochaConfig): string[] {
  const { files } = collectFiles({ spec: config.spec, extension: config['extension'] as string[], ignore: [], file: [], recursive: false, sort: false });
  return [...files.map((file) => relative(PACKAGE_ROOT, file)), ...config.require];
}

/** The source configuration with its TypeScript parts turned into their compiled counterparts. */
function compiledMochaConfig(source: MochaConfig): Record<string, unknown> {
  const toJs = (values: string[]) => values.map((v) => v.replace(/\.ts$/, '.js'));
  const { 'node-option': _loader, ...rest } = source;
  return { ...rest, extension: ['js'], spec: toJs(source.spec), require: toJs(source.require) };
}

const mochaConfig = JSON.parse(readFileSync(join(PACKAGE_ROOT, '.mocharc.json'), 'utf8')) as MochaConfig;
const entryPoints = [
  'src/cli/main.ts',
  ...SUBCOMMANDS.map((command) => `src/${command.module}.ts`),
  ...Object.values(PATH_LOADED).map((path) => `${path}.ts`),
  ...specEntryPoints(mochaConfig),
];

// npm puts node_modules/.bin on PATH for its scripts: this is the project's TypeScript.
execFileSync('tsc', ['--noEmit', '-p', join(PACKAGE_ROOT, 'tsconfig.json')], { stdio: 'inherit' });
rmSync(DIST, { recursive: true, force: true });
await build({
  absWorkingDir: PACKAGE_ROOT,
  entryPoints: [...new Set(entryPoints)],
  outbase: PACKAGE_ROOT,
  outdir: DIST,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: CHUNK_NAMES,
  external: EXTERNAL,
  banner: { js: REQUIRE_BANNER },
  plugins: [precompiledSchemas],
  logLevel: 'warning',
});
writeFileSync(join(DIST, '.mocharc.json'), `${JSON.stringify(compiledMochaConfig(mochaConfig), null, 2)}\n`);
console.log(`built ${DIST}`);
