// Sends every probe to the target: the token chain in one sequential lane, independent probes
// in parallel, the provoked 500s last while the store is off. The only part of the probe stage
// that uses the target; what it records is judged afterwards (runner.ts), with no request.

import type { Run } from '../run/context.ts';
import type { Probe } from './cases.ts';
import { execute, storeDown, type Executed } from './execute.ts';

const PARALLEL = 8;

async function pool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

export async function sendProbes(run: Run, probes: readonly Probe[]): Promise<Map<Probe, Executed>> {
  const kind = (p: Probe) => p.probeCase.token?.kind;
  const chain = probes.filter((p) => kind(p) === 'chain');
  const down = probes.filter((p) => kind(p) === 'store-down');
  const free = probes.filter((p) => !chain.includes(p) && !down.includes(p));
  const done = new Map<Probe, Executed>();
  const t0 = performance.now();
  await Promise.all([
    (async () => {
      for (const p of chain) done.set(p, await execute(run, p));
    })(),
    pool(free, PARALLEL, async (p) => done.set(p, await execute(run, p))),
  ]);
  (await storeDown(run, down)).forEach((executed, i) => done.set(down[i]!, executed));
  run.findings.timing('probes.send', performance.now() - t0);
  return done;
}

