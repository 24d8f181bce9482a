// The login as evidence, the way users meet it (the launcher in a child process): a login that
// answers 200 without a usable refresh token is a finding (exit 1), tried in the other format
// first; when neither format gives a token, the probes that need the chain are skipped with the
// reason; refused credentials stay a configuration problem (exit 2) naming the LOGIN_* variables.

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, FindingsReport } from '../../../src/findings/types.ts';
import { DEFAULT_USERS, startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { forwardTo, httpTarget, type HostileServer } from '../hostile/hostileServers.ts';
import { runGate, type GateRun } from './gateRun.ts';
import { expandProbes } from '../../../src/probes/cases.ts';

const REFRESH = 'POST api/v1/auth/refresh-token';
/** The refresh-token's probes that need a token from the login: the chain's, the rotation's, the login family's (the corp login's need CORP_LOGIN_*). */
const needsLogin = (caseId: string) => !caseId.startsWith('ok.corp-login-token.');
const probesOf = (prefix: string) => expandProbes().filter((p) => p.endpoint.id === REFRESH && p.probeCase.id.startsWith(prefix) && needsLogin(p.probeCase.id)).length;
const refreshFindings = (run: GateRun, prefix: string) => report(run).results.filter((r) => r.endpoint === REFRESH && r.caseId.startsWith(prefix) && needsLogin(r.caseId));

const user = DEFAULT_USERS[0]!;
const login = (password = user.password) => ({ LOGIN_COMPANY: user.company, LOGIN_USERNAME: user.username, LOGIN_PASSWORD: password });
const report = (run: GateRun) => JSON.parse(readFileSync(join(run.reportsDir, 'findings.json'), 'utf8')) as FindingsReport;
const loginFinding = (run: GateRun, check: string, mediaType: string): Finding | undefined => report(run).results.find((r) => r.caseId === 'login' && r.check === check && r.mediaType === mediaType);
const output = (run: GateRun) => `${run.stdout.slice(-3000)}\n${run.stderr}`;

describe('login as evidence (the launcher in a child process)', function () {
  this.timeout(90_000);
  let clean: ReferenceProvider;
  let tokenless: ReferenceProvider;
  let jsonTokenless: HostileServer;
  let xmlFallback: GateRun;
  let neither: GateRun;
  let refused: GateRun;

  before(async () => {
    clean = await startReferenceProvider();
    tokenless = await startReferenceProvider({ faults: ['no-refresh-token'] });
    // The JSON login answers 200 without a refresh token; the XML login and everything else work.
    const toClean = forwardTo(clean.url);
    const toTokenless = forwardTo(tokenless.url);
    jsonTokenless = await httpTarget((req, res) => (/\/login$/.test(req.url ?? '') && req.headers.accept === 'application/json' ? toTokenless : toClean)(req, res));
    [xmlFallback, neither, refused] = await Promise.all([
      runGate({ TARGET_URL: jsonTokenless.url, ...login() }),
      runGate({ TARGET_URL: tokenless.url, ...login() }),
      runGate({ TARGET_URL: clean.url, ...login('wrong password') }),
    ]);
  });
  after(async () => {
    await jsonTokenless?.close();
    await clean?.stop();
    await tokenless?.stop();
  });

  it('reports a JSON login without a refresh token (exit 1), logs in with XML and runs the chain', () => {
    expect(xmlFallback.code, output(xmlFallback)).to.equal(1);
    expect(loginFinding(xmlFallback, 'token.issued', 'application/json')).to.deep.include({ status: 'fail', level: 'MUST', title: '200 without a usable refresh token' });
    expect(loginFinding(xmlFallback, 'token.issued', 'application/xml')?.status).to.equal('pass');
    expect(loginFinding(xmlFallback, 'body.schema', 'application/xml')?.status, 'the XML login judged like a refresh').to.equal('pass');
    expect(loginFinding(xmlFallback, 'headers.no-store', 'application/json')?.status).to.equal('pass');
    const failing = report(xmlFallback).results.filter((r) => r.status === 'fail').map((r) => `${r.check} ${r.caseId} [${r.mediaType}]`);
    // The login endpoint's own probes that ask for JSON meet the same tokenless answer.
    expect(failing.sort(), 'failing findings besides the login').to.deep.equal(['token.issued login [application/json]', 'token.issued ok.json-body [application/json]', 'token.issued ok.xml-body [application/json]']);
    const chain = refreshFindings(xmlFallback, 'ok.').filter((r) => r.check === 'status.documented');
    expect(chain.map((r) => r.status)).to.deep.equal(Array(probesOf('ok.')).fill('pass'));
    expect(readFileSync(join(xmlFallback.reportsDir, 'summary.md'), 'utf8'), 'the login row of the matrix').to.match(/^\| login \|/m);
  });

  it('with no token in either format, exits 1 on the finding and skips the chain\'s probes with the reason', () => {
    expect(neither.code, output(neither)).to.equal(1);
    for (const mediaType of ['application/json', 'application/xml']) expect(loginFinding(neither, 'token.issued', mediaType)?.status, mediaType).to.equal('fail');
    const chain = [...refreshFindings(neither, 'ok.'), ...refreshFindings(neither, 'unauthorized.used-token')];
    expect(chain.length).to.equal(probesOf('ok.') + probesOf('unauthorized.used-token'));
    for (const r of chain) {
      expect(r.status, `${r.caseId} [${r.mediaType}]`).to.equal('skip');
      expect(r.title).to.match(/the login at api\/v1\/auth\/login gave no usable refresh token \(application\/json answered 200 without a usable refresh token; application\/xml answered 200 without a usable refresh token\)/);
    }
    expect(output(neither)).not.to.contain('configuration is invalid');
  });

  it('keeps refused credentials a configuration problem: exit 2 naming the LOGIN_* variables', () => {
    expect(refused.code, output(refused)).to.equal(2);
    expect(refused.stderr).to.match(/^Could not test: the configuration is invalid\. LOGIN_USERNAME: login at api\/v1\/auth\/login \(application\/json\) answered 401: .*check LOGIN_COMPANY, LOGIN_USERNAME, LOGIN_PASSWORD and LOGIN_PATH/m);
    expect(refused.stderr + refused.stdout, 'the password').not.to.contain('wrong password');
  });
});
