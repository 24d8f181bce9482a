// A local stand-in for the Pact Broker's HTTP API, answering just what the Rust Pact CLI asks
// for publish (index, then POST /contracts/publish with base64 contents), can-i-deploy
// (GET /matrix) and record-deployment (version resource, then its pb:record-deployment link),
// and recording every request so tests can check what arrived.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface BrokerDouble {
  url: string;
  calls: RecordedCall[];
  /** What the matrix answers for can-i-deploy. */
  deployable: boolean;
  /** Environments a version may be recorded as deployed to. */
  environments: string[];
  close(): Promise<void>;
}

export async function startBrokerDouble(): Promise<BrokerDouble> {
  const double: BrokerDouble = { url: '', calls: [], deployable: true, environments: ['production'], close: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      double.calls.push(call);
      const [status, body] = answer(double, call);
      res.writeHead(status, { 'content-type': 'application/hal+json;charset=utf-8' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  double.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return double;
}

function answer(double: BrokerDouble, call: RecordedCall): [number, unknown] {
  const path = call.url.split('?')[0]!;
  if (call.method === 'GET' && path === '/') {
    return [200, { _links: { 'pb:publish-contracts': { href: `${double.url}/contracts/publish` } } }];
  }
  if (call.method === 'POST' && path === '/contracts/publish') {
    const { pacticipantName, pacticipantVersionNumber } = JSON.parse(call.body) as { pacticipantName: string; pacticipantVersionNumber: string };
    return [200, {
      notices: [{ type: 'success', text: 'contracts published (broker double)' }],
      _embedded: { pacticipant: { name: pacticipantName }, version: { number: pacticipantVersionNumber } },
      _links: {},
    }];
  }
  if (call.method === 'GET' && path === '/matrix') {
    return [200, {
      summary: { deployable: double.deployable, reason: double.deployable ? 'all verified' : 'no verification results', success: 1, failed: 0, unknown: 0 },
      matrix: [],
      notices: [],
    }];
  }
  const version = /^\/pacticipants\/([^/]+)\/versions\/([^/]+)$/.exec(path);
  if (call.method === 'GET' && version) {
    return [200, { _links: { 'pb:record-deployment': double.environments.map((name) => ({ name, href: `${double.url}${path}/deployed-versions/environment/${name}-uuid` })) } }];
  }
  if (call.method === 'POST' && /\/deployed-versions\/environment\//.test(path)) {
    return [201, { target: null }];
  }
  return [404, { error: `the broker double does not know ${call.method} ${path}` }];
}
