// The shape of a check: an id (part of the tool's interface), the rule it enforces, a level,
// and a pure function from one recorded exchange to outcomes (empty when it does not apply).
// A check that judges the run as a whole (naming across formats) adds `acrossRun`.

import type { Level } from '../findings/types.ts';
import type { CheckContext, ProbeExchange, Role } from './exchange.ts';
import type { Outcome } from './outcome.ts';

export interface Check {
  id: string;
  title: string;
  rule: string;
  level: Level;
  /** The exchange roles the check judges (absent: every role); the evaluator asks it about no other, and `--list` names it from these. */
  roles?: readonly Role[];
  /** Token endpoints only (login, corp login, refresh-token): what a token response means and how it is cached. */
  tokenEndpointsOnly?: true;
  run(exchange: ProbeExchange, ctx: CheckContext): Outcome[];
  acrossRun?(exchanges: readonly ProbeExchange[], ctx: CheckContext): Outcome[];
}

/** How a missing response reads in a Received/Expected message. */
export function noResponse(exchange: ProbeExchange): string {
  return `no response (${exchange.transportError ?? 'unknown transport error'})`;
}
