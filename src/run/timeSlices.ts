// Long synchronous work on the main thread cut into slices, with the event loop let through in
// between: the main thread also serves the embedded provider and the capture proxy that Pact's
// verifier (in the helper thread) talks to, and a verifier request that arrives during the
// checks would otherwise wait for all of them.

/** Work of about this long runs before the event loop gets its turn. */
const SLICE_MS = 4;

export class TimeSlices {
  private started = performance.now();

  /** Whether the current slice is used up. */
  due(): boolean {
    return performance.now() - this.started >= SLICE_MS;
  }

  /** Lets every pending event be handled, then starts a new slice. */
  async breathe(): Promise<void> {
    await new Promise(setImmediate);
    this.started = performance.now();
  }
}
