// RATE_LIMIT: one pacer per run, shared by every request the run sends to the target (preflight,
// logins, probes, and contract verification through the capture proxy), so a production server
// never sees more than N requests start in any second, whatever CONCURRENCY is. Request starts
// are spaced 1/N s apart, first come first served; a burst waits its turn rather than failing.

export interface Pacer {
  readonly ratePerSecond: number;
  /** Resolves when the next request may start. */
  wait(): Promise<void>;
}

export function createPacer(ratePerSecond: number, now: () => number = () => performance.now()): Pacer {
  const intervalMs = 1000 / ratePerSecond;
  let nextSlot = -Infinity;
  return {
    ratePerSecond,
    wait() {
      const slot = Math.max(now(), nextSlot);
      nextSlot = slot + intervalMs;
      const delay = slot - now();
      return delay <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, Math.ceil(delay)));
    },
  };
}
