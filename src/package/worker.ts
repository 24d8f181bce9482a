// Starts one of the code tree's modules in a worker thread. Compiled, that is plain Node (with a
// compile cache of its own where Node has one, 22.1 and later); from source the worker needs
// tsx's loader too, and a worker does not inherit it from `--import`, so it registers tsx before
// importing the module. Only here does that difference show.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { COMPILED } from './locations.ts';

/**
 * tsx's ESM API (`tsx/esm/api`, whose register() hooks the calling thread), resolved the way an
 * ESM import would: a require() here would pick its CommonJS build, which cannot register hooks.
 */
function tsxEsmApi(): URL {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(exports['./esm/api']!.import.default, pathToFileURL(manifest));
}

export function startModuleWorker(module: URL): Worker {
  // A worker does not share the launcher's compile cache (main.ts): it turns on its own, where Node has one.
  if (COMPILED) return new Worker(`require('node:module').enableCompileCache?.(); import(${JSON.stringify(module.href)});`, { eval: true });
  const loader = JSON.stringify(tsxEsmApi().href);
  const bootstrap = `import(${loader}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(bootstrap, { eval: true });
}
