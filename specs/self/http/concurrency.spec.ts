// The pacer: at most CONCURRENCY slots at once, handed on first come first served, and each
// slot knows the most requests that were in flight while it was out.

import { expect } from 'chai';
import { ConcurrencyLimit, type Slot } from '../../../src/http/concurrency.ts';

describe('pacer', () => {
  it('lets CONCURRENCY requests out at once and the next one as a slot frees, in order', async () => {
    const pacer = new ConcurrencyLimit(2);
    const order: number[] = [];
    const slots: Promise<Slot>[] = [0, 1, 2, 3].map((i) => pacer.acquire().then((slot) => (order.push(i), slot)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).to.deep.equal([0, 1]);
    (await slots[1]!).release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).to.deep.equal([0, 1, 2]);
    (await slots[0]!).release();
    await slots[3];
    expect(order).to.deep.equal([0, 1, 2, 3]);
  });

  it('counts the peak of requests in flight over each one\'s lifetime', async () => {
    const pacer = new ConcurrencyLimit(8);
    const first = await pacer.acquire();
    expect(first.peakInFlight()).to.equal(1);
    const second = await pacer.acquire();
    const third = await pacer.acquire();
    second.release();
    third.release();
    expect(first.peakInFlight()).to.equal(3);
    const fourth = await pacer.acquire();
    expect(fourth.peakInFlight()).to.equal(2);
  });

  it('no false positive: releasing a slot twice frees only one', async () => {
    const pacer = new ConcurrencyLimit(1);
    const slot = await pacer.acquire();
    let waiting = 0;
    void pacer.acquire().then(() => waiting++);
    void pacer.acquire().then(() => waiting++);
    slot.release();
    slot.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(waiting).to.equal(1);
  });
});
