// Sends every probe the plan keeps to the target: the token chain in one sequential lane,
// independent probes in parallel as far as the run's traffic control (CONCURRENCY) lets them,
// the provoked 500s last while the store is off. The only part of the probe stage that uses the
// target; what it records is judged afterwards (runner.ts), with no request.

import { planProbes, type PlannedProbe } from '../plan/probePlan.ts';
import type { Run } from '../run/context.ts';
import { laneOf, type Probe } from './cases.ts';
import { execute, storeDown, type Executed } from './execute.ts';

export interface SentProbes {
  /** Every probe with what the plan decided: excluded, skipped with a reason, or sent. */
  plan: readonly PlannedProbe[];
  sent: Map<Probe, Executed>;
}

async function sendAll(run: Run, probes: readonly Probe[]): Promise<Map<Probe, Executed>> {
  const chain = probes.filter((p) => laneOf(p) === 'chain');
  const down = probes.filter((p) => laneOf(p) === 'store-down');
  const free = probes.filter((p) => laneOf(p) === 'parallel');
  const done = new Map<Probe, Executed>();
  const t0 = performance.now();
  await Promise.all([
    (async () => {
      for (const p of chain) done.set(p, await execute(run, p));
    })(),
    ...free.map(async (p) => done.set(p, await execute(run, p))),
  ]);
  (await storeDown(run, down)).forEach((executed, i) => done.set(down[i]!, executed));
  run.findings.timing('probes.send', performance.now() - t0);
  return done;
}

export async function sendProbes(run: Run, probes: readonly Probe[]): Promise<SentProbes> {
  const plan = planProbes({ config: run.config, embedded: run.target.embedded, selection: run.selection, chainIssuer: run.chainIssuer }, probes).probes;
  return { plan, sent: await sendAll(run, plan.filter((p) => !p.excludedBy && !p.skipReason).map((p) => p.probe)) };
}
