// The modules of the code tree that are loaded by their path at run time instead of imported:
// the stages loaded only when needed, the helper thread's module, and what the launcher loads with
// mocha's loader. Compiled, each stays a file of its own at its own path (the build makes every
// one an entry point of the bundle), so one path names it in both trees.

import { codeFile } from './locations.ts';

export const PATH_LOADED = {
  gate: 'src/cli/gate',
  recording: 'src/pact/recordContract',
  helperWorker: 'src/run/helperWorker',
  probeRunner: 'src/probes/runner',
  finishRun: 'src/cli/finishRun',
  list: 'src/cli/list',
} as const;

export type PathLoadedModule = keyof typeof PATH_LOADED;

/** The file of a path-loaded module in this code tree (source or compiled). */
export function pathLoadedFile(name: PathLoadedModule): string {
  return codeFile(PATH_LOADED[name]);
}
