// The token chain: a broken chain (a refused token, or a refresh whose answer was lost) starts a
// fresh family from its source; without a source the probes that need it are skipped with the
// reason; a source that failed for good (a login that gives no refresh token) is not retried.

import { expect } from 'chai';
import { TokenChain, TokenSourceError, type TokenSource } from '../../../src/run/tokens.ts';

/** A source handing out `family-1`, `family-2`, ..., or failing with the errors given, in turn. */
function source(...failures: (TokenSourceError | undefined)[]): TokenSource & { calls: number } {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async obtain() {
      calls += 1;
      const failure = failures[calls - 1];
      if (failure) throw failure;
      return `family-${calls}`;
    },
  };
}

const LOST = 'the answer to the refresh in ok.json-body [text/json] was lost (no complete response within 5000 ms), so whether the server rotated the chain\'s token is unknown';

describe('token chain', () => {
  it('starts a fresh token family when the chain breaks on a lost answer', async () => {
    const from = source();
    const chain = new TokenChain(undefined, from);
    expect(await chain.current()).to.equal('family-1');
    chain.broken(LOST);
    expect(await chain.current()).to.equal('family-2');
    expect(chain.skipReason()).to.equal(undefined);
  });

  it('without a source, skips with the lost answer as the reason and asks for a login', async () => {
    const chain = new TokenChain('given-token', undefined);
    chain.broken(LOST);
    expect(await chain.current()).to.equal(undefined);
    expect(chain.skipReason()).to.equal(`${LOST}; set LOGIN_* so the suite can log in again`);
  });

  it('does not retry a source that failed for good, and says why', async () => {
    const from = source(new TokenSourceError('the login gave no usable refresh token', true));
    const chain = new TokenChain(undefined, from);
    expect(await chain.current()).to.equal(undefined);
    expect(await chain.current()).to.equal(undefined);
    expect(await chain.independent()).to.equal(undefined);
    expect(from.calls).to.equal(1);
    expect(chain.skipReason()).to.equal('the login gave no usable refresh token');
  });

  it('no false positive: a passing failure of the source is tried again', async () => {
    const from = source(new TokenSourceError('login got no complete answer'));
    const chain = new TokenChain(undefined, from);
    expect(await chain.current()).to.equal(undefined);
    expect(chain.skipReason()).to.equal('login got no complete answer');
    expect(await chain.current()).to.equal('family-2');
    expect(chain.failure()).to.equal(undefined);
  });
});
