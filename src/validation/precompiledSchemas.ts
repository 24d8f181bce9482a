// The validators of the JSON Schemas a run on the package's own Help Pages compiles, compiled
// by the build instead (ajv's standalone code, src/package/precompile.ts puts them here), by
// schemaKey. Ajv compiles the 2020-12 meta-schema before the first schema and takes a few
// milliseconds for each: about 40 ms of a run's main thread. From source this is empty, and
// each schema compiles when the run first needs it.

import type { ValidateFunction } from 'ajv/dist/2020.js';

export const PRECOMPILED: Readonly<Record<string, ValidateFunction>> = {};
