// The endpoint set end to end, through the launcher as a user runs it: HELP_URL at a standalone
// reference provider's own /Help discovers every endpoint it serves (the three auth actions and
// its generic page) and runs them all, with both credential sets; ENDPOINTS narrows the set;
// an ENDPOINTS pattern that selects nothing, or a DOCS page that does not read, is exit 2
// before any request.

import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FindingsReport } from '../../../src/findings/types.ts';
import { DEFAULT_CORP_USERS, DEFAULT_USERS, startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { runGate } from './gateRun.ts';

const user = DEFAULT_USERS[0]!;
const corp = DEFAULT_CORP_USERS[0]!;
const CREDENTIALS = {
  LOGIN_COMPANY: user.company, LOGIN_USERNAME: user.username, LOGIN_PASSWORD: user.password,
  CORP_LOGIN_GROUP_ID: String(corp.groupId), CORP_LOGIN_USERNAME: corp.username, CORP_LOGIN_PASSWORD: corp.password,
};
const AUTH = ['POST api/v1/auth/login', 'POST api/v1/auth/corp/login', 'POST api/v1/auth/refresh-token'];
const GENERIC = 'POST api/TablesManagement/ADUModel?pType={pType}';

const reportOf = (reportsDir: string) => JSON.parse(readFileSync(join(reportsDir, 'findings.json'), 'utf8')) as FindingsReport;

describe('the endpoint set, through the launcher', function () {
  this.timeout(180_000);
  let provider: ReferenceProvider;
  before(async () => {
    provider = await startReferenceProvider();
  });
  after(() => provider.stop());

  it('HELP_URL at the provider\'s /Help discovers its four endpoints and judges them all (exit 0)', async () => {
    const run = await runGate({ TARGET_URL: `${provider.url}/`, HELP_URL: `${provider.url}/Help`, ...CREDENTIALS });
    expect(run.code, run.stdout.slice(-3000)).to.equal(0);
    const report = reportOf(run.reportsDir);
    expect(report.endpoints.map((e) => e.id).sort()).to.deep.equal([...AUTH, GENERIC].sort());
    expect(Object.fromEntries(report.endpoints.map((e) => [e.id, e.role]))).to.deep.include({ [AUTH[0]!]: 'issuing', [AUTH[1]!]: 'issuing', [AUTH[2]!]: 'refreshing', [GENERIC]: 'generic' });
    for (const id of AUTH) {
      const passed200 = report.results.filter((f) => f.endpoint === id && f.caseId.startsWith('ok.') && f.check === 'status.documented' && f.status === 'pass');
      expect(passed200.length, `${id}: judged 200s`).to.be.above(3);
      expect(report.endpoints.find((e) => e.id === id)!.naming?.verdict, `${id}: naming`).to.equal('backing-field');
    }
    // The generic page's accepted requests would act on a live server: skipped with the reason, its refusals judged.
    const generic = report.results.filter((f) => f.endpoint === GENERIC);
    expect(generic.filter((f) => f.caseId.startsWith('ok.')).every((f) => f.status === 'skip' && f.title.includes('would act on the live server'))).to.equal(true);
    expect(generic.some((f) => f.caseId.startsWith('input.') && f.check === 'status.documented' && f.status === 'pass')).to.equal(true);
    expect(run.stdout).to.contain(`${GENERIC} (generic`);
  });

  it('ENDPOINTS narrows the set to the two logins', async () => {
    const run = await runGate({ TARGET_URL: `${provider.url}/`, ENDPOINTS: 'POST api/v1/auth/*login,api/v1/auth/corp/login', ...CREDENTIALS });
    expect(run.code, run.stdout.slice(-3000)).to.equal(0);
    expect(reportOf(run.reportsDir).endpoints.map((e) => e.id)).to.deep.equal([AUTH[0], AUTH[1]]);
  });

  it('refuses an ENDPOINTS pattern that selects nothing, and a DOCS page that does not read (exit 2, before any request)', async () => {
    const before = provider.requestCount;
    const none = await runGate({ TARGET_URL: `${provider.url}/`, ENDPOINTS: 'GET api/v2/nothing' });
    expect(none.code).to.equal(2);
    expect(none.stderr).to.contain('ENDPOINTS: "GET api/v2/nothing" matches no endpoint of the doc set');
    const dir = mkdtempSync(join(tmpdir(), 'bad-docs-'));
    writeFileSync(join(dir, 'broken.help.txt'), 'POST api/x\nnot a help page\n');
    const broken = await runGate({ TARGET_URL: `${provider.url}/`, DOCS: dir });
    expect(broken.code).to.equal(2);
    expect(broken.stderr).to.match(/DOCS: 1 Help Page\(s\) do not read: .*broken\.help\.txt/);
    // The preflight only: the doc set is read before any probe.
    expect(provider.requestCount - before).to.be.at.most(2);
  });
});
