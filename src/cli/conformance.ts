// `npm test`: the conformance run as a CI gate (exit 0 conforming, 1 findings or a leaked token,
// 2 could not test; docs/gate.md). Arguments after `--` go to mocha, e.g. `-- --grep refresh`.
// The gate is loaded with mocha's own loader, not a static import: mocha loads the specs and
// root hooks with require() where Node supports require(esm), and with import() elsewhere, and
// the two give separate module instances. The gate must share the specs' instances of the run
// (its findings) and the redactor (the live tokens it must hide and scan for).
// A run without arguments runs every spec: the consumer recording, which needs neither the
// target nor the run, starts in the helper thread before the gate loads.

import { setFlagsFromString } from 'node:v8';
import { requireOrImport } from 'mocha/lib/nodejs/esm-utils.cjs';
import { pathLoadedFile, type PathLoadedModule } from '../package/pathLoaded.ts';

// A run on the embedded provider lasts about a second. In it, V8 11 (Node 20) spent about 0.2 s
// of CPU on optimized code (TurboFan, on the core the run's other threads need) that had no
// time to pay off: code is optimized after four times as much running here. Later V8s (Node 22
// and on) tier up through Maglev first and have no such setting.
if (process.versions.v8.startsWith('11.')) setFlagsFromString('--interrupt-budget=270336');

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
