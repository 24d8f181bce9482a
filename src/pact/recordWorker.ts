// The consumer recording in a worker thread: it needs only Pact's mock server, never the
// target, so it runs on another core while the main thread starts the run and sends the
// probes (loading Pact alone costs about 0.3 s). Posts one RecordedContract, then ends.

import { parentPort, workerData } from 'node:worker_threads';
import { requestsSent } from '../http/client.ts';
import { ContractRecording } from './consumer.ts';
import { interactionsFor } from './interactions.ts';
import type { RecordedContract, RecordRequest } from './recordContract.ts';

const { naming, endpoints } = workerData as RecordRequest;
const { cases } = interactionsFor(endpoints);
const recording = new ContractRecording(naming, cases);
const recorded: RecordedContract = { interactions: [], requests: 0, ms: 0 };
try {
  for (const c of cases) {
    try {
      const result = await recording.record(c);
      recorded.interactions.push({ description: c.description, ...(result ? { result } : {}) });
    } catch (error) {
      recorded.interactions.push({ description: c.description, error: (error as Error).message });
    }
  }
  try {
    recorded.text = recording.finish();
  } catch (error) {
    recorded.finishError = (error as Error).message;
  }
} finally {
  recording.dispose();
}
// A worker's clock starts with the worker.
parentPort!.postMessage({ ...recorded, requests: requestsSent(), ms: performance.now() });
