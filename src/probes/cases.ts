// The probe table: every case the conformance run sends, and its expansion into one probe per
// case and Accept media type (the unit a mocha test and a findings row are named after).

import { DOCUMENTED_CASES } from './documentedCases.ts';
import { HOSTILE_CASES } from './hostileCases.ts';
import { MEDIA_TYPES, type MediaType, type ProbeCase } from './caseTypes.ts';

export const PROBE_CASES: readonly ProbeCase[] = [...DOCUMENTED_CASES, ...HOSTILE_CASES];

export interface Probe {
  probeCase: ProbeCase;
  mediaType: MediaType;
  /** `<case id> [<media type>]`, unique across the table. */
  key: string;
}

export function expandProbes(cases: readonly ProbeCase[] = PROBE_CASES): Probe[] {
  return cases.flatMap((probeCase) => (probeCase.accepts ?? MEDIA_TYPES).map((mediaType) => ({ probeCase, mediaType, key: `${probeCase.id} [${mediaType}]` })));
}

/**
 * How a probe is scheduled: the token chain in one sequential lane, the provoked 500s last (while
 * the embedded provider's store is off), every other probe in parallel.
 */
export type ProbeLane = 'chain' | 'parallel' | 'store-down';

export function laneOf(probe: Probe): ProbeLane {
  const kind = probe.probeCase.token?.kind;
  return kind === 'chain' || kind === 'store-down' ? kind : 'parallel';
}

/** The test title: what is sent, in which media type, and what the doc expects. */
export function probeTitle(probe: Probe): string {
  const c = probe.probeCase;
  const expectation = c.role === 'hostile' ? 'no 500, no hang' : `${c.expect.status}`;
  return `${probe.key} ${c.description} -> ${expectation}`;
}
