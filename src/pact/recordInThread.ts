// The consumer recording, run in the run's helper thread (src/run/helperThread.ts): it needs
// only Pact's mock server, never the target, so it runs on another core while the main thread
// starts the run and sends the probes (loading Pact alone costs about 0.3 s).

import { requestsSent } from '../http/client.ts';
import { ContractRecording, RECORDING_LANES } from './consumer.ts';
import { interactionsFor } from './interactions.ts';
import type { RecordedContract, RecordRequest } from './recordContract.ts';

export async function recordInThisThread({ naming, endpoints }: RecordRequest): Promise<RecordedContract> {
  const sentBefore = requestsSent();
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
  // The thread's clock starts with the thread: the time includes loading Pact.
  return { ...recorded, requests: requestsSent() - sentBefore, ms: performance.now() };
}
