// Mutation testing of the parts whose failures the suite is trusted for: the checks, the naming
// map and classifier, the validators, the redactor and leak scan, the charset decoding, media
// types and the Help Page model. A mutant that survives is a way to break a check that no self spec notices.
//
// Stryker lives in its own package (mutation/package.json, own lockfile) because the suite's
// stack cannot host it: Stryker 10 needs Node 22 (the suite supports Node 20), and Stryker 9.6's
// mocha runner accepts only mocha < 12 (it loads lib/cli/options, run-helpers and collect-files,
// which mocha 12 renamed to .cjs). An npm alias or override cannot help: the runner takes mocha
// as a peer, so npm puts it beside the suite's mocha 12 and refuses. In its own folder the runner
// resolves mocha 11.7 from next to itself, the suite's mocha 12 untouched; the specs run as they
// do under `npm run test:self` (tsx, the same chai and fixtures). Stryker also reads tsconfig.json
// through TypeScript's API (ts.parseConfigFileTextToJson), which TypeScript 7 lacks: TypeScript
// 5.9 sits beside it for that.
//
// Run: `npm run test:mutation` (incremental: only mutants whose code or covering specs changed
// since the last run are tried again; reports under reports/mutation/).

import { fileURLToPath } from 'node:url';

/** The mutated files; the command-line entry points are left out (they are process glue). */
export const mutate = [
  'src/checks/**/*.ts',
  'src/naming/**/*.ts',
  'src/validation/**/*.ts',
  'src/redaction/**/*.ts',
  'src/http/charset.ts',
  'src/http/mediaType.ts',
  'src/doc/**/*.ts',
  '!src/**/cli.ts',
];

/**
 * The self specs that exercise those files in process. doc/strictSchemas.spec.ts is left out: it
 * starts a JVM per XSD it validates (hundreds per mutant), which put a full run past two hours.
 */
export const specs = [
  'specs/self/checks/checks.spec.ts',
  'specs/self/checks/evaluate.spec.ts',
  'specs/self/checks/wording.spec.ts',
  'specs/self/checks/smallChecks.spec.ts',
  'specs/self/checks/bodyAndContentType.spec.ts',
  'specs/self/checks/datesAndXml.spec.ts',
  'specs/self/checks/lifecycleAndNaming.spec.ts',
  'specs/self/checks/hygieneAndCaching.spec.ts',
  'specs/self/checks/semantics.spec.ts',
  'specs/self/checks/bodySchemaOutcomes.spec.ts',
  'specs/self/schemas/namingMap.spec.ts',
  'specs/self/schemas/classify.spec.ts',
  'specs/self/schemas/namingEdges.spec.ts',
  'specs/self/schemas/messages.spec.ts',
  'specs/self/validation/*.spec.ts',
  'specs/self/redaction/redactor.spec.ts',
  'specs/self/gate/leakScan.spec.ts',
  'specs/self/http/charset.spec.ts',
  'specs/self/http/charsetEdges.spec.ts',
  'specs/self/doc/readPage.spec.ts',
  'specs/self/doc/corpus.spec.ts',
  'specs/self/doc/vocabulary.spec.ts',
  'specs/self/helpPage.spec.ts',
  'specs/self/doc/htmlRendering.spec.ts',
  'specs/self/doc/textRendering.spec.ts',
  'specs/self/doc/vocabularyTerms.spec.ts',
  'specs/self/doc/liveHelp.spec.ts',
  'specs/self/doc/docSet.spec.ts',
  'specs/self/redaction/outputGuard.spec.ts',
  'specs/self/doc/resolveTypes.spec.ts',
  'specs/self/doc/readPageModel.spec.ts',
  'specs/self/doc/narrowedModel.spec.ts',
  'specs/self/doc/sampleVerdict.spec.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  // Mutants that cannot change behaviour, each listed with its reason in equivalent.mjs.
  plugins: ['@stryker-mutator/*', fileURLToPath(new URL('./equivalent.mjs', import.meta.url))],
  ignorers: ['equivalent'],
  mutate,
  testRunner: 'mocha',
  testRunnerNodeArgs: ['--import', 'tsx'],
  mochaOptions: { config: 'mutation/.mocharc.json', spec: specs },
  // No TypeScript checker: it type-checks the whole project per mutant in one process, which
  // made a full run ~8 hours on 2 cores. Mutants that would not compile run as JavaScript
  // under tsx instead; they are killed or survive on behaviour, like any other.
  coverageAnalysis: 'perTest',
  // Static mutants (module-level tables and patterns) run every spec each: 2,400 of them took
  // hours on 2 cores. They are left out; the vocabulary and pattern tables are read by every
  // spec that parses a page, so a broken entry shows up there anyway.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress-append-only'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['/mutation/node_modules', '/reports', '/dist'],
  thresholds: { high: 85, low: 70, break: null },
  // A mutant that loops is cut off 5 s past the tests' own time (the slowest covering spec takes ~3 s).
  timeoutMS: 5000,
};
