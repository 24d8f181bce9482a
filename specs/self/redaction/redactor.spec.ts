// The redactor hides live tokens wherever they appear and passwords where they stand alone,
// so a short password that is also a word ("consinco") does not mangle names that contain it.

import { expect } from 'chai';
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
});
