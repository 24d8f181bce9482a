// The hostile bodies in process, where the child-process runs cannot look: the HTTP client
// inflates nothing and keeps a cut-off response's status, and keys named after Object.prototype's
// members pollute nothing and resolve no namespace through it.

import { expect } from 'chai';
import { evaluateProbe } from '../../../src/checks/evaluate.ts';
import { send, type HttpOptions } from '../../../src/http/client.ts';
import { expandProbes } from '../../../src/probes/cases.ts';
import { buildRequest } from '../../../src/probes/request.ts';
import { readIssuedTokens } from '../../../src/target/issuedTokens.ts';
import { parseXmlDocument } from '../../../src/xml/safeParse.ts';
import { context, exchange } from '../checks/fixtures.ts';
import { HOSTILE_TARGETS, PROTOTYPE_KEY_BODIES, type HostileServer } from './hostileServers.ts';

const options: HttpOptions = { timeoutMs: 2000, maxResponseBytes: 1 << 20, insecureTls: false };
const request = buildRequest(expandProbes()[0]!, 'x');
const GZIP_MAGIC = '\u001f\ufffd'; // 1f 8b, the second byte not valid UTF-8 on its own

async function against<R>(name: string, use: (server: HostileServer) => Promise<R>): Promise<R> {
  const server = await HOSTILE_TARGETS[name]!();
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

describe('hostile targets in process (the HTTP client and the parsers)', () => {
  it('no probe asks for compression, and a gzip bomb stays opaque bytes cut at MAX_RESPONSE_BYTES', async () => {
    expect(expandProbes().filter((p) => Object.keys(buildRequest(p, 'x').headers).some((h) => /accept-encoding/i.test(h)))).to.deep.equal([]);
    const outcome = await against('gzip bomb', (server) => send(server.url, request, options));
    expect(outcome.response?.headers['content-encoding']).to.equal('gzip');
    expect(outcome.response?.truncated).to.equal(true);
    expect(outcome.response?.body.startsWith(GZIP_MAGIC)).to.equal(true);
  });

  it('keeps the status and what arrived when the target cuts the body off, and says so', async () => {
    const outcome = await against('truncated responses', (server) => send(server.url, request, options));
    expect(outcome.response?.status).to.equal(400);
    expect(outcome.response?.body).to.equal('{"Message":"The requ');
    expect(outcome.transportError).to.equal('the target cut the response off: the connection closed after 20 bytes of the body of the 500 its Content-Length announced');
  });

  it('keys named __proto__ and constructor touch no prototype and resolve no namespace through one', () => {
    const before = Object.getOwnPropertyNames(Object.prototype);
    const findings = Object.entries(PROTOTYPE_KEY_BODIES).flatMap(([mediaType, body]) => {
      readIssuedTokens(body);
      return evaluateProbe('hostile', mediaType, [exchange({ mediaType, body })], context());
    });
    expect(Object.getOwnPropertyNames(Object.prototype)).to.deep.equal(before);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(findings.map((f) => f.message).join('\n')).not.to.match(/\[object \w+\]|\[native code\]/);
    expect(parseXmlDocument(PROTOTYPE_KEY_BODIES['application/xml']).children[0]!.namespace).to.equal('urn:polluted');
    expect(() => parseXmlDocument('<a><constructor:b/></a>')).to.throw('the namespace prefix "constructor" of constructor:b is not declared');
  });
});
