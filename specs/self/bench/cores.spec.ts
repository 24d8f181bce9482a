// The benchmark says how many cores' work the machine really did at once, so that a budget
// missed on two virtual cores sharing one physical core is read against that machine.

import { expect } from 'chai';
import { coresAreShared, effectiveCores, measureParallelThroughput, sharedCoresNote } from '../../../bench/cores.ts';

describe('the benchmark\'s parallel throughput of the cores', () => {
  it('counts two cores as two when a job on each takes as long as one alone', () => {
    expect(effectiveCores(2, 150, 150)).to.equal(2);
    expect(effectiveCores(2, 150, 160)).to.equal(1.88);
  });

  it('counts two cores as one when two jobs at once take twice as long', () => {
    expect(effectiveCores(2, 380, 760)).to.equal(1);
  });

  it('refuses a time that is not positive rather than dividing by it', () => {
    expect(() => effectiveCores(2, 150, 0)).to.throw(RangeError, /positive/);
    expect(() => effectiveCores(2, Number.NaN, 150)).to.throw(RangeError, /positive/);
  });

  it('calls the cores shared below three quarters of the reported count, and not above', () => {
    const of = (effective: number) => ({ cores: 2, aloneMs: 150, togetherMs: 150, effectiveCores: effective });
    expect(coresAreShared(of(1.23))).to.equal(true);
    expect(coresAreShared(of(1.49))).to.equal(true);
    expect(coresAreShared(of(1.5))).to.equal(false);
    expect(coresAreShared(of(1.96))).to.equal(false);
  });

  it('names the shared cores in a missed budget, saying when, and adds nothing where they were not', () => {
    const of = (effective: number) => ({ cores: 2, aloneMs: 150, togetherMs: 150, effectiveCores: effective });
    expect(sharedCoresNote(of(1.9), of(1.46))).to.equal("; the 2 cores did only 1.46 cores' work at once after them");
    expect(sharedCoresNote(of(1.1), of(1.2))).to.equal("; the 2 cores did only 1.1 cores' work at once before the runs and 1.2 cores' work at once after them");
    expect(sharedCoresNote(of(1.9), of(1.5))).to.equal('');
  });

  it('measures real jobs: one core against itself does about one core\'s work', async () => {
    const t = await measureParallelThroughput(1, 1);
    expect(t.cores).to.equal(1);
    expect(t.aloneMs).to.be.greaterThan(0);
    expect(t.togetherMs).to.be.greaterThan(0);
    expect(t.effectiveCores).to.be.within(0.4, 2.5);
  });
});
