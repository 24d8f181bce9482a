// The benchmark's summary statistics: the median and spread it quotes against the budget.

import { expect } from 'chai';
import { spread } from '../../../bench/stats.ts';

describe('benchmark statistics', () => {
  it('gives the median, range and interquartile range of an odd number of runs, in any order', () => {
    expect(spread([5, 1, 4, 2, 3])).to.deep.equal({ median: 3, min: 1, max: 5, range: 4, iqr: 2 });
  });

  it('interpolates the median and quartiles of an even number of runs', () => {
    expect(spread([10, 20, 30, 40])).to.deep.equal({ median: 25, min: 10, max: 40, range: 30, iqr: 15 });
  });

  it('has no spread for a single run, and refuses none', () => {
    expect(spread([7])).to.deep.equal({ median: 7, min: 7, max: 7, range: 0, iqr: 0 });
    expect(() => spread([])).to.throw('no values');
  });
});
