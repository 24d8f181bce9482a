// The probe client against misbehaving local servers: a size cap, a hard deadline, a service
// that does not speak HTTP, and a redirect it must not follow.

import { expect } from 'chai';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { requestsSent, send, type HttpOptions } from '../../../src/http/client.ts';

const options: HttpOptions = { timeoutMs: 300, maxResponseBytes: 1000, insecureTls: false };
const request = { method: 'POST', path: 'api/v1/auth/refresh-token', headers: { accept: 'application/json' }, body: '{}' };

async function listening<T extends Server | TcpServer>(server: T): Promise<{ server: T; url: string }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe('http client', () => {
  const open: (Server | TcpServer)[] = [];
  after(() => open.forEach((s) => s.close()));

  async function serve<T extends Server | TcpServer>(server: T): Promise<string> {
    const { url } = await listening(server);
    open.push(server);
    return url;
  }

  it('stops reading at MAX_RESPONSE_BYTES and marks the body truncated', async () => {
    const url = await serve(createHttpServer((_, res) => res.end('x'.repeat(50_000))));
    const outcome = await send(url, request, options);
    expect(outcome.response?.truncated).to.equal(true);
    expect(outcome.response?.body.length).to.equal(1000);
  });

  it('gives up on a silent server at the deadline', async () => {
    const url = await serve(createHttpServer(() => undefined));
    const started = Date.now();
    const outcome = await send(url, request, options);
    expect(outcome.errorCode).to.equal('TIMEOUT');
    expect(Date.now() - started).to.be.below(1500);
  });

  it('says when the target does not speak HTTP', async () => {
    const url = await serve(createTcpServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n')));
    const outcome = await send(url, request, options);
    expect(outcome.transportError).to.match(/does not speak HTTP|reset/);
  });

  it('does not follow a redirect', async () => {
    const url = await serve(createHttpServer((_, res) => res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end()));
    const outcome = await send(url, request, options);
    expect(outcome.response?.status).to.equal(302);
  });

  it('counts every request it sends, answered or not', async () => {
    const url = await serve(createHttpServer((_, res) => res.end('{}')));
    const before = requestsSent();
    await Promise.all([send(url, request, options), send('http://127.0.0.1:1/', request, options)]);
    expect(requestsSent() - before).to.equal(2);
  });

  it('reports a closed port as connection refused', async () => {
    const outcome = await send('http://127.0.0.1:1/', request, options);
    expect(outcome.errorCode).to.equal('ECONNREFUSED');
  });
});
