// Records the consumer contract of the run's endpoints in the run's helper thread (recordInThread.ts) and
// hands back what the client parsed for each interaction and the finalized contract text. The main thread then
// checks the text for leaks and saves it: it alone knows the live secrets the run has seen.
// One recording per naming and process: the launcher may start it before the run has loaded.

import { loadConfig } from '../config/config.ts';
import { loadEndpointSet } from '../endpoints/endpointSet.ts';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import type { Naming } from '../findings/types.ts';
import { httpOptions } from '../http/client.ts';
import { inHelperThread } from '../run/helperThread.ts';
import type { ConsumerResult } from './client.ts';
import { contractNaming } from './participants.ts';

/** What the helper thread rebuilds its interactions from: the endpoints as plain data (their pages' models), copied into that thread. */
export interface RecordRequest {
  naming: Naming;
  endpoints: readonly TestedEndpoint[];
}

export interface RecordedInteraction {
  description: string;
  result?: ConsumerResult;
  /** Why recording this interaction failed (Pact's mismatch, the client's error). */
  error?: string;
}

export interface RecordedContract {
  interactions: RecordedInteraction[];
  /** Requests the client sent to the mock server. */
  requests: number;
  /** How long the helper thread took, from its start (loading Pact included) to its answer. */
  ms: number;
  /** The finalized contract, when every interaction was recorded. */
  text?: string;
  finishError?: string;
}

/** By naming and endpoint set: an early start and the run's own request share one recording. */
const recordings = new Map<string, Promise<RecordedContract>>();

export function recordContract(naming: Naming, endpoints: readonly TestedEndpoint[]): Promise<RecordedContract> {
  const key = [naming, ...endpoints.map((e) => e.id)].join('\n');
  let recording = recordings.get(key);
  if (!recording) {
    recording = inHelperThread('record', { naming, endpoints });
    // Awaited by the consumer stage; until then a failure must not count as unhandled.
    recording.catch(() => undefined);
    recordings.set(key, recording);
  }
  return recording;
}

/**
 * Starts the recording the run will ask for before the run loads (it needs neither the target
 * nor the run), when the target is the embedded provider and the endpoints come from files: a
 * live target may turn out unreachable, and then the work would be wasted; HELP_URL pages are
 * read by the run. A configuration the run will refuse starts nothing: the run reports it.
 */
export function startRecordingEarly(env: NodeJS.ProcessEnv = process.env): void {
  try {
    const config = loadConfig(env);
    if (config.targetUrl !== undefined || config.helpUrl !== undefined) return;
    loadEndpointSet(config, httpOptions(config, true))
      .then(({ selected }) => recordContract(contractNaming(config.naming, env), selected))
      .catch(() => undefined);
  } catch {
    // the run's own configuration check says what is wrong
  }
}

