// How fast the machine is and how many cores' worth of work it really does at once. A virtual
// machine may report two cores that share one physical core, or a host whose other tenants
// take its caches and memory: the same build then runs half as fast again (seen here from one
// day to the next), and two jobs at once take up to twice as long as one. The benchmark times
// one fixed job alone and one on each core, before and after its runs, so that figures are read
// against the machine they came from and a missed budget is not blamed on the run (nor
// excused: the budget stays the budget).

import { Worker } from 'node:worker_threads';
import { spread } from './stats.ts';

export interface ParallelThroughput {
  /** Cores the system reports. */
  cores: number;
  /** Wall time (ms) of the fixed job running alone (median of the repeats): the machine's speed. */
  aloneMs: number;
  /** Wall time (ms) of one such job on each core at once, until the last ends (median). */
  togetherMs: number;
  /** Cores' worth of work done at once: cores x alone / together (2.0 for two real cores). */
  effectiveCores: number;
}

/** Below this share of the reported cores the benchmark says the cores do not work in parallel. */
export const SHARED_CORES_BELOW = 0.75;

export function effectiveCores(cores: number, aloneMs: number, togetherMs: number): number {
  if (!(aloneMs > 0) || !(togetherMs > 0)) throw new RangeError(`job times must be positive, not ${aloneMs} and ${togetherMs} ms`);
  return Math.round(((cores * aloneMs) / togetherMs) * 100) / 100;
}

export function coresAreShared(t: ParallelThroughput): boolean {
  return t.effectiveCores < t.cores * SHARED_CORES_BELOW;
}

/** What a missed budget adds about the cores: where they did not work in parallel, and when; else nothing. */
export function sharedCoresNote(before: ParallelThroughput, after: ParallelThroughput): string {
  const shared = ([[before, 'before the runs'], [after, 'after them']] as const).filter(([t]) => coresAreShared(t));
  if (shared.length === 0) return '';
  return `; the ${before.cores} cores did only ${shared.map(([t, when]) => `${t.effectiveCores} cores' work at once ${when}`).join(' and ')}`;
}

// The job does what the run does most (objects, JSON, sorting, maps), not a tight loop: a loop
// stays in a core's own cache and does not see a machine whose cores fight over memory. Its
// time alone is recorded with the benchmark's figures, to compare one day's machine with
// another's. Each job waits on a shared flag so that all start together, after every thread
// has loaded.
const JOB = `
const { parentPort, workerData } = require('node:worker_threads');
const flag = new Int32Array(workerData.flag);
parentPort.postMessage('ready');
Atomics.wait(flag, 0, 0);
const start = process.hrtime.bigint();
let size = 0;
for (let round = 0; round < workerData.rounds; round++) {
  const rows = Array.from({ length: 25000 }, (_, i) => ({ key: 'k' + ((i * 7919) % 25000), value: i, tags: [i % 3, i % 5] }));
  const text = JSON.stringify(rows);
  const back = JSON.parse(text).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  size += new Map(back.map((row) => [row.key, row])).size + text.length;
}
parentPort.postMessage({ ms: Number(process.hrtime.bigint() - start) / 1e6, size });
`;

/** About 0.3 s on one core of the benchmark's machine: long enough to dwarf the start signal. */
const ROUNDS = 4;

async function jobsAtOnce(count: number): Promise<number> {
  const flag = new SharedArrayBuffer(4);
  const workers = Array.from({ length: count }, () => new Worker(JOB, { eval: true, workerData: { flag, rounds: ROUNDS } }));
  const ready = workers.map((w) => new Promise<void>((resolve, reject) => { w.once('message', () => resolve()); w.once('error', reject); }));
  await Promise.all(ready);
  const done = workers.map((w) => new Promise<number>((resolve, reject) => { w.once('message', (m: { ms: number }) => resolve(m.ms)); w.once('error', reject); }));
  const view = new Int32Array(flag);
  Atomics.store(view, 0, 1);
  Atomics.notify(view, 0);
  try {
    return Math.max(...(await Promise.all(done)));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export async function measureParallelThroughput(cores: number, repeats = 3): Promise<ParallelThroughput> {
  const alone: number[] = [];
  const together: number[] = [];
  for (let i = 0; i < repeats; i++) {
    alone.push(await jobsAtOnce(1));
    together.push(await jobsAtOnce(cores));
  }
  const aloneMs = Math.round(spread(alone).median);
  const togetherMs = Math.round(spread(together).median);
  return { cores, aloneMs, togetherMs, effectiveCores: effectiveCores(cores, aloneMs, togetherMs) };
}
