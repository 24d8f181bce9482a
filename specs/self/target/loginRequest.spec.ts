// The suite's own login request follows the login's Help Page: the documented JSON keys, and
// in XML the doc's ConsincoUserBindingModel (Company, Password, Username in the sample's order,
// the request namespace), which the reference provider's DataContract binder accepts.

import { expect } from 'chai';
import { loginRequest } from '../../../src/target/login.ts';
import { startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { parseXmlDocument } from '../../../src/xml/safeParse.ts';

const LOGIN = { company: '1', username: 'ADMIN', password: 'consinco', path: 'api/v1/auth/login' };

describe('the suite\'s login request', () => {
  let provider: ReferenceProvider;
  before(async () => {
    provider = await startReferenceProvider();
  });
  after(() => provider.stop());

  const send = (request: ReturnType<typeof loginRequest>) =>
    fetch(`${provider.url}/${request.path}`, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(5000) });

  it('sends the documented JSON keys', () => {
    expect(JSON.parse(loginRequest(LOGIN, 'application/json').body)).to.deep.equal({ company: '1', username: 'ADMIN', password: 'consinco' });
  });

  it('sends the doc\'s binding model in XML: root, namespace and element order', () => {
    const root = parseXmlDocument(loginRequest(LOGIN, 'application/xml').body);
    expect(root.localName).to.equal('ConsincoUserBindingModel');
    expect(root.namespace).to.equal('http://schemas.datacontract.org/2004/07/AuthenticationServer.Models');
    expect(root.children.map((c) => `${c.localName}=${c.text}`)).to.deep.equal(['Company=1', 'Password=consinco', 'Username=ADMIN']);
  });

  it('escapes markup in the values and shows a stand-in password in a preview', () => {
    const body = loginRequest({ ...LOGIN, password: 'a<b&c' }, 'application/xml').body;
    expect(body).to.contain('<Password>a&lt;b&amp;c</Password>');
    expect(loginRequest(LOGIN, 'application/xml', '***').body).to.contain('<Password>***</Password>');
  });

  for (const mediaType of ['application/json', 'application/xml'] as const) {
    it(`logs in at the reference provider with the ${mediaType} body`, async () => {
      const res = await send(loginRequest(LOGIN, mediaType));
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal(`${mediaType}; charset=utf-8`);
    });
  }
});
