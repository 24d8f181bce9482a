// Long synchronous work cut into slices: a slice ends once its work has taken a few
// milliseconds, and between slices the events that came meanwhile (a verifier's request to the
// capture proxy, say) are handled.

import { expect } from 'chai';
import { TimeSlices } from '../../../src/run/timeSlices.ts';

const busyFor = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('time slices', () => {
  it('ends a slice once its work has taken its time, and lets waiting events run before the next', async () => {
    const slices = new TimeSlices();
    expect(slices.due()).to.equal(false);
    busyFor(10);
    expect(slices.due()).to.equal(true);
    let handled = false;
    setImmediate(() => (handled = true));
    await slices.breathe();
    expect(handled).to.equal(true);
    expect(slices.due()).to.equal(false);
  });
});
