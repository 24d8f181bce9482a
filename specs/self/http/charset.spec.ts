// Bytes and text on the wire: request bodies written in the charset their Content-Type names
// (or the one a mislabelling probe asks for), response bodies read in theirs, a byte order mark
// honoured, and bytes that are not valid in the declared charset recorded with where they fail.

import { expect } from 'chai';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { charsetOf, decodeBody, encodeText } from '../../../src/http/charset.ts';
import { send } from '../../../src/http/client.ts';

const TEXT = '{"name":"Administrador da Operação"}';
const BOM_LE = Buffer.from([0xff, 0xfe]);

describe('http charset', () => {
  it('reads the charset parameter, quoted or not, in lower case', () => {
    expect(charsetOf('application/json; charset="UTF-16"')).to.equal('utf-16');
    expect(charsetOf('text/xml;charset=utf-8')).to.equal('utf-8');
    expect(charsetOf('application/json')).to.equal(undefined);
  });

  it('decodes UTF-16 with or without a byte order mark, little- or big-endian, and drops the mark', () => {
    expect(decodeBody(Buffer.concat([BOM_LE, encodeText(TEXT, 'utf-16')]), 'application/json; charset=utf-16')).to.deep.equal({ text: TEXT, charset: 'utf-16' });
    expect(decodeBody(encodeText(TEXT, 'utf-16'), 'application/json; charset=utf-16').text).to.equal(TEXT);
    expect(decodeBody(Buffer.concat([Buffer.from([0xfe, 0xff]), encodeText(TEXT, 'utf-16be')]), 'application/json; charset=utf-16').text).to.equal(TEXT);
  });

  it('follows the byte order mark when no charset is named, else reads utf-8', () => {
    expect(decodeBody(Buffer.concat([BOM_LE, encodeText(TEXT, 'utf-16')]), 'text/xml')).to.deep.equal({ text: TEXT, charset: 'utf-16le' });
    expect(decodeBody(encodeText(TEXT, 'utf-8'), undefined)).to.deep.equal({ text: TEXT, charset: 'utf-8' });
  });

  it('records bytes that are not valid in the declared charset, with where, and still gives the text', () => {
    const latin1 = decodeBody(encodeText(TEXT, 'iso-8859-1'), 'application/json; charset=utf-8');
    expect(latin1.undecodable).to.match(/^bytes that are not valid utf-8 \(near byte 32: 61 e7 e3 6f\)$/);
    expect(latin1.text).to.contain('Opera\uFFFD');
    expect(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encodeText(TEXT, 'utf-8')]), 'application/json; charset=utf-16').undecodable).to.equal('a UTF-8 byte order mark on a body labelled charset=utf-16');
    expect(decodeBody(Buffer.from('{"a":1}'), 'application/json; charset=utf-16').undecodable).to.contain('an odd number of bytes, 7');
    expect(decodeBody(Buffer.from('{}'), 'application/json; charset=klingon').undecodable).to.equal('charset=klingon is no charset this client knows (read as utf-8)');
  });

  it('no false positive: a UTF-8 body with its byte order mark, and non-ASCII utf-8', () => {
    expect(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encodeText(TEXT, 'utf-8')]), 'application/json; charset=utf-8')).to.deep.equal({ text: TEXT, charset: 'utf-8' });
  });

  it('sends a body in its Content-Type\'s charset, or in the one the request says it is written in', async () => {
    const received: Buffer[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(Buffer.concat(chunks));
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-16' }).end(Buffer.concat([BOM_LE, encodeText(TEXT, 'utf-16')]));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const options = { timeoutMs: 2000, maxResponseBytes: 10_000, insecureTls: false };
      const request = { method: 'POST', path: 'x', headers: { 'content-type': 'application/json; charset=utf-16' }, body: TEXT };
      const outcome = await send(url, request, options);
      await send(url, { ...request, bodyCharset: 'utf-8' }, options);
      expect(received[0]!.equals(encodeText(TEXT, 'utf-16'))).to.equal(true);
      expect(received[1]!.toString('utf8')).to.equal(TEXT);
      expect(outcome.response).to.include({ body: TEXT, charset: 'utf-16' });
      expect(outcome.response).not.to.have.property('undecodable');
    } finally {
      server.close();
    }
  });
});
