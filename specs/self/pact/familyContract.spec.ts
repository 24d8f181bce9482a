// The recorded contract holds every endpoint of the set in one file per consumer/provider pair:
// the package's three (each path, each interaction, synthetic values only) and a generic page's
// own samples, recorded through Pact's mock server by the client and verified by the rules the
// page's schema gives (another value of the documented type passes, another type fails).

import { expect } from 'chai';
import { loadEndpointSet } from '../../../src/endpoints/endpointSet.ts';
import type { PactFile } from '../../../src/pact/contractFile.ts';
import { interactionsFor, type InteractionCase } from '../../../src/pact/interactions.ts';
import { contractLeaks } from '../../../src/pact/leaks.ts';
import { INTERACTIONS, HTTP, recordContract, startStub, verifyOne, writeTemp, type Stub } from './support.ts';

describe('one contract for every endpoint of the set', function () {
  let family: string;
  let generic: { text: string; cases: InteractionCase[] };
  let stub: Stub | undefined;

  before(async () => {
    family = await recordContract('backing-field');
    const { cases } = interactionsFor((await loadEndpointSet({ docs: 'docs/help-pages/cells/sfmoma.POST-api-Login.txt', endpoints: [] }, HTTP)).selected);
    generic = { text: await recordContract('backing-field', cases), cases };
  });
  afterEach(() => stub?.close());

  it('holds every interaction of login, corp login and refresh-token, each at its own path, in one file', () => {
    const pact = JSON.parse(family) as PactFile;
    expect(pact.interactions.map((i) => i.description).sort()).to.deep.equal(INTERACTIONS.map((c) => c.description).sort());
    const paths = new Set(pact.interactions.map((i) => `${i.request.method} ${i.request.path}`));
    expect([...paths].sort()).to.deep.equal(['POST /api/v1/auth/corp/login', 'POST /api/v1/auth/login', 'POST /api/v1/auth/refresh-token']);
    expect(pact.consumer.name).to.equal('consinco-auth-client');
    expect(pact.provider.name).to.equal('consinco-auth-api');
  });

  it('holds synthetic examples only, whichever endpoint an interaction belongs to', () => {
    expect(contractLeaks(JSON.parse(family) as PactFile, family, INTERACTIONS)).to.deep.equal([]);
    const planted = JSON.parse(family) as PactFile;
    const corp = planted.interactions.find((i) => i.description === 'a JSON corp-login with valid credentials')!;
    (corp.request.body!.content as Record<string, unknown>).password = 'corp-consinco';
    expect(contractLeaks(planted, JSON.stringify(planted), INTERACTIONS).map((l) => `${l.where}: ${l.reason}`)).to.deep.equal(['a JSON corp-login with valid credentials / request: not a synthetic example']);
  });

  it('records a generic page\'s samples, its token-shaped sample value allowed as the doc\'s own example', () => {
    const pact = JSON.parse(generic.text) as PactFile;
    expect(pact.interactions.map((i) => i.description).sort()).to.deep.equal(generic.cases.map((c) => c.description).sort());
    expect(contractLeaks(pact, generic.text, generic.cases)).to.deep.equal([]);
  });

  it('passes a generic provider that answers other values of the documented types, and fails one that answers a string for a boolean', async () => {
    const file = writeTemp(generic.text);
    const ok = generic.cases.find((c) => c.id === 'contract.login.json.sample')!.description;
    stub = await startStub('application/json; charset=utf-8', JSON.stringify({ Success: false, Data: { SessionKey: null, LoggedIn: false } }));
    const pass = await verifyOne(file, ok, stub.url);
    expect(pass.status, pass.message).to.equal('pass');
    await stub.close();
    stub = await startStub('application/json; charset=utf-8', JSON.stringify({ Success: 'yes', Data: { SessionKey: 'k', LoggedIn: true } }));
    const fail = await verifyOne(file, ok, stub.url);
    expect(fail.status).to.equal('fail');
    expect(fail.message).to.include('$.Success');
  });
});
