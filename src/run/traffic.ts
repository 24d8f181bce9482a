// The run's traffic control, which every request of the run passes (probes, logins, contract
// verification): it waits for its turn (the concurrency limit, CONCURRENCY), and reports how it ended.
// A request without an answer may mean a dead target: it triggers one cheap documented request
// while new requests wait. If that goes unanswered too and no other answer came meanwhile, the
// target is gone: requests in flight are cut short, none is sent any more, and the run reports
// one finding (the stop) instead of one per probe it would otherwise have kept sending.

import type { RecordedRequest } from '../findings/types.ts';
import { STOPPED, type HttpOutcome, type Passage, type Traffic } from '../http/client.ts';
import type { ConcurrencyLimit } from '../http/concurrency.ts';

/** Why a request was not sent, or was cut short, once the target is gone. */
export const TARGET_STOPPED = 'not run: the target stopped answering';
/** How many requests the stop's evidence lists, up to the first unanswered one. */
const RECENT_SHOWN = 6;

export interface SentRequest {
  request: RecordedRequest;
  /** Milliseconds since the run's traffic began. */
  sentMs: number;
  /** `status 401`, `no answer (...)`, or `no answer yet`. */
  result: string;
}

export interface TargetStop {
  /** How many requests the run sent before the first one that got no answer. */
  answeredBefore: number;
  firstUnanswered: SentRequest;
  /** The last requests sent, up to and including the first unanswered one, oldest first. */
  recent: SentRequest[];
  /** What the liveness check (the cheap documented request) got. */
  check: string;
}

export class TrafficControl implements Traffic {
  private readonly origin = performance.now();
  private readonly controller = new AbortController();
  private readonly sent: SentRequest[] = [];
  private readonly casualties = new Set<RecordedRequest>();
  private streak: SentRequest[] = [];
  private checking: Promise<void> | undefined;
  private answeredDuringCheck = false;
  private stopped: TargetStop | undefined;

  /** `stillAnswers` sends the cheap documented request outside this control. */
  constructor(private readonly limit: ConcurrencyLimit, private readonly stillAnswers: () => Promise<HttpOutcome>) {}

  /** Set once the target is found gone. */
  get stop(): TargetStop | undefined {
    return this.stopped;
  }

  /** True for a request that was not sent, or got no answer, because the target stopped answering. */
  lostToStop(request: RecordedRequest): boolean {
    return this.casualties.has(request);
  }

  async enter(request: RecordedRequest): Promise<Passage | { refused: string }> {
    const slot = await this.limit.acquire();
    while (this.checking) await this.checking;
    if (this.stopped) {
      slot.release();
      this.casualties.add(request);
      return { refused: TARGET_STOPPED };
    }
    const entry: SentRequest = { request, sentMs: Math.round(performance.now() - this.origin), result: 'no answer yet' };
    this.sent.push(entry);
    return {
      signal: this.controller.signal,
      peakInFlight: () => slot.peakInFlight(),
      leave: (outcome) => {
        slot.release();
        this.settled(entry, outcome);
      },
    };
  }

  private settled(entry: SentRequest, outcome: HttpOutcome): void {
    entry.result = outcome.response ? `status ${outcome.response.status}` : `no answer (${outcome.transportError ?? 'unknown'})`;
    if (outcome.errorCode === STOPPED) {
      this.casualties.add(entry.request);
      return;
    }
    if (outcome.response) {
      this.streak = [];
      this.answeredDuringCheck = true;
      return;
    }
    this.streak.push(entry);
    if (!this.checking && !this.stopped) this.checking = this.check().finally(() => (this.checking = undefined));
  }

  private async check(): Promise<void> {
    this.answeredDuringCheck = false;
    const outcome = await this.stillAnswers();
    if (outcome.response || this.answeredDuringCheck || this.streak.length === 0) {
      this.streak = [];
      return;
    }
    const first = this.streak[0]!;
    const upTo = this.sent.indexOf(first);
    this.stopped = {
      answeredBefore: upTo,
      firstUnanswered: first,
      recent: this.sent.slice(Math.max(0, upTo + 1 - RECENT_SHOWN), upTo + 1),
      check: `no answer (${outcome.transportError ?? 'unknown'})`,
    };
    for (const e of this.streak) this.casualties.add(e.request);
    this.controller.abort(TARGET_STOPPED);
  }
}
