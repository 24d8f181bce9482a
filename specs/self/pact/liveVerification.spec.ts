// Verification the way it runs against a live server, with the reference provider standing in:
// the 200 interactions get the token chain's refresh token injected, every rotation is handed
// over so the chain ends on a valid token, states a live server cannot arrange are skipped with
// the reason, the verifier never sees a live token, and a state handler that throws fails the
// interactions of its state instead of stopping the run. A refresh whose answer is lost breaks
// the chain (its token's state is unknown) instead of leaving it a token that may be spent.

import { expect } from 'chai';
import { callTokenEndpoint } from '../../../src/pact/client.ts';
import { STATES } from '../../../src/pact/interactions.ts';
import { packageEndpoints } from '../../../src/endpoints/packageEndpoints.ts';
import { liveCredentials } from '../../../src/pact/verify/credentials.ts';
import { liveArrangements } from '../../../src/pact/verify/states.ts';
import { knownSecrets } from '../../../src/redaction/redactor.ts';
import { verifyContract } from '../../../src/pact/verify/verifyContract.ts';
import { DEFAULT_CORP_USERS, DEFAULT_USERS, startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { TokenChain } from '../../../src/run/tokens.ts';
import { forwardTo, httpTarget } from '../hostile/hostileServers.ts';
import { writeSubset } from '../../../src/pact/contractFile.ts';
import { HTTP, recordContract, startStub, writeTemp } from './support.ts';

describe('contract verification against a live server', function () {
  let contract: string;
  let provider: ReferenceProvider;

  before(async () => {
    contract = writeTemp(await recordContract('backing-field'));
  });
  beforeEach(async () => {
    provider = await startReferenceProvider();
  });
  afterEach(() => provider.stop());

  it('injects the chain token, hands every rotation over and leaves a valid token', async () => {
    const first = provider.issueRefreshToken();
    const chain = new TokenChain(first, undefined);
    const seen: string[] = [];
    const verdicts = await verifyContract({
      contractFile: contract,
      targetUrl: `${provider.url}/`,
      arrangements: liveArrangements(chain, await chain.current()),
      http: HTTP,
      onIssued: (issued) => {
        seen.push(issued.refreshToken!);
        chain.handOver(issued.refreshToken!);
      },
    });
    expect(verdicts.filter((v) => v.status === 'fail')).to.deep.equal([]);
    expect(seen).to.have.length(2);
    expect(chain.last() === first, 'the chain moved on').to.equal(false);
    const refresh = packageEndpoints().find((e) => e.role === 'refreshing')!;
    expect((await callTokenEndpoint(provider.url, refresh, 'json', { refresh_token: chain.last()! })).status, 'the last token still works').to.equal(200);
    const verifierSaw = JSON.stringify(verdicts);
    for (const token of [first, ...seen]) expect(verifierSaw.includes(token)).to.equal(false);
  });

  it('reports a refresh whose answer was lost, and skips the valid-token interactions the chain then cannot arrange', async () => {
    let swallowed = 0;
    const front = await httpTarget(forwardTo(provider.url, (req, _body, answer) => answer.statusCode === 200 && /refresh-token$/.test(req.url ?? '') && swallowed++ === 0));
    try {
      const chain = new TokenChain(provider.issueRefreshToken(), undefined);
      const lost: string[] = [];
      const verdicts = await verifyContract({
        contractFile: contract, targetUrl: front.url, arrangements: liveArrangements(chain, await chain.current()), http: { ...HTTP, timeoutMs: 500 },
        onIssued: (issued) => chain.handOver(issued.refreshToken!),
        onLost: (why) => {
          lost.push(why);
          chain.broken(`a contract refresh was lost (${why})`);
        },
      });
      expect(lost).to.deep.equal(['no complete response within 500 ms']);
      const failed = verdicts.filter((v) => v.status === 'fail');
      expect(failed.map((v) => v.interaction), 'the lost refresh\'s own failure').to.deep.equal(['a JSON refresh with a valid refresh token']);
      expect(failed[0]!.message).to.contain('502');
      const unarranged = verdicts.filter((v) => v.message.startsWith('a contract refresh was lost'));
      expect(unarranged.map((v) => `${v.status} ${v.interaction}`)).to.deep.equal(['skip an XML refresh with a valid refresh token']);
      expect(unarranged[0]!.message).to.equal('a contract refresh was lost (no complete response within 500 ms); set LOGIN_* so the suite can log in again');
      expect(JSON.stringify(verdicts), 'a 401 verdict').not.to.match(/but was 401/);
    } finally {
      await front.close();
    }
  });

  it('skips what a live server cannot arrange, with the reason', async () => {
    const chain = new TokenChain(undefined, undefined);
    const verdicts = await verifyContract({ contractFile: contract, targetUrl: `${provider.url}/`, arrangements: liveArrangements(chain, undefined), http: HTTP });
    const skipped = verdicts.filter((v) => v.status === 'skip');
    expect(skipped.map((v) => v.message)).to.include('a token store outage cannot be arranged on a live server')
      .and.include('an expired refresh token cannot be arranged on a live server')
      .and.satisfy((messages: string[]) => messages.some((m) => m.includes('REFRESH_TOKEN')));
    // Refresh: expired and outage (4), the valid-token ones without a token (4); each issuing endpoint: its valid credentials without LOGIN_* / CORP_LOGIN_* and its outage (4 each).
    expect(skipped).to.have.length(16);
    expect(verdicts.filter((v) => v.status === 'fail')).to.deep.equal([]);
  });

  const LOGIN = { company: DEFAULT_USERS[0]!.company, username: DEFAULT_USERS[0]!.username, password: DEFAULT_USERS[0]!.password, path: 'api/v1/auth/login' };
  const CORP = { groupId: String(DEFAULT_CORP_USERS[0]!.groupId), username: DEFAULT_CORP_USERS[0]!.username, password: DEFAULT_CORP_USERS[0]!.password };
  const verdictOf = (verdicts: { interaction: string }[], description: string) => verdicts.find((v) => v.interaction === description);

  it('logs in with LOGIN_*, and skips the corp login\'s valid-credentials interactions without CORP_LOGIN_*, with the reason', async () => {
    const chain = new TokenChain(provider.issueRefreshToken(), undefined);
    const verdicts = await verifyContract({ contractFile: contract, targetUrl: `${provider.url}/`, arrangements: liveArrangements(chain, await chain.current(), liveCredentials({ login: LOGIN })), http: HTTP, onIssued: (issued) => chain.handOver(issued.refreshToken!) });
    for (const format of ['a JSON', 'an XML']) {
      expect(verdictOf(verdicts, `${format} login with valid credentials`)).to.include({ status: 'pass' });
      expect(verdictOf(verdicts, `${format} corp-login with valid credentials`)).to.deep.include({ status: 'skip', message: 'no credentials for POST api/v1/auth/corp/login: set CORP_LOGIN_GROUP_ID, CORP_LOGIN_USERNAME and CORP_LOGIN_PASSWORD' });
      expect(verdictOf(verdicts, `${format} login while the token store is down`)).to.include({ status: 'skip', message: 'a token store outage cannot be arranged on a live server' });
    }
    expect(verdicts.filter((v) => v.status === 'fail')).to.deep.equal([]);
    expect(JSON.stringify(verdicts)).to.not.include(LOGIN.password);
  });

  it('logs in with CORP_LOGIN_* too (the group id sent as the integer the doc types), and the tokens the logins issued reach neither Pact nor the verdicts', async () => {
    const chain = new TokenChain(provider.issueRefreshToken(), undefined);
    const secretsBefore = knownSecrets().length;
    const verdicts = await verifyContract({ contractFile: contract, targetUrl: `${provider.url}/`, arrangements: liveArrangements(chain, await chain.current(), liveCredentials({ login: LOGIN, corpLogin: CORP })), http: HTTP, onIssued: (issued) => chain.handOver(issued.refreshToken!) });
    for (const description of ['a JSON login with valid credentials', 'an XML login with valid credentials', 'a JSON corp-login with valid credentials', 'an XML corp-login with valid credentials']) {
      expect(verdictOf(verdicts, description), description).to.include({ status: 'pass' });
    }
    // Each 200 (two refreshes, four logins) taught the redactor an access and a refresh token.
    const learned = knownSecrets().slice(secretsBefore);
    expect(learned.length).to.be.at.least(12);
    const text = JSON.stringify(verdicts);
    for (const secret of [...learned, CORP.password]) expect(text.includes(secret)).to.equal(false);
  });

  it('fails an interaction whose answer exceeds MAX_RESPONSE_BYTES with that reason, instead of handing Pact the cut body', async () => {
    const stub = await startStub('application/json; charset=utf-8', JSON.stringify({ Message: 'x'.repeat(4096) }), 401);
    try {
      const subset = writeSubset(contract, (i) => i.description === 'a JSON login with credentials no user has');
      const [verdict] = await verifyContract({ contractFile: subset, targetUrl: `${stub.url}/`, arrangements: liveArrangements(new TokenChain(undefined, undefined), undefined), http: { ...HTTP, maxResponseBytes: 1024 } });
      expect(verdict).to.include({ status: 'fail' });
      expect(verdict!.message).to.include('502');
    } finally {
      await stub.close();
    }
  });

  it('fails the interactions of a state whose handler throws, and runs the rest', async () => {
    const chain = new TokenChain(provider.issueRefreshToken(), undefined);
    const arrangements = { ...liveArrangements(chain, await chain.current()), [STATES.unknownToken]: { setup: () => { throw new Error('state store offline'); } } };
    const verdicts = await verifyContract({ contractFile: contract, targetUrl: `${provider.url}/`, arrangements, http: HTTP, onIssued: (issued) => chain.handOver(issued.refreshToken!) });
    const failed = verdicts.filter((v) => v.status === 'fail');
    expect(failed.map((v) => v.interaction)).to.deep.equal(['a JSON refresh with an unknown refresh token', 'an XML refresh with an unknown refresh token']);
    expect(failed[0]!.message).to.include('arranging "the refresh token is unknown" failed: state store offline');
    // 6 refresh interactions, and per issuing endpoint its unknown-credentials and missing-password ones in both formats.
    expect(verdicts.filter((v) => v.status === 'pass')).to.have.length(14);
  });
});
