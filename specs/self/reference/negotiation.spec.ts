// Content negotiation follows Web API's defaults: Accept with q-values, JSON first on ties and
// for unknown or wildcard Accept (never 406), the request's Content-Type when Accept says
// nothing usable, the chosen type echoed with a charset, and errors negotiated the same way.

import { expect } from 'chai';
import { startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { REFRESH, post, rawPost, refreshJson, refreshXmlInOrder } from './support.ts';

describe('reference provider: content negotiation', () => {
  let provider: ReferenceProvider;
  before(async () => {
    provider = await startReferenceProvider();
  });
  after(() => provider.stop());

  const byAccept: [accept: string, contentType: string][] = [
    ['application/json', 'application/json'],
    ['text/json', 'text/json'],
    ['application/xml', 'application/xml'],
    ['text/xml', 'text/xml'],
    ['application/xml;q=0.9, application/json;q=0.5', 'application/xml'],
    ['application/json;q=0.1, text/xml', 'text/xml'],
    ['*/*', 'application/json'],
    ['text/*', 'text/json'],
    ['application/*;q=0.5, text/xml;q=0.4', 'application/json'],
    ['*/*, application/json;q=0', 'text/json'],
    ['text/html', 'application/json'],
    ['not a media type', 'application/json'],
  ];
  for (const [accept, contentType] of byAccept) {
    it(`answers Accept "${accept}" with ${contentType}; charset=utf-8`, async () => {
      const wire = await post(provider, REFRESH, refreshJson(provider.issueRefreshToken()), { 'content-type': 'application/json', accept });
      expect(wire.status).to.equal(200);
      expect(wire.contentType).to.equal(`${contentType}; charset=utf-8`);
      expect(wire.body.startsWith(contentType.endsWith('xml') ? '<' : '{')).to.equal(true);
    });
  }

  it('answers in the request body\'s media type when there is no Accept', async () => {
    const wire = await rawPost(provider, REFRESH, refreshXmlInOrder(provider.issueRefreshToken()), { 'content-type': 'text/xml; charset=utf-8' });
    expect(wire.status).to.equal(200);
    expect(wire.contentType).to.equal('text/xml; charset=utf-8');
  });

  it('falls back to the request body\'s media type when Accept matches no formatter', async () => {
    const wire = await post(provider, REFRESH, refreshXmlInOrder(provider.issueRefreshToken()), { 'content-type': 'application/xml', accept: 'text/html' });
    expect(wire.contentType).to.equal('application/xml; charset=utf-8');
  });

  it('answers JSON when neither Accept nor Content-Type is given', async () => {
    const wire = await rawPost(provider, REFRESH, '', {});
    expect(wire.status).to.equal(400);
    expect(wire.contentType).to.equal('application/json; charset=utf-8');
  });

  for (const accept of ['application/json', 'text/json', 'application/xml', 'text/xml']) {
    it(`negotiates error bodies too: 401 as ${accept}`, async () => {
      const wire = await post(provider, REFRESH, refreshJson('unknown-token'), { 'content-type': 'application/json', accept });
      expect(wire.status).to.equal(401);
      expect(wire.contentType).to.equal(`${accept}; charset=utf-8`);
      if (accept.endsWith('xml')) expect(wire.body).to.equal('<Error><Message>The refresh token is invalid or has expired.</Message></Error>');
      else expect(JSON.parse(wire.body)).to.deep.equal({ Message: 'The refresh token is invalid or has expired.' });
    });
  }
});
