// Request bodies bind the way the real formatters bind them. JSON (Json.NET): names matched
// case-insensitively, unknown keys ignored, the C# names not bound. XML (DataContract): root,
// namespace and element names exact, members read in contract order, and an element that
// comes after a later member was read is skipped without an error.

import { expect } from 'chai';
import { startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { REFRESH, XSI, post, dataContractXml, refreshXmlInOrder, type Wire } from './support.ts';

describe('reference provider: request binding', () => {
  let provider: ReferenceProvider;
  before(async () => {
    provider = await startReferenceProvider();
  });
  after(() => provider.stop());

  const sendJson = (body: string) => post(provider, REFRESH, body, { 'content-type': 'application/json', accept: 'application/json' });
  const sendXml = (body: string) => post(provider, REFRESH, body, { 'content-type': 'application/xml', accept: 'application/json' });
  const modelState = (wire: Wire) => (JSON.parse(wire.body) as { ModelState?: Record<string, string[]> }).ModelState ?? {};

  describe('JSON', () => {
    it('matches key names case-insensitively', async () => {
      const wire = await sendJson(JSON.stringify({ REFRESH_TOKEN: provider.issueRefreshToken(), Grant_Type: 'refresh_token' }));
      expect(wire.status).to.equal(200);
    });

    it('ignores unknown keys, __proto__ included, and pollutes nothing', async () => {
      const wire = await sendJson(`{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"extra":1,"refresh_token":"${provider.issueRefreshToken()}"}`);
      expect(wire.status).to.equal(200);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });

    it('defaults an absent or empty grant_type to refresh_token', async () => {
      expect((await sendJson(JSON.stringify({ refresh_token: provider.issueRefreshToken() }))).status).to.equal(200);
      expect((await sendJson(JSON.stringify({ refresh_token: provider.issueRefreshToken(), grant_type: '' }))).status).to.equal(200);
    });

    it('does not bind the C# member name (RefreshToken), only the JSON name', async () => {
      const wire = await sendJson(JSON.stringify({ RefreshToken: provider.issueRefreshToken() }));
      expect(wire.status).to.equal(400);
      expect(modelState(wire)).to.have.property('model.refresh_token');
    });

    it('refuses an unsupported grant_type with 400 and a ModelState entry', async () => {
      const wire = await sendJson(JSON.stringify({ refresh_token: provider.issueRefreshToken(), grant_type: 'password' }));
      expect(wire.status).to.equal(400);
      expect(modelState(wire)).to.have.property('model.grant_type');
    });

    for (const [name, body] of [
      ['a missing refresh_token', '{"grant_type":"refresh_token"}'],
      ['an empty refresh_token', '{"refresh_token":""}'],
      ['a null refresh_token', '{"refresh_token":null}'],
      ['a null body', 'null'],
      ['an empty body', ''],
      ['an array body', '[]'],
      ['an object refresh_token', '{"refresh_token":{"a":1}}'],
      ['malformed JSON', '{"refresh_token":'],
    ] as const) {
      it(`answers ${name} with 400 and a Web API ModelState body`, async () => {
        const wire = await sendJson(body);
        expect(wire.status).to.equal(400);
        expect(JSON.parse(wire.body)).to.have.property('Message', 'The request is invalid.');
        expect(Object.keys(modelState(wire))).to.have.length(1);
      });
    }
  });

  describe('XML', () => {
    it('binds the doc\'s element order', async () => {
      expect((await sendXml(refreshXmlInOrder(provider.issueRefreshToken()))).status).to.equal(200);
    });

    it('skips GrantType when it comes after Refreshtoken (an unsupported value goes unseen)', async () => {
      const wire = await sendXml(dataContractXml([['Refreshtoken', provider.issueRefreshToken()], ['GrantType', 'password']]));
      expect(wire.status).to.equal(200);
    });

    it('reads GrantType when it comes before Refreshtoken', async () => {
      const wire = await sendXml(dataContractXml([['GrantType', 'password'], ['Refreshtoken', provider.issueRefreshToken()]]));
      expect(wire.status).to.equal(400);
      expect(modelState(wire)).to.have.property('model.grant_type');
    });

    it('skips ControllerVersion after GrantType, so its bad value goes unseen, but reads it in order', async () => {
      const token = provider.issueRefreshToken();
      expect((await sendXml(dataContractXml([['GrantType', 'refresh_token'], ['ControllerVersion', 'x'], ['Refreshtoken', token]]))).status).to.equal(200);
      const inOrder = await sendXml(dataContractXml([['ControllerVersion', 'x'], ['Refreshtoken', provider.issueRefreshToken()]]));
      expect(inOrder.status).to.equal(400);
      expect(modelState(inOrder)).to.have.property('model.ControllerVersion');
    });

    it('skips a second Refreshtoken and unknown elements', async () => {
      const wire = await sendXml(dataContractXml([['Unknown', 'x'], ['Refreshtoken', provider.issueRefreshToken()], ['Refreshtoken', 'other']]));
      expect(wire.status).to.equal(200);
    });

    it('binds nothing from names in another case or namespace', async () => {
      const token = provider.issueRefreshToken();
      expect((await sendXml(dataContractXml([['refreshtoken', token]]))).status).to.equal(400);
      const foreign = dataContractXml([['x:Refreshtoken xmlns:x="urn:other"', token]]).replace('</x:Refreshtoken xmlns:x="urn:other">', '</x:Refreshtoken>');
      expect((await sendXml(foreign)).status).to.equal(400);
    });

    it('reads i:nil="true" as null, so a nil Refreshtoken is missing', async () => {
      const body = dataContractXml([]).replace('</', `<Refreshtoken i:nil="true"/></`);
      const wire = await sendXml(body);
      expect(wire.status).to.equal(400);
      expect(modelState(wire)).to.have.property('model.refresh_token');
    });

    it('decodes character references in text', async () => {
      const token = provider.issueRefreshToken();
      const wire = await sendXml(dataContractXml([['Refreshtoken', token.replace(/-/g, '&#x2D;')]]));
      expect(wire.status).to.equal(200);
    });

    for (const [name, body] of [
      ['a wrong root element', dataContractXml([['Refreshtoken', 'x']], 'RefreshTokenModel')],
      ['a wrong namespace', dataContractXml([['Refreshtoken', 'x']], undefined, 'http://tempuri.org/')],
      ['no namespace', `<ConsincoRefreshTokenBindingModel xmlns:i="${XSI}"><Refreshtoken>x</Refreshtoken></ConsincoRefreshTokenBindingModel>`],
      ['malformed XML', '<ConsincoRefreshTokenBindingModel><Refreshtoken>'],
      ['an empty body', ''],
    ] as const) {
      it(`answers ${name} with 400 and a Web API ModelState body`, async () => {
        const wire = await sendXml(body);
        expect(wire.status).to.equal(400);
        expect(JSON.parse(wire.body)).to.have.property('Message', 'The request is invalid.');
      });
    }
  });
});
