// What a probe's mocha test does with its findings: blocking failures fail it with every
// Received/Expected line; a skipped probe is pending in the default profile and a failure in
// the strict one.

import type { Finding } from '../findings/types.ts';
import type { Profile } from '../config/config.ts';
import { isBlocking } from '../run/policy.ts';

export type TestVerdict = { kind: 'pass' } | { kind: 'skip'; reason: string } | { kind: 'fail'; message: string };

export function testVerdict(findings: readonly Finding[], profile: Profile): TestVerdict {
  const blocking = findings.filter((f) => isBlocking(f, profile));
  if (blocking.length > 0) {
    return { kind: 'fail', message: blocking.map((f) => `${f.check} (${f.level}${f.status === 'skip' ? ', skipped in the strict profile' : ''}): ${f.title}${f.message ? `\n    ${f.message}` : ''}`).join('\n') };
  }
  const skipped = findings.find((f) => f.status === 'skip');
  return skipped ? { kind: 'skip', reason: skipped.title } : { kind: 'pass' };
}
