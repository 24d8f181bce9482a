// The edges of reading and writing bodies in their charsets, each a way a server (or a probe)
// can get it wrong: spacing and quoting in the charset parameter, a byte order mark that only
// begins like another, a mark that agrees or disagrees with the label, a UTF-8 body whose label
// is spelt "utf8", a body cut inside a character, and the encoders a request body is written with.

import { expect } from 'chai';
import { charsetOf, decodeBody, encodeText } from '../../../src/http/charset.ts';

const TEXT = 'Operação';
const hex = (b: Buffer) => b.toString('hex');

describe('http charset: edges', () => {
  it('reads the charset parameter with spaces around its equals sign, and nothing from a parameter that only ends in "charset"', () => {
    expect(charsetOf('application/json; charset = UTF-8')).to.equal('utf-8');
    expect(charsetOf('application/json;CHARSET=Utf-16;q=1')).to.equal('utf-16');
    expect(charsetOf('application/json; xcharset=utf-16')).to.equal(undefined);
    expect(charsetOf('application/json; charset')).to.equal(undefined);
    expect(charsetOf(undefined)).to.equal(undefined);
  });

  it('writes a request body in each charset it knows, and anything else as UTF-8', () => {
    expect(hex(encodeText(TEXT, 'utf-8'))).to.equal(hex(Buffer.from(TEXT, 'utf8')));
    expect(hex(encodeText(TEXT, undefined))).to.equal(hex(Buffer.from(TEXT, 'utf8')));
    expect(hex(encodeText(TEXT, 'utf-16'))).to.equal(hex(Buffer.from(TEXT, 'utf16le')));
    expect(hex(encodeText(TEXT, 'utf-16le'))).to.equal(hex(Buffer.from(TEXT, 'utf16le')));
    expect(hex(encodeText('Aç', 'utf-16be'))).to.equal('004100e7');
    expect(hex(encodeText(TEXT, 'iso-8859-1'))).to.equal(hex(Buffer.from(TEXT, 'latin1')));
    expect(hex(encodeText(TEXT, 'klingon'))).to.equal(hex(Buffer.from(TEXT, 'utf8')));
  });

  it('takes a mark only when every one of its bytes is there: 0xEF alone is no UTF-8 mark', () => {
    const latin1 = Buffer.from([0xef, 0x41]);
    expect(decodeBody(latin1, 'text/plain; charset=iso-8859-1')).to.deep.equal({ text: 'ïA', charset: 'iso-8859-1' });
    expect(decodeBody(Buffer.from([0xfe, 0x41]), 'text/plain; charset=iso-8859-1')).to.deep.equal({ text: 'þA', charset: 'iso-8859-1' });
  });

  it('reads a big-endian body labelled utf-16 by its mark, and a little-endian one as such', () => {
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), encodeText(TEXT, 'utf-16be')]);
    expect(decodeBody(be, 'application/json; charset=utf-16')).to.deep.equal({ text: TEXT, charset: 'utf-16' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), encodeText(TEXT, 'utf-16le')]);
    expect(decodeBody(le, 'application/json; charset=utf-16')).to.deep.equal({ text: TEXT, charset: 'utf-16' });
  });

  it('accepts a mark that agrees with the label (utf-16le, utf8) and names one that does not', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), encodeText(TEXT, 'utf-16le')]);
    expect(decodeBody(le, 'application/json; charset=utf-16le')).to.deep.equal({ text: TEXT, charset: 'utf-16le' });
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    expect(decodeBody(utf8, 'application/json; charset=utf8')).to.deep.equal({ text: TEXT, charset: 'utf8' });
    expect(decodeBody(le, 'application/json; charset=utf-16be').undecodable).to.equal('a UTF-16LE byte order mark on a body labelled charset=utf-16be');
    expect(decodeBody(le, 'application/json; charset=utf-8').undecodable).to.equal('a UTF-16LE byte order mark on a body labelled charset=utf-8');
    expect(decodeBody(utf8, 'application/json; charset=utf-16le').undecodable).to.equal('a UTF-8 byte order mark on a body labelled charset=utf-16le');
    expect(decodeBody(le, 'application/json; charset=utf8').undecodable).to.equal('a UTF-16LE byte order mark on a body labelled charset=utf8');
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), encodeText(TEXT, 'utf-16be')]);
    expect(decodeBody(be, 'application/json; charset=utf-16le').undecodable, 'only a body labelled plain utf-16 is read by its mark').to.equal('a UTF-16BE byte order mark on a body labelled charset=utf-16le');
  });

  it('says where a body stops inside a character, and counts bytes only for UTF-16', () => {
    const cut = Buffer.from(TEXT, 'utf8').subarray(0, 6);
    expect(decodeBody(cut, 'text/plain; charset=utf-8').undecodable).to.equal('bytes that are not valid utf-8 (the body ends inside a character)');
    const evenBadUtf16 = Buffer.from([0x41, 0x00, 0x00, 0xdc]);
    expect(decodeBody(evenBadUtf16, 'text/plain; charset=utf-16le').undecodable).to.match(/^bytes that are not valid utf-16le \(near byte \d+: [0-9a-f ]+\)$/);
    const oddUtf8 = Buffer.from([0x41, 0xff, 0x42]);
    expect(decodeBody(oddUtf8, 'text/plain; charset=utf-8').undecodable).to.equal('bytes that are not valid utf-8 (near byte 1: 41 ff 42)');
    const odd = Buffer.from([0x41, 0x00, 0x42]);
    expect(decodeBody(odd, 'text/plain; charset=utf-16').undecodable).to.equal('bytes that are not valid utf-16 (an odd number of bytes, 3)');
    expect(decodeBody(odd, 'text/plain; charset=utf-16le').undecodable).to.equal('bytes that are not valid utf-16le (an odd number of bytes, 3)');
  });
});
