// The suite's own login request follows the issuing endpoint's Help Page: the documented JSON
// keys, and in XML the doc's binding model (ConsincoUserBindingModel: Company, Password, Username
// in the sample's order, the request namespace; the corp login's GroupId as a number), which the
// reference provider's DataContract binder accepts.

import { expect } from 'chai';
import { loginRequest } from '../../../src/target/login.ts';
import { packageEndpoint } from '../../../src/endpoints/packageEndpoints.ts';
import { startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { parseXmlDocument } from '../../../src/xml/safeParse.ts';

const LOGIN = { company: '1', username: 'ADMIN', password: 'consinco' };
const CORP = { groupId: '1', username: 'gestor@grupo-exemplo.com.br', password: 'corp-consinco' };
const login = (credentials: Record<string, string>, mediaType: 'application/json' | 'application/xml') => loginRequest(packageEndpoint('login'), credentials, mediaType);

describe('the suite\'s login request', () => {
  let provider: ReferenceProvider;
  before(async () => {
    provider = await startReferenceProvider();
  });
  after(() => provider.stop());

  const send = (request: ReturnType<typeof loginRequest>) =>
    fetch(`${provider.url}/${request.path}`, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(5000) });

  it('sends the documented JSON keys', () => {
    expect(JSON.parse(login(LOGIN, 'application/json').body)).to.deep.equal({ company: '1', username: 'ADMIN', password: 'consinco' });
  });

  it('sends the corp login\'s groupId as the JSON number its page types it, and its own binding model in XML', () => {
    expect(JSON.parse(loginRequest(packageEndpoint('corp-login'), CORP, 'application/json').body)).to.deep.equal({ groupId: 1, username: CORP.username, password: CORP.password });
    const root = parseXmlDocument(loginRequest(packageEndpoint('corp-login'), CORP, 'application/xml').body);
    expect(root.localName).to.equal('ConsincoUserCorpBindingModel');
    expect(root.children.map((c) => c.localName)).to.deep.equal(['GroupId', 'Password', 'Username']);
  });

  it('sends the doc\'s binding model in XML: root, namespace and element order', () => {
    const root = parseXmlDocument(login(LOGIN, 'application/xml').body);
    expect(root.localName).to.equal('ConsincoUserBindingModel');
    expect(root.namespace).to.equal('http://schemas.datacontract.org/2004/07/AuthenticationServer.Models');
    expect(root.children.map((c) => `${c.localName}=${c.text}`)).to.deep.equal(['Company=1', 'Password=consinco', 'Username=ADMIN']);
  });

  it('escapes markup in the values and shows a stand-in password in a preview', () => {
    const body = login({ ...LOGIN, password: 'a<b&c' }, 'application/xml').body;
    expect(body).to.contain('<Password>a&lt;b&amp;c</Password>');
    expect(login({ ...LOGIN, password: '***' }, 'application/xml').body).to.contain('<Password>***</Password>');
  });

  for (const mediaType of ['application/json', 'application/xml'] as const) {
    it(`logs in at the reference provider with the ${mediaType} body`, async () => {
      const res = await send(login(LOGIN, mediaType));
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal(`${mediaType}; charset=utf-8`);
    });

    it(`logs in at the reference provider's corp login with the ${mediaType} body`, async () => {
      const res = await send(loginRequest(packageEndpoint('corp-login'), CORP, mediaType));
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal(`${mediaType}; charset=utf-8`);
    });
  }
});
