// The probe table is data; this lints it: unique names, every documented status in both body
// formats, enough hostile cases, and a token placeholder exactly where a token is sent.

import { expect } from 'chai';
import { TOKEN_PLACEHOLDER } from '../../../src/probes/caseTypes.ts';
import { expandProbes, PROBE_CASES } from '../../../src/probes/cases.ts';

describe('probe table', () => {
  it('names every probe uniquely', () => {
    const keys = expandProbes().map((p) => p.key);
    expect(new Set(keys).size).to.equal(keys.length);
  });

  it('covers every documented status with JSON and XML bodies in all four media types', () => {
    for (const status of [200, 400, 401, 500]) {
      for (const format of ['json', 'xml']) {
        const probes = expandProbes().filter((p) => p.probeCase.role !== 'hostile' && p.probeCase.expect.status === status && p.probeCase.body.format === format);
        expect(new Set(probes.map((p) => p.mediaType)), `${status} ${format}`).to.have.property('size', 4);
      }
    }
    expect(PROBE_CASES.some((c) => c.expect.status === 415)).to.equal(true);
  });

  it('has at least 30 hostile or malformed requests', () => {
    expect(PROBE_CASES.filter((c) => c.role === 'hostile').length).to.be.at.least(30);
  });

  it('puts the token placeholder in a body exactly when the case sends a token', () => {
    for (const c of PROBE_CASES) {
      expect(c.body.template.includes(TOKEN_PLACEHOLDER), c.id).to.equal(c.token !== undefined);
    }
  });
});
