// `npm test`: the conformance run as a CI gate (exit 0 conforming, 1 findings or a leaked token,
// 2 could not test; docs/gate.md). Arguments after `--` go to mocha, e.g. `-- --grep refresh`.
// The gate is loaded with mocha's own loader, not a static import: mocha loads the specs and
// root hooks with require() where Node supports require(esm), and with import() elsewhere, and
// the two give separate module instances. The gate must share the specs' instances of the run
// (its findings) and the redactor (the live tokens it must hide and scan for).
// A run without arguments runs every spec: the consumer recording, which needs neither the
// target nor the run, starts in its worker thread before the gate loads.

import { requireOrImport } from 'mocha/lib/nodejs/esm-utils.cjs';
import { pathLoadedFile, type PathLoadedModule } from '../package/pathLoaded.ts';

type Gate = typeof import('./gate.ts');
type Recording = typeof import('../pact/recordContract.ts');

const load = (name: PathLoadedModule) => requireOrImport(pathLoadedFile(name));
const args = process.argv.slice(2);
if (args.length === 0) ((await load('recording')) as Recording).startRecordingEarly();
const { runGate } = await load('gate') as Gate;
const code = await runGate(args);
// Output to a pipe is written asynchronously: exit only once stdout and stderr have taken all
// of it, or `--list --format json | jq` and `npm test | tee` would lose their end.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((drained) => stream.write('', drained))));
process.exit(code);
