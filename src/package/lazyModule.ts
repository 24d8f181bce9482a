// Loads one of the code tree's modules when it is first needed, off the start-up path. With
// require(), not import(): from source, tsx gives a module loaded by import() an instance of
// its own, apart from the one the run already holds (the redactor's secrets, the run's
// findings); compiled, require() of an ES module returns the instance already loaded.

import { createRequire } from 'node:module';
import { CODE_EXTENSION } from './locations.ts';

/** `path` is relative to the module `from` (its import.meta.url), without extension. */
export function loadLazily<T>(from: string, path: string): T {
  return createRequire(from)(`${path}${CODE_EXTENSION}`) as T;
}
