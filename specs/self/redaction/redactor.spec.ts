// The redactor hides live tokens wherever they appear and passwords where they stand alone,
// so a short password that is also a word ("consinco") does not mangle names that contain it.

import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { clearSecrets, knownSecrets, redact, registerCredential, registerSecret, tokenShape } from '../../../src/redaction/redactor.ts';

describe('redactor', () => {
  afterEach(clearSecrets);

  it('replaces a live token by its shape, even inside other text', () => {
    registerSecret('Zq9xLiveToken_123');
    expect(redact('token=Zq9xLiveToken_123;')).to.equal(`token=${tokenShape('Zq9xLiveToken_123')};`);
  });

  it('replaces a token that contains another one whole, and one registered after earlier redactions', () => {
    registerSecret('Zq9xLiveToken');
    expect(redact('Zq9xLiveToken')).to.equal(tokenShape('Zq9xLiveToken'));
    registerSecret('Zq9xLiveToken_successor');
    expect(redact('a Zq9xLiveToken_successor b')).to.equal(`a ${tokenShape('Zq9xLiveToken_successor')} b`);
    expect(redact('x', ['Zq9xExtraSecret'])).to.equal('x');
    expect(redact('Zq9xExtraSecret and Zq9xLiveToken', ['Zq9xExtraSecret'])).to.equal(`${tokenShape('Zq9xExtraSecret')} and ${tokenShape('Zq9xLiveToken')}`);
  });

  it('redacts a text it has seen before anew once a secret or a password is registered, short or long', () => {
    const long = `${'x'.repeat(3000)} Zq9xLaterToken s3cr3t-pw`;
    for (const text of ['Zq9xLaterToken s3cr3t-pw', long]) expect(redact(text)).to.equal(text);
    registerSecret('Zq9xLaterToken');
    expect(redact('Zq9xLaterToken s3cr3t-pw')).to.equal(`${tokenShape('Zq9xLaterToken')} s3cr3t-pw`);
    registerCredential('s3cr3t-pw');
    expect(redact('Zq9xLaterToken s3cr3t-pw')).to.equal(`${tokenShape('Zq9xLaterToken')} <credential>`);
    expect(redact(long)).to.equal(`${'x'.repeat(3000)} ${tokenShape('Zq9xLaterToken')} <credential>`);
    expect(redact('and Zq9xExtraSecret')).to.equal('and Zq9xExtraSecret');
    expect(redact('and Zq9xExtraSecret', ['Zq9xExtraSecret']), 'extra secrets of one call').to.equal(`and ${tokenShape('Zq9xExtraSecret')}`);
    clearSecrets();
    expect(redact('Zq9xLaterToken s3cr3t-pw')).to.equal('Zq9xLaterToken s3cr3t-pw');
  });

  it('keeps what a call with extra secrets redacted to that call, and takes an extra secret of exactly the shortest length', () => {
    expect(redact('a Zq9xExtraSecret', ['Zq9xExtraSecret'])).to.equal(`a ${tokenShape('Zq9xExtraSecret')}`);
    expect(redact('a Zq9xExtraSecret'), 'the same text without the extra secret').to.equal('a Zq9xExtraSecret');
    expect(redact('x 12345678', ['12345678'])).to.equal(`x ${tokenShape('12345678')}`);
    expect(redact('A1234567 B1234567', ['B1234567']), 'another call\'s extra secret').to.equal(`A1234567 ${tokenShape('B1234567')}`);
    expect(redact('A1234567 B1234567', ['A1234567'])).to.equal(`${tokenShape('A1234567')} B1234567`);
    expect(redact('Stryker was here, with no secret known')).to.equal('Stryker was here, with no secret known');
  });

  it('ignores an absent password, and registering one twice changes nothing', () => {
    registerCredential(undefined);
    expect(redact('undefined behaviour')).to.equal('undefined behaviour');
    registerCredential('s3cr3t-pw');
    registerCredential('s3cr3t-pw');
    expect(redact('pw s3cr3t-pw')).to.equal('pw <credential>');
  });

  it('still redacts every text after more distinct texts than it keeps', () => {
    registerSecret('Zq9xLiveToken_123');
    for (let n = 0; n < 20_010; n += 1) expect(redact(`line ${n} Zq9xLiveToken_123`)).to.equal(`line ${n} ${tokenShape('Zq9xLiveToken_123')}`);
    expect(redact('line 0 Zq9xLiveToken_123')).to.equal(`line 0 ${tokenShape('Zq9xLiveToken_123')}`);
  });

  it('ignores values too short to redact safely', () => {
    registerSecret('abc');
    expect(redact('abc')).to.equal('abc');
    expect(knownSecrets()).to.deep.equal([]);
  });

  it('hides a password standing alone but not inside a longer name', () => {
    registerCredential('consinco');
    expect(redact('{"password":"consinco"} consinco-auth-client')).to.equal('{"password":"<credential>"} consinco-auth-client');
  });

  it('does not hand passwords to the leak scan, which looks for live tokens', () => {
    registerCredential('consinco');
    registerSecret('Zq9xLiveToken_123');
    expect(knownSecrets()).to.deep.equal(['Zq9xLiveToken_123']);
  });

  it('redacts a token of exactly the shortest safe length, and not one character shorter', () => {
    registerSecret('Abcdefg8');
    registerSecret('Abcdef7');
    expect(knownSecrets()).to.deep.equal(['Abcdefg8']);
    expect(redact('Abcdefg8 Abcdef7')).to.equal(`${tokenShape('Abcdefg8')} Abcdef7`);
  });

  it('redacts extra secrets given for one message, long enough ones only', () => {
    expect(redact('a Zq9xExtraToken_9 b short1', ['Zq9xExtraToken_9', 'short1'])).to.equal(`a ${tokenShape('Zq9xExtraToken_9')} b short1`);
    expect(knownSecrets()).to.deep.equal([]);
  });

  it('redacts the longer of two overlapping tokens as itself, not as the shorter one plus a tail', () => {
    registerSecret('Zq9xLiveToken');
    expect(redact('Zq9xLiveToken_123', ['Zq9xLiveToken_123'])).to.equal(tokenShape('Zq9xLiveToken_123'));
    expect(redact('Zq9xLiveToken')).to.equal(tokenShape('Zq9xLiveToken'));
  });

  it('shapes a token as its length, first three characters and the start of its SHA-256', () => {
    const value = 'Zq9xLiveToken_123';
    const sha = createHash('sha256').update(value).digest('hex');
    expect(tokenShape(value)).to.equal(`<token len=17 starts=Zq9… sha256=${sha.slice(0, 8)}>`);
    expect(tokenShape('Zq9xLiveToken_124')).to.not.equal(tokenShape(value));
  });

  it('hides every standing occurrence of a password, its punctuation taken literally', () => {
    registerCredential('p.ss+w');
    expect(redact('p.ss+w and p.ss+w, not pxss+w or pxsssw')).to.equal('<credential> and <credential>, not pxss+w or pxsssw');
  });

  it('ignores an empty password', () => {
    registerCredential('');
    expect(redact('a b')).to.equal('a b');
  });
});
