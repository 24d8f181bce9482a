// The run's traffic control against local servers: an answered request changes nothing; an
// unanswered one triggers one liveness check while new requests wait; a target that answers
// the check is kept, one that does not is stopped: requests in flight end at once, none is sent
// any more, and the stop names the first unanswered request and the ones before it.

import { expect } from 'chai';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { NOT_SENT, STOPPED, send, type HttpOptions, type HttpOutcome } from '../../../src/http/client.ts';
import { ConcurrencyLimit } from '../../../src/http/concurrency.ts';
import { TARGET_STOPPED, TrafficControl } from '../../../src/run/traffic.ts';

const request = (path: string) => ({ method: 'POST', path, headers: { accept: 'application/json' }, body: '{}' });
const answered: HttpOutcome = { response: { status: 400, headers: {}, body: '', truncated: false, elapsedMs: 1 } };
const unanswered: HttpOutcome = { transportError: 'no complete response within 100 ms', errorCode: 'TIMEOUT' };

describe('traffic control', () => {
  const open: (Server | TcpServer)[] = [];
  let answering: string;
  let silent: string;
  let slow: string;
  let received = 0;
  before(async () => {
    const listen = async (server: Server | TcpServer) => {
      open.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    };
    answering = await listen(createHttpServer((_req, res) => (received++, res.end('ok'))));
    silent = await listen(createTcpServer((socket) => socket.on('error', () => undefined)));
    slow = await listen(createHttpServer((_req, res) => setTimeout(() => res.end('late'), 200)));
  });
  after(() => open.forEach((s) => s.close()));

  function options(traffic: TrafficControl, timeoutMs = 100): HttpOptions {
    return { timeoutMs, maxResponseBytes: 1000, insecureTls: false, traffic };
  }

  it('paces requests and records how many were in flight', async () => {
    const traffic = new TrafficControl(new ConcurrencyLimit(2), async () => answered);
    const outcomes = await Promise.all([1, 2, 3].map((i) => send(answering, request(`p${i}`), options(traffic))));
    expect(outcomes.map((o) => o.response?.inFlight)).to.deep.equal([2, 2, 2]);
    expect(traffic.stop).to.equal(undefined);
  });

  it('keeps a target that answers the liveness check, and holds new requests while it runs', async () => {
    let release!: () => void;
    const checked = new Promise<void>((resolve) => (release = resolve));
    const traffic = new TrafficControl(new ConcurrencyLimit(8), async () => (await checked, answered));
    const lost = request('lost');
    expect((await send(silent, lost, options(traffic))).errorCode).to.equal('TIMEOUT');
    const before = received;
    const held = send(answering, request('held'), options(traffic));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received, 'sent while the check ran').to.equal(before);
    release();
    expect((await held).response?.status).to.equal(200);
    expect(traffic.stop).to.equal(undefined);
    expect(traffic.lostToStop(lost), 'a lost answer the target survived').to.equal(false);
  });

  it('stops a target that answers neither: in-flight requests end at once, later ones are not sent', async () => {
    const traffic = new TrafficControl(new ConcurrencyLimit(8), async () => unanswered);
    const first = request('first');
    const slow = request('slow');
    const started = performance.now();
    const [slowOutcome, firstOutcome] = await Promise.all([send(silent, slow, options(traffic, 5000)), send(silent, first, options(traffic, 100))]);
    expect(performance.now() - started, 'ms until the slow request ended').to.be.below(2000);
    expect(firstOutcome.errorCode).to.equal('TIMEOUT');
    expect(slowOutcome).to.deep.include({ errorCode: STOPPED, transportError: TARGET_STOPPED });
    const later = request('later');
    const before = received;
    expect(await send(answering, later, options(traffic))).to.deep.equal({ errorCode: NOT_SENT, transportError: TARGET_STOPPED });
    expect(received, 'sent after the stop').to.equal(before);
    expect([first, slow, later].map((r) => traffic.lostToStop(r))).to.deep.equal([true, true, true]);
    expect(traffic.stop?.firstUnanswered.request).to.equal(first);
    expect(traffic.stop?.recent.map((r) => r.request.path)).to.deep.equal(['slow', 'first']);
    expect(traffic.stop?.check).to.equal('no answer (no complete response within 100 ms)');
  });

  it('no false positive: an answer that arrives during the check keeps the target', async () => {
    let release!: () => void;
    const checked = new Promise<void>((resolve) => (release = resolve));
    const traffic = new TrafficControl(new ConcurrencyLimit(8), async () => (await checked, unanswered));
    const inFlight = send(slow, request('answered late'), options(traffic, 1000));
    await send(silent, request('lost'), options(traffic, 100));
    expect((await inFlight).response?.status, 'answered while the check ran').to.equal(200);
    release();
    await send(answering, request('after'), options(traffic));
    expect(traffic.stop).to.equal(undefined);
  });
});
