// How the run's requests take turns: at most CONCURRENCY of them in flight at once, whoever
// sends them (probes, logins, contract verification), and how many were in flight while each
// one was out, so a slow answer can be read against the load the run itself put on the target.
// The rate limit (RATE_LIMIT) is its neighbour, src/http/pacer.ts: it spaces the starts of the
// requests this lets leave.

export interface Slot {
  /** The most of the run's requests in flight at once while this one was out, itself included. */
  peakInFlight(): number;
  release(): void;
}

export class ConcurrencyLimit {
  private readonly active = new Set<{ peak: number }>();
  private readonly waiting: (() => void)[] = [];

  constructor(readonly concurrency: number) {}

  /** Resolves when the request may leave; first come, first served. */
  acquire(): Promise<Slot> {
    if (this.active.size < this.concurrency) return Promise.resolve(this.open());
    return new Promise((resolve) => this.waiting.push(() => resolve(this.open())));
  }

  private open(): Slot {
    const entry = { peak: 0 };
    this.active.add(entry);
    for (const e of this.active) e.peak = Math.max(e.peak, this.active.size);
    return {
      peakInFlight: () => entry.peak,
      release: () => {
        // The next waiter takes the slot at once, so no later caller can overtake it.
        if (this.active.delete(entry)) this.waiting.shift()?.();
      },
    };
  }
}
