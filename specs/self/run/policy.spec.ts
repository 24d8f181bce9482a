// The gate's policy, one rule for findings and contracts: MUST failures always block; SHOULD
// and MAY failures and skips block only in the strict profile; a skipped contract interaction
// is as strict as a skipped probe.

import { expect } from 'chai';
import type { Finding, FindingsReport } from '../../../src/findings/types.ts';
import { gateVerdict } from '../../../src/reports/gate.ts';
import { isAdvisory, isBlocking, isBlockingContract } from '../../../src/run/policy.ts';

const finding = (status: Finding['status'], level: Finding['level']) => ({ status, level });

describe('gate policy', () => {
  it('blocks a MUST failure in both profiles, a SHOULD failure only when strict', () => {
    expect(isBlocking(finding('fail', 'MUST'), 'default')).to.equal(true);
    expect(isBlocking(finding('fail', 'SHOULD'), 'default')).to.equal(false);
    expect(isAdvisory(finding('fail', 'SHOULD'), 'default')).to.equal(true);
    expect(isBlocking(finding('fail', 'SHOULD'), 'strict')).to.equal(true);
  });

  it('blocks a skip only when strict, and never a pass or an info', () => {
    expect(isBlocking(finding('skip', 'MUST'), 'default')).to.equal(false);
    expect(isBlocking(finding('skip', 'MUST'), 'strict')).to.equal(true);
    expect(isBlocking(finding('pass', 'MUST'), 'strict')).to.equal(false);
    expect(isBlocking(finding('info', 'MAY'), 'strict')).to.equal(false);
  });

  it('treats contract interactions like MUST findings, skips failing when strict', () => {
    expect(isBlockingContract('fail', 'default')).to.equal(true);
    expect(isBlockingContract('skip', 'default')).to.equal(false);
    expect(isBlockingContract('skip', 'strict')).to.equal(true);
    expect(isBlockingContract('pass', 'strict')).to.equal(false);
  });

  it('does not call a run with a skipped contract interaction conforming in the strict profile', () => {
    const report = (profile: FindingsReport['profile']) => ({
      profile,
      results: [{ check: 'status.documented', caseId: 'ok', mediaType: 'application/json', status: 'pass', level: 'MUST', title: 't', message: '' }],
      contracts: [{ interaction: 'a refresh while the store is down', status: 'skip', message: 'cannot be arranged on a live server' }],
      excluded: [],
    }) as unknown as FindingsReport;
    const runner = { passes: 1, failures: 0, pending: 1, tests: [] } as never;
    expect(gateVerdict(report('default'), runner).conforming).to.equal(true);
    expect(gateVerdict(report('strict'), runner)).to.include({ conforming: false, contractFailures: 1 });
  });
});
