// What the run's helper thread (helperThread.ts) can be asked to do, by name. Each task takes
// and returns plain data (it is copied between the threads) and shares no state with the main
// thread: what it needs of that state comes in its input. A task's modules load when it first
// runs.

import type { RecordRequest } from '../pact/recordContract.ts';
import type { VerifierRequest } from '../pact/verify/verifyInThread.ts';
import type { LeakScanRequest } from '../redaction/leakScan.ts';

export const HELPER_TASKS = {
  record: async (request: RecordRequest) => (await import('../pact/recordInThread.ts')).recordInThisThread(request),
  verify: async (request: VerifierRequest) => (await import('../pact/verify/verifyInThread.ts')).verifyInThisThread(request),
  scan: async ({ files, secrets }: LeakScanRequest) => (await import('../redaction/leakScan.ts')).scanFiles(files, secrets),
};

export type HelperTasks = typeof HELPER_TASKS;
