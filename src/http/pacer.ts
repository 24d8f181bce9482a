// RATE_LIMIT: one pacer per run, shared by every request the run sends to the target (preflight,
// logins, probes, and contract verification through the capture proxy), so a production server
// never sees more than N requests start in any second, whatever CONCURRENCY is. Requests take
// turns, first come first served, and each starts at least 1/N s after the previous one really
// started: measured when the turn comes, so a busy event loop cannot release a burst of
// overdue timers at once.

export interface Pacer {
  readonly ratePerSecond: number;
  /** Resolves when the next request may start. */
  wait(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.ceil(ms)));

export function createPacer(ratePerSecond: number, now: () => number = () => performance.now()): Pacer {
  const intervalMs = 1000 / ratePerSecond;
  let lastStart = -Infinity;
  let queue: Promise<void> = Promise.resolve();
  return {
    ratePerSecond,
    wait() {
      const turn = queue.then(async () => {
        for (let left = lastStart + intervalMs - now(); left > 0; left = lastStart + intervalMs - now()) await sleep(left);
        lastStart = now();
      });
      queue = turn;
      return turn;
    },
  };
}
