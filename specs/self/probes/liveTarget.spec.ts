// The probe engine against a separately started reference provider treated as a live target:
// with a login it chains tokens and leaves a valid one; with the corp login's credentials too,
// all three endpoints are probed and judged and the corp login's tokens are refreshed; with only REFRESH_TOKEN it still
// chains; what only the embedded provider can provoke is skipped with a reason; the
// findings file validates against its schema (the closed-port exit code is proven through the launcher in specs/self/gate).

import { expect } from 'chai';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAjv } from '../../../src/validation/jsonBody.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { send } from '../../../src/http/client.ts';
import { DEFAULT_CORP_USERS, DEFAULT_USERS, startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { startRun, type Run } from '../../../src/run/context.ts';
import { writeFindings } from '../../../src/run/report.ts';
import { runProbes, type ProbeRun } from '../../../src/probes/runner.ts';
import { REFRESH_PATH } from '../../../src/target/paths.ts';
import { loadJsonSchemaFile } from '../../../src/schemas/load.ts';

async function refreshes(run: Run, token: string): Promise<number | undefined> {
  const outcome = await send(run.target.url, { method: 'POST', path: REFRESH_PATH, headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify({ refresh_token: token }) }, run.http);
  return outcome.response?.status;
}

function failures(probed: ProbeRun): string[] {
  return [...probed.results.values()].flatMap((r) => r.findings).filter((f) => f.status === 'fail' && f.level === 'MUST').map((f) => `${f.check} ${f.caseId} [${f.mediaType}]: ${f.message}`);
}

describe('probe engine against a live target', function () {
  this.timeout(30_000);
  let provider: ReferenceProvider;
  before(async () => {
    provider = await startReferenceProvider();
  });
  after(() => provider.stop());

  describe('with a login', () => {
    let run: Run;
    let probed: ProbeRun;
    before(async () => {
      const user = DEFAULT_USERS[0]!;
      run = await startRun(loadConfig({ TARGET_URL: provider.url, LOGIN_COMPANY: user.company, LOGIN_USERNAME: user.username, LOGIN_PASSWORD: user.password, REPORTS_DIR: mkdtempSync(join(tmpdir(), 'findings-')) }));
      probed = await runProbes(run);
    });

    it('logs in, chains every 200 probe and finds no MUST failure', () => {
      expect(failures(probed)).to.deep.equal([]);
      const ok = [...probed.results.values()].filter((r) => r.probe.probeCase.token?.kind === 'chain');
      expect(ok.map((r) => r.exchanges[0]?.response?.status)).to.deep.equal(ok.map(() => 200));
    });

    it('judges every 200 token exchange against the login\'s user (token.semantics)', () => {
      const user = DEFAULT_USERS[0]!;
      const refreshes200 = [...probed.results.values()].flatMap((r) => r.exchanges).filter((e) => e.response?.status === 200);
      expect(refreshes200.length).to.be.above(10);
      expect(refreshes200.every((e) => e.identity?.company === user.company && e.identity.username === user.username)).to.equal(true);
      const semantics = [...probed.results.values()].flatMap((r) => r.findings).filter((f) => f.check === 'token.semantics');
      expect(semantics.length).to.be.above(10);
      expect(semantics.every((f) => f.status === 'pass' && f.title.endsWith('and the user is the login\'s'))).to.equal(true);
    });

    it('leaves a valid refresh token at the end', async () => {
      const last = run.tokens.last();
      expect(last, 'a last token').to.be.a('string');
      expect(await refreshes(run, last!)).to.equal(200);
    });

    it('skips the expired and 500 probes, and the corp login without CORP_LOGIN_*, with the reason', () => {
      const skipped = [...probed.results.values()].filter((r) => r.skipReason);
      const corp = skipped.filter((r) => r.probe.probeCase.role === 'documented');
      expect(new Set(skipped.map((r) => r.probe.probeCase.role))).to.deep.equal(new Set(['expired', 'server-error', 'documented']));
      expect(corp.map((r) => r.probe.key)).to.deep.equal([
        ...['ok.json-body', 'ok.xml-body'].flatMap((id) => ['application/json', 'text/json', 'application/xml', 'text/xml'].map((m) => `corp-login ${id} [${m}]`)),
        'refresh-token ok.corp-login-token.json-body [application/json]', 'refresh-token ok.corp-login-token.xml-body [application/xml]',
      ]);
      expect(corp.every((r) => r.skipReason === 'no credentials for POST api/v1/auth/corp/login: set CORP_LOGIN_GROUP_ID, CORP_LOGIN_USERNAME and CORP_LOGIN_PASSWORD')).to.equal(true);
      expect(skipped.every((r) => r.findings[0]?.status === 'skip' && r.findings[0].title.length > 10 && r.findings[0].message === '')).to.equal(true);
    });

    it('probes and judges the corp login\'s credential-free cases all the same (wrong credentials, inputs, hostile values)', () => {
      const corp = [...probed.results.values()].filter((r) => r.probe.endpoint.name === 'corp-login' && !r.skipReason);
      expect(corp.length).to.be.above(40);
      expect(corp.every((r) => r.exchanges.length === 1 && r.findings.every((f) => f.endpoint === 'POST api/v1/auth/corp/login'))).to.equal(true);
    });

    it('writes findings.json valid against schemas/findings.schema.json', () => {
      const file = writeFindings(run);
      const validate = createAjv().compile(loadJsonSchemaFile('findings.schema.json'));
      const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).to.deep.equal([]);
      expect(ok).to.equal(true);
    });
  });

  it('chains from REFRESH_TOKEN alone and leaves a valid token', async () => {
    const run = await startRun(loadConfig({ TARGET_URL: provider.url, REFRESH_TOKEN: provider.issueRefreshToken() }));
    const probed = await runProbes(run);
    expect(failures(probed)).to.deep.equal([]);
    expect(await refreshes(run, run.tokens.last()!)).to.equal(200);
    // Whose a given token is, the run does not know: token.semantics judges all but the user.
    expect([...probed.results.values()].flatMap((r) => r.exchanges).some((e) => e.identity)).to.equal(false);
    // A replay could revoke the given token's family, so the rotation probes wait for a login.
    const rotation = [...probed.results.values()].filter((r) => r.probe.probeCase.role === 'rotation');
    expect(rotation.length).to.be.above(0);
    expect(rotation.every((r) => r.skipReason?.includes('LOGIN_COMPANY'))).to.equal(true);
  });

  it('with LOGIN_* and CORP_LOGIN_*, probes and judges all three endpoints, refreshing the corp login\'s tokens too', async () => {
    const user = DEFAULT_USERS[0]!;
    const corp = DEFAULT_CORP_USERS[0]!;
    const run = await startRun(loadConfig({
      TARGET_URL: provider.url, LOGIN_COMPANY: user.company, LOGIN_USERNAME: user.username, LOGIN_PASSWORD: user.password,
      CORP_LOGIN_GROUP_ID: String(corp.groupId), CORP_LOGIN_USERNAME: corp.username, CORP_LOGIN_PASSWORD: corp.password,
    }));
    const probed = await runProbes(run);
    expect(failures(probed)).to.deep.equal([]);
    const results = [...probed.results.values()];
    const skipped = results.filter((r) => r.skipReason);
    expect(new Set(skipped.map((r) => r.probe.probeCase.role)), 'only what the embedded provider alone can provoke').to.deep.equal(new Set(['expired', 'server-error']));
    for (const endpoint of run.endpoints) {
      const judged = results.filter((r) => r.probe.endpoint === endpoint && !r.skipReason);
      expect(judged.length, endpoint.id).to.be.above(30);
      expect(judged.some((r) => r.exchanges.some((e) => e.response?.status === 200)), `${endpoint.id} answered 200`).to.equal(true);
    }
    const corpFamily = results.filter((r) => r.probe.probeCase.id.startsWith('ok.corp-login-token.'));
    expect(corpFamily.map((r) => r.exchanges[0]?.response?.status)).to.deep.equal([200, 200]);
    expect(corpFamily.every((r) => r.exchanges[0]?.identity?.username === corp.username)).to.equal(true);
  });

  it('skips the 200 probes without credentials, naming the variables', async () => {
    const run = await startRun(loadConfig({ TARGET_URL: provider.url }));
    const probed = await runProbes(run);
    const ok = [...probed.results.values()].filter((r) => r.probe.probeCase.token?.kind === 'chain');
    expect(ok.every((r) => r.skipReason?.includes('REFRESH_TOKEN'))).to.equal(true);
  });
});
