// How every schema problem reads to a user: where (the member and its path, the path alone, or
// the document as a whole), then Received / Expected.

import { expect } from 'chai';
import { formatProblem } from '../../../src/validation/problem.ts';

describe('schema problem wording', () => {
  it('names the member and where it stands', () => {
    expect(formatProblem({ field: 'id', path: '/id', received: '"seven"', expected: 'a value of type integer' }))
      .to.equal('id (/id): Received: "seven" / Expected: a value of type integer');
  });

  it('gives the path alone when no member is known', () => {
    expect(formatProblem({ path: '5:53', received: "'x'", expected: 'a document valid against the XSD' }))
      .to.equal("5:53: Received: 'x' / Expected: a document valid against the XSD");
  });

  it('speaks of the document when the problem has no place in it', () => {
    expect(formatProblem({ path: '', received: 'malformed JSON', expected: 'a well-formed JSON document' }))
      .to.equal('(document): Received: malformed JSON / Expected: a well-formed JSON document');
  });
});
