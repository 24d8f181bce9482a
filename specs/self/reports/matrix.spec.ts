// The matrix folds findings into one state per response code and media type; the gate rule
// decides which failures count, so a MAY failure never turns a cell red in the default profile.

import { expect } from 'chai';
import { buildMatrix, type CellState } from '../../../src/reports/matrix.ts';
import { FIXTURE_INPUT, FIXTURE_REPORT } from './fixture.ts';

function states(input = FIXTURE_INPUT): Record<string, CellState> {
  const matrix = buildMatrix(input);
  return Object.fromEntries(matrix.cells.flat().map((c) => [`${c.row} ${c.mediaType}`, c.state]));
}

describe('conformance matrix', () => {
  it('has the documented codes and groups as rows, the four media types as columns, and a row for unlisted cases', () => {
    const matrix = buildMatrix(FIXTURE_INPUT);
    expect(matrix.rows).to.deep.equal([200, 400, 401, 500, 'hostile input', 'other']);
    expect(matrix.mediaTypes).to.deep.equal(['application/json', 'text/json', 'application/xml', 'text/xml']);
  });

  it('folds each cell into pass, fail, skip or none', () => {
    expect(states()).to.include({
      '200 application/json': 'pass',
      '200 text/json': 'pass',
      '200 application/xml': 'fail',
      '200 text/xml': 'pass',
      '400 application/json': 'none',
      '401 application/json': 'fail',
      '401 text/xml': 'pass',
      '500 application/json': 'skip',
      'hostile input application/xml': 'pass',
      'other application/json': 'pass',
    });
  });

  it('counts SHOULD and MAY failures as advisory by default and as failures in the strict profile', () => {
    const cell = buildMatrix(FIXTURE_INPUT).cells[0]![3]!;
    expect(cell).to.include({ state: 'pass', advisories: 1 });
    expect(buildMatrix(FIXTURE_INPUT).cells[0]![0]!).to.include({ state: 'pass', advisories: 2 });
    expect(states({ ...FIXTURE_INPUT, report: { ...FIXTURE_REPORT, profile: 'strict' } })).to.include({ '200 text/xml': 'fail', '200 application/json': 'fail' });
  });

  it('keeps run-wide findings (media type *) out of the matrix', () => {
    const matrix = buildMatrix(FIXTURE_INPUT);
    expect(matrix.cells.flat().flatMap((c) => c.findings).some((f) => f.mediaType === '*')).to.equal(false);
  });

  it('gives every cell an anchor made of safe characters', () => {
    expect(buildMatrix(FIXTURE_INPUT).cells[0]![0]!.anchor).to.equal('cell--200--application-json');
  });
});
