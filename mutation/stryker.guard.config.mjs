// The quick guard CI runs (.ci/run): Stryker on a fixed sample of the mutated files, the ones
// every run's verdict goes through (how outcomes are merged into findings, the naming map, the
// charset decoding, the redactor and leak scan), from scratch (no incremental file), failing
// when the sample's mutation score drops under `break`. A few minutes on 2 cores; the whole
// scope is `npm run test:mutation` (mutation/stryker.config.mjs).

import base from './stryker.config.mjs';

export default {
  ...base,
  mutate: [
    'src/checks/outcome.ts',
    'src/checks/evaluate.ts',
    'src/naming/namingMap.ts',
    'src/http/charset.ts',
    'src/redaction/redactor.ts',
    'src/redaction/leakScan.ts',
  ],
  mochaOptions: {
    ...base.mochaOptions,
    spec: [
      'specs/self/checks/checks.spec.ts',
      'specs/self/checks/evaluate.spec.ts',
      'specs/self/schemas/namingMap.spec.ts',
      'specs/self/schemas/namingEdges.spec.ts',
      'specs/self/http/charset.spec.ts',
      'specs/self/http/charsetEdges.spec.ts',
      'specs/self/redaction/redactor.spec.ts',
      'specs/self/gate/leakScan.spec.ts',
    ],
  },
  incremental: false,
  reporters: ['clear-text', 'json'],
  jsonReporter: { fileName: 'reports/mutation/guard.json' },
  tempDirName: '.stryker-tmp-guard',
  thresholds: { ...base.thresholds, break: 85 },
};
