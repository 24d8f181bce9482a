// `npm run bench`: builds the command, runs the whole conformance run against the embedded
// provider several times as a user starts it (the installed command, compiled), and checks the
// budget: a median of at most 1.2 s of wall time on a 2-core machine, and XSD
// validation that does not cost one JVM start per document. Prints a table, writes
// reports/bench.json; exit 0 budget met, 1 budget missed, 2 could not benchmark.

import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchConformanceRun, BenchRunError, STAGES, type RunFigures, type StageId } from './conformanceRun.ts';
import { measureParallelThroughput, sharedCoresNote } from './cores.ts';
import { describeMachine } from './machine.ts';
import { spread, type Spread } from './stats.ts';
import { runTable, xsdTable, type BenchSummary } from './table.ts';
import { benchXsd, XSD_MAX_GROWTH } from './xsd.ts';

const BUDGET_MS = 1200;
const OUTPUT = 'reports/bench.json';

function count(options: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
  const text = options[name];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new RangeError(`--${name} must be an integer >= ${min}, not "${text}"`);
  return value;
}

async function bench(runs: number, warmupRuns: number): Promise<BenchSummary> {
  const machine = describeMachine();
  console.error('cores: the calibration job alone, then one on each core');
  const parallelBefore = await measureParallelThroughput(machine.cores);
  for (let i = 0; i < warmupRuns; i++) {
    console.error(`warm-up ${i + 1}/${warmupRuns}`);
    await benchConformanceRun();
  }
  const figures: RunFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await benchConformanceRun();
    console.error(`run ${i + 1}/${runs}: ${run.wallMs} ms`);
    figures.push(run);
  }
  const parallelAfter = await measureParallelThroughput(machine.cores);
  console.error('XSD validation: 1, 10, 100 documents');
  const xsd = await benchXsd();
  const of = (pick: (r: RunFigures) => number) => spread(figures.map(pick));
  const stages = Object.fromEntries(STAGES.map((s) => [s.id, of((r) => r.stages[s.id])])) as Record<StageId, Spread>;
  const wall = of((r) => r.wallMs);
  const cpuTimes = figures.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]));
  return {
    machine, runs: figures, warmupRuns, budgetMs: BUDGET_MS,
    parallel: { before: parallelBefore, after: parallelAfter }, wall, stages, requests: of((r) => r.requests), checks: of((r) => r.checks), requestsPerSecond: of((r) => r.requestsPerSecond),
    ...(cpuTimes.length === figures.length ? { cpu: spread(cpuTimes) } : {}),
    xsd,
    budgetMisses: [
      ...(wall.median > BUDGET_MS ? [`the median wall time ${wall.median} ms exceeds the ${BUDGET_MS} ms budget (load average ${machine.loadAverage[0]} at start${sharedCoresNote(parallelBefore, parallelAfter)})`] : []),
      ...(xsd.withinBudget ? [] : [`XSD validation of 100 documents costs ${xsd.growth}x one document (budget ${XSD_MAX_GROWTH}x): it grows with JVM starts`]),
    ],
  };
}

async function main(): Promise<number> {
  let runs: number;
  let warmupRuns: number;
  try {
    const { values } = parseArgs({ options: { runs: { type: 'string' }, warmup: { type: 'string' } } });
    runs = count(values, 'runs', 5, 1);
    warmupRuns = count(values, 'warmup', 1, 0);
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run bench -- [--runs N (5)] [--warmup N (1)]`);
    return 2;
  }
  let summary: BenchSummary;
  try {
    summary = await bench(runs, warmupRuns);
  } catch (error) {
    if (!(error instanceof BenchRunError)) throw error;
    console.error(`Could not benchmark: ${error.message}`);
    return 2;
  }
  console.log(['', ...runTable(summary), '', ...xsdTable(summary.xsd, XSD_MAX_GROWTH)].join('\n'));
  mkdirSync('reports', { recursive: true });
  writeFileSync(OUTPUT, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nWritten: ${OUTPUT}`);
  for (const miss of summary.budgetMisses) console.error(`Budget missed: ${miss}`);
  return summary.budgetMisses.length > 0 ? 1 : 0;
}

process.exitCode = await main();
