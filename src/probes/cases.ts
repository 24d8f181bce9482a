// The probe table of a run: every case of every endpoint (derived from its model and role,
// src/probes/derive/) and its expansion into one probe per case and Accept media type (the
// unit a mocha test and a findings row are named after).

import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import { packageEndpoints } from '../endpoints/packageEndpoints.ts';
import { MEDIA_TYPES, type MediaType, type ProbeCase } from './caseTypes.ts';
import { roleCases } from './derive/roleCases.ts';

export interface Probe {
  endpoint: TestedEndpoint;
  probeCase: ProbeCase;
  mediaType: MediaType;
  /** `<endpoint name> <case id> [<media type>]`, unique across the run. */
  key: string;
}

/** Per endpoint, per set of issuing endpoints beside it (a refreshing endpoint refreshes their tokens). */
const tables = new WeakMap<TestedEndpoint, Map<string, ProbeCase[]>>();

/** An endpoint's cases among `endpoints`, made once (the plan, the run and the reports share the objects). */
export function casesFor(endpoint: TestedEndpoint, endpoints: readonly TestedEndpoint[] = [endpoint]): readonly ProbeCase[] {
  const issuers = endpoints.filter((e) => e.role === 'issuing');
  const key = issuers.map((e) => e.id).join('\n');
  let byIssuers = tables.get(endpoint);
  if (!byIssuers) tables.set(endpoint, (byIssuers = new Map()));
  let cases = byIssuers.get(key);
  if (!cases) byIssuers.set(key, (cases = roleCases(endpoint, issuers)));
  return cases;
}

/** `<endpoint name>/<case id>`: a case's id across the run (ONLY, SKIP and the reports know it by). */
export function qualifiedCaseId(endpoint: Pick<TestedEndpoint, 'name'>, caseId: string): string {
  return `${endpoint.name}/${caseId}`;
}

export function endpointProbes(endpoint: TestedEndpoint, cases: readonly ProbeCase[] = casesFor(endpoint)): Probe[] {
  return cases.flatMap((probeCase) => (probeCase.accepts ?? MEDIA_TYPES).map((mediaType) => ({ endpoint, probeCase, mediaType, key: `${endpoint.name} ${probeCase.id} [${mediaType}]` })));
}

/** Every probe of the run's endpoints (default: the package's three). */
export function expandProbes(endpoints: readonly TestedEndpoint[] = packageEndpoints()): Probe[] {
  return endpoints.flatMap((endpoint) => endpointProbes(endpoint, casesFor(endpoint, endpoints)));
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
  const expectation = c.role === 'hostile' ? 'no 500, no hang' : c.expect.oneOf ? `one of ${c.expect.oneOf.join(', ')}` : `${c.expect.status}`;
  return `${probe.probeCase.id} [${probe.mediaType}] ${c.description} -> ${expectation}`;
}
