// Runs a team can aim, proven on the wire: the gate runs against a reference provider this test
// starts on loopback, every request through a forward proxy (HTTP_PROXY) that records it. The
// preview (`--list`) sends nothing and names exactly the requests the run then sends;
// ONLY=group:documented sends no hostile body; PROFILE=production keeps its rate and login budget.

import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FindingsReport } from '../../../src/findings/types.ts';
import { bodyShape, PASSWORD_MASK, type Preview } from '../../../src/plan/preview.ts';
import { expandProbes } from '../../../src/probes/cases.ts';
import { buildRequest } from '../../../src/probes/request.ts';
import { startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { readIssuedTokens } from '../../../src/target/issuedTokens.ts';
import { startForwardProxy, type ForwardProxy, type ProxiedRequest } from '../support/forwardProxy.ts';
import { selfSignedCertificate, selfSignedTarget } from '../hostile/hostileServers.ts';
import { runGate } from './gateRun.ts';

const PASSWORD = 'consinco';
const LOGIN = { LOGIN_COMPANY: '1', LOGIN_USERNAME: 'ADMIN', LOGIN_PASSWORD: PASSWORD };

/** Sorted keys, so a JSON body re-serialized by Pact's verifier compares by content. */
function canonical(body: string): string {
  try {
    const sort = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sort(x)])) : v);
    return JSON.stringify(sort(JSON.parse(body)));
  } catch {
    return body;
  }
}

type Row = string;
const row = (method: string, path: string, accept: string, contentType: string, body: string): Row => JSON.stringify([method, path.replace(/^\/+/, ''), accept, contentType.replace(/;.*$/, ''), canonical(body)]);

/** What the proxy saw, with every token the target issued (read from its answers) masked like a preview. */
function recordedRows(requests: readonly ProxiedRequest[]): Row[] {
  const secrets = requests.flatMap((r) => {
    const issued = r.responseBody ? readIssuedTokens(r.responseBody) : {};
    return [issued.refreshToken, issued.accessToken].filter((t): t is string => t !== undefined);
  });
  return requests.map((r) => row(r.method, new URL(r.url).pathname, String(r.headers['accept'] ?? ''), String(r.headers['content-type'] ?? ''),
    bodyShape(r.body.split(PASSWORD).join(PASSWORD_MASK), secrets)));
}

function previewRows(preview: Preview): Row[] {
  return preview.requests.map((r) => row(r.method, r.path, r.accept, r.contentType, r.body));
}

const sorted = (rows: Row[]) => [...rows].sort();

/** Logins with the configured credentials (probes with credentials no user has are no login: no account is at stake). */
const logins = (requests: readonly ProxiedRequest[]) => requests.filter((r) => r.url.endsWith('/api/v1/auth/login') && r.body.includes(PASSWORD));

describe('aimed runs, on the wire', function () {
  this.timeout(120_000);
  let provider: ReferenceProvider;
  let proxy: ForwardProxy;
  let env: Record<string, string>;

  before(async () => {
    provider = await startReferenceProvider();
    proxy = await startForwardProxy();
    env = { TARGET_URL: `${provider.url}/`, HTTP_PROXY: proxy.url, ...LOGIN };
  });
  after(async () => {
    await proxy.close();
    await provider.stop();
  });

  async function gate(extra: Record<string, string>, args: string[] = []) {
    const before = proxy.requests.length;
    const run = await runGate({ ...env, ...extra }, args);
    return { run, requests: proxy.requests.slice(before) };
  }

  it('--list sends nothing, and names exactly the requests the run then sends, through the proxy, in the order it defines', async () => {
    const listed = await gate({}, ['--list', '--format', 'json']);
    expect(listed.run.code, listed.run.stderr).to.equal(0);
    expect(listed.requests, 'requests sent by --list').to.deep.equal([]);
    const preview = JSON.parse(listed.run.stdout) as Preview;

    const sent = await gate({});
    expect(sent.run.code, sent.run.stdout.slice(-2000)).to.equal(0);
    const recorded = recordedRows(sent.requests);
    expect(sorted(recorded)).to.deep.equal(sorted(previewRows(preview)));
    expect(sent.requests.length).to.be.greaterThan(100);
    // Order where the run defines one: the preflight and the first login, the chain in order, then the contract verification, last.
    const listedRows = previewRows(preview);
    const firstStages = preview.requests.findIndex((r) => r.stage === 'probes');
    expect(recorded.slice(0, firstStages)).to.deep.equal(listedRows.slice(0, firstStages));
    const contracts = preview.requests.flatMap((r, i) => (r.stage === 'contracts' ? [listedRows[i]!] : []));
    expect(contracts.length).to.be.greaterThan(0);
    expect(recorded.slice(-contracts.length), 'the contract verification, after every probe').to.deep.equal(contracts);
    const chain = preview.requests.map((r, i) => (r.lane === 'chain' ? listedRows[i]! : undefined)).filter((r): r is Row => r !== undefined);
    // In order, as a subsequence: a fresh-family refresh looks like a chain refresh on the wire (its token masked alike).
    let next = 0;
    for (const r of recorded.slice(firstStages, -contracts.length)) if (r === chain[next]) next++;
    expect(next, 'chain requests sent in the listed order').to.equal(chain.length);
    expect(preview.logins).to.equal(logins(sent.requests).length);
  });

  it('reaches an https target through HTTPS_PROXY (CONNECT), probes, login and contract verification alike, with CA_FILE judging its certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aimed-tls-'));
    const tls = selfSignedCertificate(dir);
    const secure = await selfSignedTarget(tls);
    try {
      const httpsEnv = { TARGET_URL: secure.url, HTTPS_PROXY: proxy.url, CA_FILE: tls.certFile, ONLY: 'group:contracts,ok.*,bad-request.*', ...LOGIN };
      const listed = await runGate(httpsEnv, ['--list', '--format', 'json']);
      const preview = JSON.parse(listed.stdout) as Preview;
      const tunnelsBefore = proxy.tunnels.length;
      const run = await runGate(httpsEnv);
      expect(run.code, run.stdout.slice(-2000)).to.equal(0);
      // No keep-alive: one tunnel per request, so the tunnels count the requests the proxy carried.
      expect(proxy.tunnels.length - tunnelsBefore).to.equal(preview.requests.length);
      expect(preview.requests.map((r) => r.stage)).to.include.members(['preflight', 'login', 'contracts', 'probes']);
    } finally {
      await secure.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--skip excludes a MUST check: listed with its pattern, and a strict run fails for it (exit 1)', async () => {
    const strict = await runGate({ PROFILE: 'strict', ONLY: 'group:lifecycle' }, ['--skip', 'token.rotation']);
    expect(strict.code, strict.stdout.slice(-2000)).to.equal(1);
    expect(strict.stdout).to.contain('Excluded by SKIP=token.rotation: token.rotation (MUST check)');
    expect(strict.stdout).to.contain('the strict profile excluded 1 MUST check (token.rotation by SKIP=token.rotation)');
    const lenient = await runGate({ ONLY: 'group:lifecycle' }, ['--skip=token.rotation']);
    expect(lenient.code, lenient.stdout.slice(-2000)).to.equal(0);
  });

  it('never sends the embedded provider\'s requests through the proxy', async () => {
    const before = proxy.requests.length;
    const run = await runGate({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, ONLY: 'group:documented' });
    expect(run.code, run.stdout.slice(-2000)).to.equal(0);
    expect(proxy.requests.length - before).to.equal(0);
  });

  it('ONLY=group:documented sends no hostile input', async () => {
    const { run, requests } = await gate({ ONLY: 'group:documented' });
    expect(run.code, run.stdout.slice(-2000)).to.equal(0);
    const hostileBodies = new Set(expandProbes().filter((p) => p.probeCase.role === 'hostile').map((p) => buildRequest(p, p.probeCase.token?.kind === 'literal' ? p.probeCase.token.value : undefined).body));
    expect(requests.filter((r) => hostileBodies.has(r.body)).map((r) => r.body.slice(0, 80))).to.deep.equal([]);
    // The first login, the login endpoint's own documented cases (8) and the refresh-token's two
    // fresh-family probes; the rotation probes' logins are lifecycle, not documented.
    expect(logins(requests), 'rotation probes are lifecycle, not documented').to.have.length(1 + 8 + 2);
    const report = JSON.parse(readFileSync(join(run.reportsDir, 'findings.json'), 'utf8')) as FindingsReport;
    expect(report.excluded.filter((e) => e.kind === 'case' && e.id.includes('/hostile.')).every((e) => e.by === 'ONLY=group:documented')).to.equal(true);
    expect(report.excluded.some((e) => e.kind === 'contract')).to.equal(true);
  });

  it('PROFILE=production with its own defaults: 5 requests/s, concurrency 2, one login', async () => {
    const { run, requests } = await gate({ PROFILE: 'production', ONLY: 'ok.*,unauthorized.*' });
    expect(run.code, run.stdout.slice(-2000)).to.equal(0);
    expect(logins(requests)).to.have.length(1);
    const times = requests.map((r) => r.atMs).sort((a, b) => a - b);
    expect(Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length))).to.be.at.most(6);
    expect(requests.length).to.be.greaterThan(20);
    const report = JSON.parse(readFileSync(join(run.reportsDir, 'findings.json'), 'utf8')) as FindingsReport;
    expect(report.pacing).to.deep.equal({ rateLimit: 5, concurrency: 2, maxLogins: 1, loginsUsed: 1 });
  });

  it('PROFILE=production stays within its rate (RATE_LIMIT wins over the profile\'s 5/s) and its one login', async () => {
    const rate = 20;
    const { run, requests } = await gate({ PROFILE: 'production', RATE_LIMIT: String(rate) });
    expect(run.code, run.stdout.slice(-2000)).to.equal(0);
    expect(logins(requests)).to.have.length(1);
    const times = requests.map((r) => r.atMs).sort((a, b) => a - b);

    // Starts are spaced 1/rate s apart; arrival jitter at the server may bring one more into a window.
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(busiest).to.be.at.most(rate + 1);
    expect((times.at(-1)! - times[0]!) / 1000).to.be.at.least((requests.length - 1) / rate - 0.5);
    expect(requests.some((r) => r.body.length > 64 * 1024 || /<!DOCTYPE/i.test(r.body))).to.equal(false);
    const report = JSON.parse(readFileSync(join(run.reportsDir, 'findings.json'), 'utf8')) as FindingsReport;
    expect(report.pacing).to.deep.equal({ rateLimit: rate, concurrency: 2, maxLogins: 1, loginsUsed: 1 });
    expect(report.profileOmissions.join(' ')).to.match(/body over 64 kB.*deep nesting.*external entity.*entity expansion/);
    expect(report.results.filter((f) => f.status === 'skip').map((f) => f.title)).to.include('it would need a login beyond MAX_LOGINS=1');
  });
});
