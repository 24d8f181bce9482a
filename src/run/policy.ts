// Which findings fail the run. MUST findings always do; SHOULD and MAY ones are advisory in the
// default and production profiles and fail in the strict one, as do skipped probes and an
// excluded MUST check (a strict run must not pass because the check that would fail was left out).

import type { ExcludedWork, Finding } from '../findings/types.ts';
import type { Profile } from '../config/config.ts';

export function isBlocking(finding: Pick<Finding, 'status' | 'level'>, profile: Profile): boolean {
  if (finding.status === 'skip') return profile === 'strict';
  if (finding.status !== 'fail') return false;
  return finding.level === 'MUST' || profile === 'strict';
}

/** A contract interaction is a promise consumers rely on: it blocks like a MUST finding (a skip too, when strict). */
export function isBlockingContract(status: Finding['status'], profile: Profile): boolean {
  return isBlocking({ status, level: 'MUST' }, profile);
}

/** A failure that does not fail the run in this profile. */
export function isAdvisory(finding: Pick<Finding, 'status' | 'level'>, profile: Profile): boolean {
  return finding.status === 'fail' && !isBlocking(finding, profile);
}

/** An excluded MUST check blocks in the strict profile. */
export function isBlockingExclusion(excluded: ExcludedWork, profile: Profile): boolean {
  return profile === 'strict' && excluded.kind === 'check' && excluded.level === 'MUST';
}
