// Failures answer with Web API error bodies and the right status, never with details, a
// token or a crash: 404 and 405 for routing, 413 for large bodies, 415 for media types no
// formatter reads, 401 for bad credentials, 500 {"Message":"An error has occurred."} when the
// token store is down, and 400 for hostile bodies (deep nesting, entity bombs, bad UTF-8).

import { expect } from 'chai';
import { connect } from 'node:net';
import { startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { LOGIN, REFRESH, loginJson, loginXml, post, refresh, refreshJson, type Wire } from './support.ts';

describe('reference provider: errors', () => {
  let provider: ReferenceProvider;
  const logLines: string[] = [];
  before(async () => {
    provider = await startReferenceProvider({ log: (line) => logLines.push(line) });
  });
  after(() => provider.stop());
  afterEach(() => provider.reset());

  const json = { 'content-type': 'application/json', accept: 'application/json' };
  const message = (wire: Wire) => (JSON.parse(wire.body) as { Message: string }).Message;

  it('answers an unknown path with 404 and a Web API error body', async () => {
    const wire = await post(provider, '/api/v1/auth/nothing', '{}', json);
    expect(wire.status).to.equal(404);
    expect(message(wire)).to.be.a('string');
  });

  for (const target of ['//api/v1/auth/refresh-token', '/API/V1/Auth/Refresh-Token/', 'http://consinco.example:8343/api/v1/auth/refresh-token']) {
    it(`routes ${target} to refresh-token`, async () => {
      const { port } = new URL(provider.url);
      const raw = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () =>
          socket.write(`POST ${target} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`),
        );
        let text = '';
        socket.on('data', (chunk) => (text += String(chunk)));
        socket.on('close', () => resolve(text));
      });
      expect(raw.split('\r\n')[0]).to.equal('HTTP/1.1 400 Bad Request');
      expect(raw).to.contain('model.refresh_token');
    });
  }

  it('answers GET with 405 and Allow: POST', async () => {
    const res = await fetch(`${provider.url}${REFRESH}`);
    expect(res.status).to.equal(405);
    expect(res.headers.get('allow')).to.equal('POST');
    expect(await res.json()).to.have.property('Message');
  });

  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream']) {
    it(`answers a ${contentType} body with 415`, async () => {
      const wire = await post(provider, REFRESH, 'refresh_token=x', { 'content-type': contentType, accept: 'application/xml' });
      expect(wire.status).to.equal(415);
      expect(wire.body).to.equal("<Error><Message>The request entity's media type is not supported for this resource.</Message></Error>");
    });
  }

  it('answers a body over the limit with 413', async () => {
    const wire = await post(provider, REFRESH, `{"refresh_token":"${'a'.repeat(1024 * 1024)}"}`, json);
    expect(wire.status).to.equal(413);
  });

  it('reads an oversized upload to its end before its 413, so the client still sending gets the answer, not a reset', async () => {
    // Closing on unread data resets the connection: the client's next write fails (EPIPE) and
    // the 413 it had not read yet is lost, which a run reported as "no answer".
    const { port } = new URL(provider.url);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const chunks = 32; // 2 MiB, twice the limit
    const socket = connect(Number(port), '127.0.0.1');
    let raw = '';
    socket.on('data', (data) => (raw += String(data)));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const writeErrors: string[] = [];
    const write = (data: Buffer | string) => new Promise<void>((done) => socket.write(data, (e?: NodeJS.ErrnoException | null) => {
      if (e) writeErrors.push(e.code ?? e.message);
      done();
    }));
    socket.on('error', () => undefined); // a failed write is counted by its callback
    await new Promise((connected) => socket.once('connect', connected));
    await write(`POST ${REFRESH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${chunk.length * chunks}\r\nConnection: close\r\n\r\n`);
    for (let i = 0; i < chunks; i++) {
      await write(chunk);
      await new Promise((next) => setTimeout(next, 2)); // an early answer and close arrive meanwhile
    }
    await closed;
    expect(writeErrors).to.deep.equal([]);
    expect(raw.split('\r\n')[0]).to.equal('HTTP/1.1 413 Payload Too Large');
  });

  it('answers bad credentials with 401 and missing ones with 400, in JSON and XML', async () => {
    const wrong = await post(provider, LOGIN, loginJson('1', 'ADMIN', 'nope'), json);
    expect(wrong.status).to.equal(401);
    expect(message(wrong)).to.equal('The company, username or password is incorrect.');
    const wrongXml = await post(provider, LOGIN, loginXml('9'), { 'content-type': 'text/xml', accept: 'text/xml' });
    expect(wrongXml.status).to.equal(401);
    expect(wrongXml.body).to.match(/^<Error><Message>[^<]+<\/Message><\/Error>$/);
    const missing = await post(provider, LOGIN, '{"company":"1","username":"ADMIN"}', json);
    expect(missing.status).to.equal(400);
    expect(JSON.parse(missing.body)).to.have.nested.property('ModelState.model\\.password');
  });

  for (const accept of ['application/json', 'application/xml']) {
    it(`answers with a bare 500 (${accept}) while the token store is down, and recovers`, async () => {
      const token = provider.issueRefreshToken();
      provider.setTokenStoreAvailable(false);
      const down = await refresh(provider, token, accept);
      expect(down.status).to.equal(500);
      if (accept === 'application/json') expect(down.body).to.equal('{"Message":"An error has occurred."}');
      else expect(down.body).to.equal('<Error><Message>An error has occurred.</Message></Error>');
      expect(down.headers.get('cache-control')).to.equal('no-store');
      provider.setTokenStoreAvailable(true);
      expect((await refresh(provider, token, accept)).status).to.equal(200);
    });
  }

  it('keeps tokens out of error bodies and log lines', async () => {
    const token = provider.issueRefreshToken();
    provider.reset();
    const refused = await refresh(provider, token);
    expect(refused.status).to.equal(401);
    const echoed = refused.body.includes(token) || logLines.some((line) => line.includes(token));
    expect(echoed).to.equal(false);
    expect(logLines.at(-1)).to.match(/^POST \/api\/v1\/auth\/refresh-token 401 \d+ms$/);
  });

  describe('hostile bodies', () => {
    const hostile: [string, string, string][] = [
      ['deeply nested JSON', 'application/json', `${'['.repeat(200_000)}${']'.repeat(200_000)}`],
      ['unterminated nested JSON', 'application/json', `{"refresh_token":${'{"a":'.repeat(100_000)}`],
      ['a billion-laughs DOCTYPE', 'application/xml', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><ConsincoRefreshTokenBindingModel xmlns="http://schemas.datacontract.org/2004/07/AuthenticationServer.Models"><Refreshtoken>&lol2;</Refreshtoken></ConsincoRefreshTokenBindingModel>'],
      ['an external entity', 'text/xml', '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'],
      ['deeply nested XML', 'application/xml', `<ConsincoRefreshTokenBindingModel xmlns="http://schemas.datacontract.org/2004/07/AuthenticationServer.Models">${'<a>'.repeat(60_000)}${'</a>'.repeat(60_000)}</ConsincoRefreshTokenBindingModel>`],
      ['an out-of-range character reference', 'application/xml', '<ConsincoRefreshTokenBindingModel xmlns="http://schemas.datacontract.org/2004/07/AuthenticationServer.Models"><Refreshtoken>&#x110000;</Refreshtoken></ConsincoRefreshTokenBindingModel>'],
    ];
    for (const [name, contentType, body] of hostile) {
      it(`answers ${name} with 400, not 500`, async () => {
        const wire = await post(provider, REFRESH, body, { 'content-type': contentType, accept: 'application/json' });
        expect(wire.status).to.equal(400);
        expect(message(wire)).to.equal('The request is invalid.');
      });
    }

    it('answers a body that is not UTF-8 with 400', async () => {
      const res = await fetch(`${provider.url}${REFRESH}`, { method: 'POST', body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), headers: json });
      expect(res.status).to.equal(400);
    });

    it('never answers an error body with a stack trace or an exception type', async () => {
      provider.setTokenStoreAvailable(false);
      const wire = await post(provider, REFRESH, refreshJson('x'), json);
      expect(wire.status).to.equal(500);
      expect(wire.body).not.to.match(/StackTrace|ExceptionType|ExceptionMessage|\bat \w/);
    });
  });
});
