// The conformance run's stages and what each one waits for. The stages that use the target
// (sending the probes, verifying the contract) take turns in one lane: they share the token
// chain and the embedded provider's switchable state. The others overlap with them: the
// consumer recording runs in the helper thread from the start (it needs only Pact's mock
// server), and the probes' XSD validation (a JVM) and checks run while the verification uses
// the target. A spec awaits its stage, which starts then if nothing started it earlier;
// prefetchStages starts them all at once, for a run that selects every spec. Mocha prints in
// spec order either way; only the work underneath overlaps.

import { addRequestsSent } from '../http/client.ts';
import { contractLeaks, type ContractLeak } from '../pact/leaks.ts';
import { contractNaming, narrowedSet } from '../pact/participants.ts';
import { recordContract, type RecordedContract } from '../pact/recordContract.ts';
import { saveContract } from '../pact/contractFile.ts';
import { verifyRunContract } from '../pact/verify/verifyRun.ts';
import type { ContractVerdict } from '../pact/verify/verifyContract.ts';
import { expandProbes } from '../probes/cases.ts';
import { interactionsFor } from '../pact/interactions.ts';
import type { ProbeRun } from '../probes/runner.ts';
import { sendProbes } from '../probes/send.ts';
import { loadLazily } from '../package/lazyModule.ts';
import type { Run } from './context.ts';

export interface ConsumerStage extends RecordedContract {
  /** What the leak scan found in the finalized contract; it is saved only when this is empty. */
  leaks: ContractLeak[];
  /** Where the contract was saved, when it was complete and clean. */
  saved?: string;
}

interface Stages {
  consumer: Promise<ConsumerStage>;
  probes: Promise<ProbeRun>;
  verification: Promise<ContractVerdict[]>;
}

const started = new WeakMap<Run, Partial<Stages>>();
const lanes = new WeakMap<Run, Promise<unknown>>();
/** Runs whose stages were prefetched: their verification waits until the consumer spec has reported. */
const reported = new WeakMap<Run, { done: Promise<void>; resolve: () => void }>();

/** Resolves once no stage uses the target, or waits for it, any more. */
async function targetIdle(run: Run): Promise<void> {
  for (let tail = lanes.get(run); tail !== undefined; ) {
    await tail;
    const next = lanes.get(run);
    if (next === tail) return;
    tail = next;
  }
}

/** Runs work that uses the target once the work queued before it has finished. */
function targetTurn<T>(run: Run, work: () => Promise<T>): Promise<T> {
  const previous = lanes.get(run) ?? Promise.resolve();
  const turn = previous.then(work, work);
  lanes.set(run, turn.catch(() => undefined));
  return turn;
}

function stage<K extends keyof Stages>(run: Run, name: K, start: () => Stages[K]): Stages[K] {
  const stages = started.get(run) ?? {};
  started.set(run, stages);
  stages[name] ??= start();
  return stages[name]!;
}

export function consumerStage(run: Run): Promise<ConsumerStage> {
  return stage(run, 'consumer', async () => {
    const naming = contractNaming(run.config.naming);
    const recorded = await recordContract(naming, run.endpoints);
    addRequestsSent(recorded.requests);
    const t0 = performance.now();
    const leaks = recorded.text === undefined ? [] : contractLeaks(JSON.parse(recorded.text), recorded.text, interactionsFor(run.endpoints).cases);
    const saved = recorded.text !== undefined && leaks.length === 0 ? saveContract(naming, recorded.text, narrowedSet(run.config)) : undefined;
    run.findings.timing('contracts.consumer', recorded.ms + performance.now() - t0);
    return { ...recorded, leaks, ...(saved ? { saved } : {}) };
  });
}

export function probeStage(run: Run): Promise<ProbeRun> {
  return stage(run, 'probes', async () => {
    const probes = expandProbes(run.endpoints);
    const sent = await targetTurn(run, () => sendProbes(run, probes));
    // The checks (and their JSON Schema compiler) load now, while the verification uses the target.
    const { evaluateProbes } = loadLazily<typeof import('../probes/runner.ts')>('probeRunner');
    return evaluateProbes(run, sent, () => targetIdle(run));
  });
}

export function verificationStage(run: Run): Promise<ContractVerdict[]> {
  // Its turn at the target comes after the probes' sending when prefetched; it verifies the
  // contract the consumer stage recorded, in the helper thread where that loaded Pact.
  return stage(run, 'verification', () => targetTurn(run, async () => {
    await consumerStage(run).catch(() => undefined);
    // Pact's verifier prints as it goes: after the consumer spec's lines, as without prefetching.
    await reported.get(run)?.done;
    return verifyRunContract(run, contractNaming(run.config.naming));
  }));
}

/**
 * How long a spec may wait for its stage: a probe sends up to three requests (rotation), each
 * with its deadline and, under RATE_LIMIT, its turn; with the stages prefetched, a stage can
 * queue behind the others' use of the target.
 */
export function stageBudgetMs(run: Run): number {
  const perRequest = run.config.requestTimeoutMs + (run.config.rateLimit ? 1000 / run.config.rateLimit : 0);
  return (expandProbes(run.endpoints).length + interactionsFor(run.endpoints).cases.length) * perRequest * 3 + 30_000;
}

/** The consumer spec calls this when its tests have reported. */
export function consumerReported(run: Run): void {
  reported.get(run)?.resolve();
}

/** Starts every stage now, the probes first in the target's lane; each spec still reports its own. */
export function prefetchStages(run: Run): void {
  let resolve = () => {};
  const done = new Promise<void>((r) => (resolve = r));
  reported.set(run, { done, resolve });
  for (const begin of [consumerStage, probeStage, verificationStage]) begin(run).catch(() => undefined);
}
