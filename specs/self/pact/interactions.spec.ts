// The contract's interactions are derived from each endpoint's model and role, never typed per
// endpoint: the refresh endpoint keeps its six shapes and ids; each issuing endpoint gets valid
// and unknown credentials, its password left out and a store outage, with request bodies from
// its own naming map (corp login's groupId an integer); a generic page gets its own samples
// and a 400 for its Required member, and a page or format without samples yields no interaction
// but a reason.

import { expect } from 'chai';
import { loadEndpointSet } from '../../../src/endpoints/endpointSet.ts';
import type { TestedEndpoint } from '../../../src/endpoints/testedEndpoint.ts';
import { STATES, interactionsFor } from '../../../src/pact/interactions.ts';
import { packageEndpoints } from '../../../src/endpoints/packageEndpoints.ts';
import { requestTemplate, responseTemplate } from '../../../src/pact/templates.ts';
import { INTERACTIONS, HTTP } from './support.ts';

const HELP = 'docs/help-pages/cells';
const endpointsOf = async (docs: string): Promise<TestedEndpoint[]> => (await loadEndpointSet({ docs, endpoints: [] }, HTTP)).selected;
const ids = (endpoint: string) => INTERACTIONS.filter((c) => c.endpoint.name === endpoint).map((c) => c.id);

describe('contract interactions derived from the endpoint set', function () {
  it('keeps the refresh endpoint\'s twelve interactions and their ids', () => {
    expect(ids('refresh-token')).to.deep.equal(['json', 'xml'].flatMap((f) => ['valid-token', 'no-token', 'unsupported-grant', 'unknown-token', 'expired-token', 'store-down'].map((k) => `contract.${f}.${k}`)));
    expect(INTERACTIONS.find((c) => c.id === 'contract.json.valid-token')!.description).to.equal('a JSON refresh with a valid refresh token');
  });

  for (const name of ['login', 'corp-login']) {
    it(`gives the issuing endpoint ${name} valid and unknown credentials, no password and a store outage, in JSON and XML`, () => {
      expect(ids(name)).to.deep.equal(['json', 'xml'].flatMap((f) => ['valid-credentials', 'unknown-credentials', 'no-password', 'store-down'].map((k) => `contract.${name}.${f}.${k}`)));
      const cases = INTERACTIONS.filter((c) => c.endpoint.name === name);
      expect(cases.map((c) => `${c.response.status} ${c.state}`).slice(0, 4)).to.deep.equal([
        `200 ${STATES.knownUser}`, `401 ${STATES.unknownUser}`, `400 ${STATES.storeAvailable}`, `500 ${STATES.knownUserStoreDown}`,
      ]);
      expect(requestTemplate(cases.find((c) => c.id.endsWith('json.no-password'))!).text).to.not.include('password');
    });
  }

  it('builds the corp login\'s request from its own naming map: groupId an integer, DataContract XML in the server\'s element order', () => {
    const json = requestTemplate(INTERACTIONS.find((c) => c.id === 'contract.corp-login.json.valid-credentials')!);
    expect(JSON.parse(json.text)).to.deep.equal({ groupId: 1, username: 'sample string 2', password: 'sample string 3' });
    expect(json.rules["$['groupId']"]).to.deep.equal({ combine: 'AND', matchers: [{ match: 'integer' }] });
    const xml = requestTemplate(INTERACTIONS.find((c) => c.id === 'contract.corp-login.xml.valid-credentials')!);
    expect(xml.text).to.match(/^<ConsincoUserCorpBindingModel [^>]*xmlns="http:\/\/schemas.datacontract.org\/2004\/07\/AuthenticationServer.Models"><GroupId>1<\/GroupId><Password>sample string 3<\/Password><Username>sample string 2<\/Username><\/ConsincoUserCorpBindingModel>$/);
  });

  it('expects each issuing endpoint\'s own token response (TokenCorpResponse for the corp login), in either naming', () => {
    const corp = INTERACTIONS.find((c) => c.id === 'contract.corp-login.xml.valid-credentials')!;
    expect(responseTemplate(corp, 'backing-field')!.text).to.match(/^<TokenCorpResponse /).and.include('_x003C_groupID_x003E_k__BackingField');
    expect(JSON.parse(responseTemplate({ ...corp, format: 'json' }, 'documented')!.text)).to.have.keys(packageEndpoints().find((e) => e.name === 'corp-login')!.wire!.naming.response.members.map((m) => m.documented));
  });

  it('gives a generic page its own samples (200) and its Required member left out (400), JSON and XML', async () => {
    const { cases, omitted } = interactionsFor(await endpointsOf(`${HELP}/sfmoma.POST-api-Login.txt`));
    expect(omitted).to.deep.equal([]);
    expect(cases.map((c) => `${c.id} ${c.response.status} ${c.state}`)).to.deep.equal([
      `contract.login.json.sample 200 ${STATES.sampleData}`, `contract.login.json.no-username 400 ${STATES.serviceUp}`,
      `contract.login.xml.sample 200 ${STATES.sampleData}`, `contract.login.xml.no-username 400 ${STATES.serviceUp}`,
    ]);
    expect(JSON.parse(requestTemplate(cases[1]!).text)).to.deep.equal({ Password: 'sample string 2' });
    expect(requestTemplate(cases[3]!).text).to.include('<Password>').and.not.include('UserName');
    // Response rules from the generated schema: a boolean, a string that may be null.
    const rules = responseTemplate(cases[0]!, 'backing-field')!.rules;
    expect(rules["$['Success']"]!.matchers).to.deep.include({ match: 'boolean' });
    expect(rules["$['Data']['SessionKey']"]).to.deep.equal({ combine: 'OR', matchers: [{ match: 'type' }, { match: 'null' }] });
    const xmlRules = Object.keys(responseTemplate(cases[2]!, 'backing-field')!.rules);
    expect(xmlRules.length).to.be.greaterThan(0);
    expect(xmlRules.every((k) => k.startsWith("$['http://schemas.datacontract.org/2004/07/SFMOMA.Data.Api:") && k.endsWith("['#text']"))).to.equal(true);
  });

  it('yields no interaction, but a reason, for a page without response samples; fills URI parameters with values of their type', async () => {
    const create = interactionsFor(await endpointsOf(`${HELP}/meshed.POST-api-Account-Create.txt`));
    expect(create.cases).to.deep.equal([]);
    expect(create.omitted.map((o) => o.reason)).to.deep.equal(['the page shows no JSON response sample', 'the page shows no XML response sample']);
    const color = interactionsFor(await endpointsOf(`${HELP}/bemicron-scaldis.GET-api-colorapi-color-id.txt`));
    expect(color.cases.map((c) => c.endpoint.path)).to.deep.equal(color.cases.map(() => 'api/colorapi/color/00000000-0000-0000-0000-000000000001'));
    expect(color.cases.length).to.be.above(0);
  });

  it('prefixes ids with the endpoint name once a set has two refreshing endpoints, so none clash', () => {
    const refresh = packageEndpoints().find((e) => e.role === 'refreshing')!;
    const twin = { ...refresh, id: 'POST api/v2/auth/refresh-token', name: 'v2-refresh-token', path: 'api/v2/auth/refresh-token' };
    const { cases } = interactionsFor([refresh, twin]);
    expect(cases.map((c) => c.id).filter((id) => id.endsWith('.json.valid-token'))).to.deep.equal(['contract.refresh-token.json.valid-token', 'contract.v2-refresh-token.json.valid-token']);
    expect(new Set(cases.map((c) => c.id)).size).to.equal(cases.length);
  });
});
