// The probe table is data derived from each endpoint's model; this lints it: unique names, every
// documented status in both body formats per token endpoint, enough hostile cases, a token
// placeholder exactly where a token is sent and credentials exactly where a login is made.

import { expect } from 'chai';
import { credentialPlaceholder, TOKEN_PLACEHOLDER } from '../../../src/probes/caseTypes.ts';
import { casesFor, endpointProbes, expandProbes } from '../../../src/probes/cases.ts';
import { packageEndpoint, packageEndpoints } from '../../../src/endpoints/packageEndpoints.ts';

const ALL = packageEndpoints();
const cases = (name: 'login' | 'corp-login' | 'refresh-token') => casesFor(packageEndpoint(name), ALL);

describe('probe table', () => {
  it('names every probe uniquely across the endpoints', () => {
    const keys = expandProbes(ALL).map((p) => p.key);
    expect(new Set(keys).size).to.equal(keys.length);
    expect(new Set(ALL.map((e) => e.name))).to.deep.equal(new Set(['login', 'corp-login', 'refresh-token']));
  });

  for (const [name, statuses] of [['refresh-token', [200, 400, 401, 500]], ['login', [200, 401, 500]], ['corp-login', [200, 401, 500]]] as const) {
    it(`covers ${statuses.join(', ')} of ${name} with JSON and XML bodies in all four media types`, () => {
      const endpoint = packageEndpoint(name);
      for (const status of statuses) {
        for (const format of ['json', 'xml']) {
          const probes = endpointProbes(endpoint, cases(name)).filter((p) => p.probeCase.role !== 'hostile' && p.probeCase.expect.status === status && !p.probeCase.expect.oneOf && p.probeCase.body.format === format);
          expect(new Set(probes.map((p) => p.mediaType)), `${status} ${format}`).to.have.property('size', 4);
        }
      }
    });
  }

  it('has a 415 case and at least 30 hostile requests for the refresh-token, and hostile values in every string member of a login', () => {
    expect(cases('refresh-token').some((c) => c.expect.status === 415)).to.equal(true);
    expect(cases('refresh-token').filter((c) => c.role === 'hostile').length).to.be.at.least(30);
    for (const member of ['company', 'username', 'password']) expect(cases('login').filter((c) => c.id.startsWith(`hostile.${member}.`)).length, member).to.be.at.least(8);
  });

  it('puts the token placeholder in a body exactly when the case sends a token', () => {
    for (const c of cases('refresh-token')) {
      expect(c.body.template.includes(TOKEN_PLACEHOLDER), c.id).to.equal(c.token !== undefined);
    }
  });

  it('puts credential placeholders in a login body exactly when the case logs in with the configured credentials', () => {
    for (const name of ['login', 'corp-login'] as const) {
      for (const c of cases(name)) {
        const logsIn = c.token?.kind === 'credentials' || c.token?.kind === 'store-down';
        expect(c.body.template.includes(credentialPlaceholder('password')), `${name} ${c.id}`).to.equal(logsIn);
      }
    }
  });

  it('refreshes a token fresh from every issuing endpoint of the run', () => {
    const family = cases('refresh-token').filter((c) => c.token?.kind === 'family').map((c) => c.id);
    expect(family).to.deep.equal(['ok.login-token.json-body', 'ok.login-token.xml-body', 'ok.corp-login-token.json-body', 'ok.corp-login-token.xml-body']);
  });
});
