// What a run can be aimed at: the work it sends (probe cases and contract interactions, each
// with an id and its groups) and the checks that judge it. Groups come from the data: a probe
// case's role, `contracts` for the contract's interactions; an endpoint group joins the list
// when the run covers more than one endpoint.

import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import type { Level } from '../findings/types.ts';
import type { CaseRole, ProbeCase } from '../probes/caseTypes.ts';
import type { InteractionCase } from '../pact/interactions.ts';

export const GROUPS = ['documented', 'lifecycle', 'hostile', 'contracts'] as const;
export type Group = (typeof GROUPS)[number];

/** The documented status codes (the provoked 500 included), the token's life (expiry, rotation), hostile input. */
const ROLE_GROUP: Record<CaseRole, Group> = {
  documented: 'documented',
  'server-error': 'documented',
  expired: 'lifecycle',
  rotation: 'lifecycle',
  hostile: 'hostile',
};

export type WorkKind = 'case' | 'contract' | 'check';

export interface WorkItem {
  kind: WorkKind;
  /** Cases: `<endpoint name>/<case id>`, unique across the run. */
  id: string;
  /** Cases: the id within the endpoint, which a pattern may name alone (`hostile.*` over every endpoint). */
  localId?: string;
  groups: readonly string[];
  /** Checks only. */
  level?: Level;
}

export function caseItem(endpoint: Pick<TestedEndpoint, 'name'>, c: ProbeCase): WorkItem {
  return { kind: 'case', id: `${endpoint.name}/${c.id}`, localId: c.id, groups: [ROLE_GROUP[c.role], `endpoint:${endpoint.name}`] };
}

export function contractItem(i: InteractionCase): WorkItem {
  return { kind: 'contract', id: i.id, groups: ['contracts'] };
}

export function checkItem(check: { id: string; level: Level }): WorkItem {
  return { kind: 'check', id: check.id, groups: [], level: check.level };
}
