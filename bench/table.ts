// The benchmark's figures as plain-text tables for the terminal (and for pasting into the README).

import { STAGES, type RunFigures, type StageId } from './conformanceRun.ts';
import type { ParallelThroughput } from './cores.ts';
import type { Machine } from './machine.ts';
import type { Spread } from './stats.ts';
import { XSD_REPEATS, type XsdBench } from './xsd.ts';

export interface BenchSummary {
  machine: Machine;
  /** The cores' parallel throughput, measured before and after the runs (it drifts). */
  parallel: { before: ParallelThroughput; after: ParallelThroughput };
  runs: RunFigures[];
  warmupRuns: number;
  budgetMs: number;
  wall: Spread;
  stages: Record<StageId, Spread>;
  requests: Spread;
  checks: Spread;
  requestsPerSecond: Spread;
  /** Absent where the system does not report children's CPU time. */
  cpu?: Spread;
  xsd: XsdBench;
  /** Why the budget was missed; empty when it was met. */
  budgetMisses: string[];
}

/** First column left-aligned, the others right-aligned, two spaces between columns. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
}

const ms = (value: number) => String(Math.round(value));
const row = (label: string, s: Spread, format = ms) => [label, format(s.median), format(s.min), format(s.max)];

export function machineLine(m: Machine): string {
  return `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, Node ${m.node} (${m.platform}), load average ${m.loadAverage[0]} at start, ${m.date}`;
}

export function parallelLine(p: BenchSummary['parallel']): string {
  const one = (t: ParallelThroughput) => `${t.effectiveCores} (the calibration job ${t.aloneMs} ms alone, ${t.togetherMs} ms with one on each core)`;
  return `Cores' work done at once, of ${p.before.cores}: ${one(p.before)} before the runs, ${one(p.after)} after.`;
}

export function runTable(b: BenchSummary): string[] {
  return [
    `Conformance run against the embedded provider: ${b.runs.length} runs after ${b.warmupRuns} warm-up`,
    machineLine(b.machine),
    parallelLine(b.parallel),
    '',
    ...columns([
      ['', 'median', 'min', 'max'],
      row('wall time, spawn to exit (ms)', b.wall),
      ...STAGES.map((s) => row(`  ${s.label}`, b.stages[s.id])),
      row('HTTP requests', b.requests),
      row('checks evaluated', b.checks),
      row('requests per second (of wall time)', b.requestsPerSecond),
      ...(b.cpu ? [row('CPU time, all the run\'s processes (ms)', b.cpu)] : []),
    ]),
    'Stages overlap: their durations add up to more than the wall time.',
    ...(b.cpu ? [`CPU floor: ${b.machine.cores} cores cannot finish ${ms(b.cpu.median)} ms of CPU time in less than ${ms(b.cpu.median / b.machine.cores)} ms of wall time.`] : ['CPU time: not reported on this system (no /proc/self/stat).']),
    `Spread of wall time: range ${ms(b.wall.range)} ms, interquartile range ${ms(b.wall.iqr)} ms`,
    `Budget: median ${ms(b.wall.median)} ms against ${b.budgetMs} ms: ${b.wall.median <= b.budgetMs ? 'met' : 'MISSED'}`,
  ];
}

export function xsdTable(x: XsdBench, maxGrowth: number): string[] {
  const one = x.sizes[0]!.msPerCall;
  return [
    `XSD validation: one validateXmlBodies call of N documents (median of ${XSD_REPEATS})`,
    '',
    ...columns([
      ['documents', 'ms per call', 'ms per document', 'one JVM per document would take (ms)'],
      ...x.sizes.map((s) => [String(s.documents), ms(s.msPerCall), s.msPerDocument.toFixed(1), ms(one * s.documents)]),
    ]),
    `Growth from 1 to ${x.sizes.at(-1)!.documents} documents: ${x.growth}x (budget ${maxGrowth}x): ${x.withinBudget ? 'met' : 'MISSED'}`,
  ];
}
