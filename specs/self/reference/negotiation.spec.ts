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

  describe('charset', () => {
    /** The raw bytes of an answer, to see the byte order mark and the encoding. */
    async function send(body: Buffer, headers: Record<string, string>): Promise<{ status: number; contentType: string; bytes: Buffer }> {
      const res = await fetch(`${provider.url}${REFRESH}`, { method: 'POST', body: new Uint8Array(body), headers, redirect: 'manual', signal: AbortSignal.timeout(5000) });
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
    }
    const utf16 = (bytes: Buffer) => bytes.subarray(2).toString('utf16le');
    const json = (token: string) => Buffer.from(refreshJson(token), 'utf8');

    const byAcceptCharset: [acceptCharset: string, charset: string][] = [
      ['utf-16', 'utf-16'],
      ['UTF-16', 'utf-16'],
      ['iso-8859-1', 'utf-8'],
      ['iso-8859-1, utf-16;q=0.8, utf-8;q=0.5', 'utf-16'],
      ['utf-16;q=0.4, utf-8;q=0.5', 'utf-8'],
      ['utf-16;q=0.5, utf-8;q=0.5', 'utf-16'],
      ['*', 'utf-8'],
    ];
    for (const [acceptCharset, charset] of byAcceptCharset) {
      it(`answers Accept-Charset "${acceptCharset}" in ${charset}`, async () => {
        const wire = await send(json(provider.issueRefreshToken()), { 'content-type': 'application/json', accept: 'application/json', 'accept-charset': acceptCharset });
        expect(wire.status).to.equal(200);
        expect(wire.contentType).to.equal(`application/json; charset=${charset}`);
        const text = charset === 'utf-16' ? utf16(wire.bytes) : wire.bytes.toString('utf8');
        if (charset === 'utf-16') expect([...wire.bytes.subarray(0, 2)], 'UTF-16LE byte order mark').to.deep.equal([0xff, 0xfe]);
        expect(JSON.parse(text)).to.have.property('<name>k__BackingField', 'Administrador da Operação');
      });
    }

    it('reads a UTF-16 JSON body labelled charset=utf-16 and answers in UTF-16, without Accept-Charset', async () => {
      const wire = await send(Buffer.from(refreshJson(provider.issueRefreshToken()), 'utf16le'), { 'content-type': 'application/json; charset=utf-16', accept: 'application/json' });
      expect(wire.status).to.equal(200);
      expect(wire.contentType).to.equal('application/json; charset=utf-16');
      expect(JSON.parse(utf16(wire.bytes))).to.have.property('<refreshToken>k__BackingField');
    });

    it('reads a UTF-16 XML body, big-endian after its byte order mark too', async () => {
      const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(refreshXmlInOrder(provider.issueRefreshToken()), 'utf16le').swap16()]);
      const wire = await send(bytes, { 'content-type': 'text/xml; charset=utf-16', accept: 'text/xml' });
      expect(wire.status).to.equal(200);
      expect(wire.contentType).to.equal('text/xml; charset=utf-16');
      expect(utf16(wire.bytes)).to.match(/^<TokenResponse /);
    });

    it('answers an error in the negotiated charset, and reads a body in an unsupported charset as UTF-8', async () => {
      const refused = await send(json('unknown-token'), { 'content-type': 'application/json', accept: 'application/xml', 'accept-charset': 'utf-16' });
      expect(refused.status).to.equal(401);
      expect(utf16(refused.bytes)).to.equal('<Error><Message>The refresh token is invalid or has expired.</Message></Error>');
      const latin = await send(json(provider.issueRefreshToken()), { 'content-type': 'application/json; charset=iso-8859-1', accept: 'application/json' });
      expect(latin.status).to.equal(200);
      expect(latin.contentType).to.equal('application/json; charset=utf-8');
    });

    it('refuses UTF-8 bytes labelled charset=utf-16 with 400 (they are no UTF-16 JSON), in UTF-16', async () => {
      const wire = await send(json(provider.issueRefreshToken()), { 'content-type': 'application/json; charset=utf-16', accept: 'application/json' });
      expect(wire.status).to.equal(400);
      expect(wire.contentType).to.equal('application/json; charset=utf-16');
    });
  });
});
