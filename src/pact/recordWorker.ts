// The consumer recording in a worker thread: it needs only Pact's mock server, never the
// target, so it runs on another core while the main thread starts the run and sends the
// probes (loading Pact alone costs about 0.3 s). Posts one RecordedContract, then ends.

import { parentPort, workerData } from 'node:worker_threads';
import { requestsSent } from '../http/client.ts';
import { ContractRecording, RECORDING_LANES } from './consumer.ts';
import { interactionsFor } from './interactions.ts';
import type { RecordedContract, RecordRequest } from './recordContract.ts';

const { naming, endpoints } = workerData as RecordRequest;
const { cases } = interactionsFor(endpoints);
const recording = new ContractRecording(naming, cases, RECORDING_LANES);
const recorded: RecordedContract = { interactions: [], requests: 0, ms: 0 };
try {
  const outcomes = await recording.recordAll();
  recorded.interactions = cases.map((c, n) => {
    const outcome = outcomes[n]!;
    if (outcome.status === 'rejected') return { description: c.description, error: (outcome.reason as Error).message };
    return { description: c.description, ...(outcome.value ? { result: outcome.value } : {}) };
  });
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
