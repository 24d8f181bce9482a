// Loads one of the code tree's path-loaded modules when it is first needed, off the start-up
// path. With require(), not import(): from source, tsx gives a module loaded by import() an
// instance of its own, apart from the one the run already holds (the redactor's secrets, the
// run's findings); compiled, require() of an ES module returns the instance already loaded.

import { createRequire } from 'node:module';
import { pathLoadedFile, type PathLoadedModule } from './pathLoaded.ts';

export function loadLazily<T>(name: PathLoadedModule): T {
  const file = pathLoadedFile(name);
  return createRequire(file)(file) as T;
}
