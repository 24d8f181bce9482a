// Records the consumer contract in a worker thread (recordWorker.ts) and hands back what the
// client parsed for each interaction and the finalized contract text. The main thread then
// checks the text for leaks and saves it: it alone knows the live secrets the run has seen.
// One recording per naming and process: the launcher may start it before the run has loaded.

import { loadConfig } from '../config/config.ts';
import type { Naming } from '../findings/types.ts';
import { CODE_EXTENSION } from '../package/locations.ts';
import { startModuleWorker } from '../package/worker.ts';
import type { RefreshResult } from './client.ts';
import { contractNaming } from './participants.ts';

export interface RecordRequest {
  naming: Naming;
}

export interface RecordedInteraction {
  description: string;
  result?: RefreshResult;
  /** Why recording this interaction failed (Pact's mismatch, the client's error). */
  error?: string;
}

export interface RecordedContract {
  interactions: RecordedInteraction[];
  /** Requests the client sent to the mock server. */
  requests: number;
  /** How long the worker took, from its start (loading Pact included) to its answer. */
  ms: number;
  /** The finalized contract, when every interaction was recorded. */
  text?: string;
  finishError?: string;
}

const recordings = new Map<Naming, Promise<RecordedContract>>();

export function recordContract(naming: Naming): Promise<RecordedContract> {
  let recording = recordings.get(naming);
  if (!recording) {
    recording = inWorker(naming);
    // Awaited by the consumer stage; until then a failure must not count as unhandled.
    recording.catch(() => undefined);
    recordings.set(naming, recording);
  }
  return recording;
}

/**
 * Starts the recording the run will ask for before the run loads (it needs neither the target
 * nor the run), when the target is the embedded provider: a live target may turn out
 * unreachable, and then the work would be wasted. A configuration the run will refuse starts
 * nothing: the run reports it.
 */
export function startRecordingEarly(env: NodeJS.ProcessEnv = process.env): void {
  try {
    const config = loadConfig(env);
    if (config.targetUrl === undefined) void recordContract(contractNaming(config.naming, env));
  } catch {
    // the run's own configuration check says what is wrong
  }
}

function inWorker(naming: Naming): Promise<RecordedContract> {
  const worker = startModuleWorker(new URL(`./recordWorker${CODE_EXTENSION}`, import.meta.url), { naming } satisfies RecordRequest);
  return new Promise((resolve, reject) => {
    let answer: RecordedContract | undefined;
    worker.once('message', (message: RecordedContract) => (answer = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (answer ? resolve(answer) : reject(new Error(`the contract recording ended (exit ${code}) without a result`))));
  });
}
