// Token lifecycle: login issues a pair, a refresh rotates the refresh token and the used one
// is refused afterwards, refresh tokens expire, and the state controls (issue, expired,
// reset) behave as Pact provider states expect.

import { expect } from 'chai';
import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_USERS, ReferenceConfigError, startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { MEDIA_TYPES, jsonObject, login, member, refresh, refreshTokenOf } from './support.ts';

describe('reference provider: token lifecycle', () => {
  let provider: ReferenceProvider;
  before(async () => {
    provider = await startReferenceProvider({ refreshTokenLifetimeSec: 0.3, accessTokenLifetimeSec: 60 });
  });
  after(() => provider.stop());

  for (const mediaType of MEDIA_TYPES) {
    it(`rotates the refresh token and refuses the used one with 401 (${mediaType})`, async () => {
      const first = refreshTokenOf(await login(provider, mediaType));
      const renewed = await refresh(provider, first, mediaType);
      expect(renewed.status).to.equal(200);
      const second = refreshTokenOf(renewed);
      expect(second.length).to.equal(43);
      expect(second === first).to.equal(false);
      expect((await refresh(provider, second, mediaType)).status).to.equal(200);
      expect((await refresh(provider, first, mediaType)).status).to.equal(401);
    });
  }

  it('revokes the whole token family when a used refresh token is replayed (RFC 9700 §4.14.2)', async () => {
    const first = provider.issueRefreshToken();
    const second = refreshTokenOf(await refresh(provider, first));
    expect((await refresh(provider, first)).status).to.equal(401);
    expect((await refresh(provider, second)).status).to.equal(401);
  });

  it('keeps other families valid when one is revoked', async () => {
    const other = provider.issueRefreshToken();
    const first = provider.issueRefreshToken();
    await refresh(provider, first);
    await refresh(provider, first);
    expect((await refresh(provider, other)).status).to.equal(200);
  });

  it('refuses a refresh token after its lifetime with 401', async () => {
    const token = provider.issueRefreshToken();
    await delay(400);
    expect((await refresh(provider, token)).status).to.equal(401);
  });

  it('refuses the known-but-expired token of expiredRefreshToken() with 401', async () => {
    expect((await refresh(provider, provider.expiredRefreshToken())).status).to.equal(401);
  });

  it('derives expiresIn and .expires from the access token lifetime', async () => {
    const body = jsonObject(await login(provider));
    expect(body[member('expires_in').jsonBackingField]).to.equal('59');
    const span = Date.parse(String(body[member('.expires').jsonBackingField])) - Date.parse(String(body[member('.issued').jsonBackingField]));
    expect(span).to.equal(60_000);
  });

  it('issues tokens for a named user without HTTP, and refuses an unknown one', async () => {
    const seller = DEFAULT_USERS[1]!;
    const body = jsonObject(await refresh(provider, provider.issueRefreshToken(seller.username.toLowerCase())));
    expect(body[member('username').jsonBackingField]).to.equal(seller.username);
    expect(body[member('isExt').jsonBackingField]).to.equal(true);
    expect(() => provider.issueRefreshToken('nobody')).to.throw(ReferenceConfigError);
  });

  it('forgets every token on reset()', async () => {
    const token = provider.issueRefreshToken();
    provider.reset();
    expect((await refresh(provider, token)).status).to.equal(401);
  });

  it('counts requests', async () => {
    const before = provider.requestCount;
    await login(provider);
    expect(provider.requestCount).to.equal(before + 1);
  });
});

describe('reference provider: configuration', () => {
  it('serves configured users', async () => {
    const provider = await startReferenceProvider({ users: [{ company: '7', username: 'ANA', password: 'p', name: 'Ana', ADUser: 'CORP\\ana' }] });
    try {
      const res = await fetch(`${provider.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"company":"7","username":"ana","password":"p"}' });
      const body = (await res.json()) as Record<string, unknown>;
      expect(body[member('name').jsonBackingField]).to.equal('Ana');
      expect(body[member('id').jsonBackingField]).to.equal(0);
      expect(body[member('loginId').jsonBackingField]).to.equal(null);
    } finally {
      await provider.stop();
    }
  });

  for (const [name, options] of [
    ['a profile member the doc does not have', { users: [{ company: '1', username: 'A', password: 'p', nickname: 'x' }] }],
    ['a profile value of the wrong type', { users: [{ company: '1', username: 'A', password: 'p', id: '1' }] }],
    ['a session member in a profile', { users: [{ company: '1', username: 'A', password: 'p', accessToken: 'x' }] }],
    ['no users', { users: [] }],
    ['a naming that does not exist', { naming: 'camel' as 'documented' }],
    ['a negative lifetime', { refreshTokenLifetimeSec: -1 }],
  ] as const) {
    it(`refuses ${name}`, async () => {
      const error = await startReferenceProvider(options).then(
        async (p) => (await p.stop(), undefined),
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(ReferenceConfigError);
    });
  }
});
