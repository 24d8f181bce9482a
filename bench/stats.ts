// Order statistics for a handful of benchmark runs: the median says how fast, the range and
// the interquartile range say how much to trust it.

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** max - min */
  range: number;
  /** Third quartile minus first quartile (linear interpolation between ranks). */
  iqr: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const rank = (sorted.length - 1) * q;
  const below = sorted[Math.floor(rank)]!;
  const above = sorted[Math.ceil(rank)]!;
  return below + (above - below) * (rank - Math.floor(rank));
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('no values to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  return { median: quantile(sorted, 0.5), min, max, range: max - min, iqr: quantile(sorted, 0.75) - quantile(sorted, 0.25) };
}
