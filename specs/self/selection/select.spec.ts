// Selection, pacing and the gate's own flags offline: globs and groups over cases, contract
// interactions and checks, what the production profile leaves out, a pattern that matches
// nothing, the pacer's spacing, and --only / --skip / --list / --format.

import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../src/config/config.ts';
import { createPacer } from '../../../src/http/pacer.ts';
import { parseRunArgs } from '../../../src/cli/runArgs.ts';
import { PRODUCTION_MAX_BODY_BYTES, select } from '../../../src/selection/select.ts';
import { casesFor, qualifiedCaseId } from '../../../src/probes/cases.ts';
import { packageEndpoints } from '../../../src/endpoints/packageEndpoints.ts';
import { CHECKS } from '../../../src/checks/registry.ts';
import { gateVerdict } from '../../../src/reports/gate.ts';
import { FIXTURE_REPORT } from '../reports/fixture.ts';

const none = { only: [], skip: [], profile: 'default' as const };
/** Every case of the package's three endpoints, by its run-wide id. */
const CASES = packageEndpoints().flatMap((e) => casesFor(e, packageEndpoints()).map((c) => ({ ...c, id: qualifiedCaseId(e, c.id), localId: c.id })));

describe('selection', () => {
  it('excludes by glob over case ids and reports the pattern', () => {
    const s = select({ ...none, skip: ['hostile.*'] });
    const hostile = CASES.filter((c) => c.role === 'hostile');
    expect(s.excluded.filter((e) => e.kind === 'case').map((e) => e.id)).to.deep.equal(hostile.map((c) => c.id));
    expect(s.excludedBy('refresh-token/hostile.xxe-file')).to.equal('SKIP=hostile.*');
    expect(s.excludedBy('corp-login/hostile.username.sql-injection')).to.equal('SKIP=hostile.*');
    expect(s.excludedBy('refresh-token/ok.json-body')).to.equal(undefined);
  });

  it('matches a case by its run-wide id too, and one endpoint by its group', () => {
    const s = select({ ...none, skip: ['login/*'] });
    expect(s.excludedBy('login/ok.json-body')).to.equal('SKIP=login/*');
    expect(s.excludedBy('corp-login/ok.json-body')).to.equal(undefined);
    const only = select({ ...none, only: ['group:endpoint:corp-login'] });
    expect(CASES.filter((c) => !only.excludedBy(c.id)).every((c) => c.id.startsWith('corp-login/'))).to.equal(true);
    expect(only.excludedBy('corp-login/ok.xml-body')).to.equal(undefined);
    expect(s.checks.length).to.be.greaterThan(10);
  });

  it('ONLY=group:documented keeps documented cases only, and every check', () => {
    const s = select({ ...none, only: ['group:documented'] });
    const kept = CASES.filter((c) => !s.excludedBy(c.id));
    expect(kept.every((c) => c.role === 'documented' || c.role === 'server-error')).to.equal(true);
    expect(s.excludedBy('contract.json.valid-token')).to.equal('ONLY=group:documented');
    expect(s.excluded.some((e) => e.kind === 'check')).to.equal(false);
  });

  it('a check glob excludes checks, which are listed with their level, not cases', () => {
    const s = select({ ...none, skip: ['token.*'] });
    const tokenChecks = CHECKS.filter((c) => c.id.startsWith('token.'));
    expect(tokenChecks.map((c) => c.id)).to.include.members(['token.rotation', 'token.expiry', 'token.semantics']);
    expect(s.excluded.map((e) => [e.kind, e.id, e.level, e.by])).to.deep.equal(tokenChecks.map((c) => ['check', c.id, c.level, 'SKIP=token.*']));
    expect(s.checks.map((c) => c.id)).to.not.include('token.rotation');
  });

  it('ONLY over checks keeps only those checks and all the work', () => {
    const s = select({ ...none, only: ['status.*'] });
    expect(s.checks.map((c) => c.id)).to.deep.equal(['status.documented']);
    expect(s.excluded.every((e) => e.kind === 'check' && e.by === 'ONLY=status.*')).to.equal(true);
  });

  it('a pattern that matches nothing is a configuration error naming the variable', () => {
    expect(() => select({ ...none, skip: ['hostle.*'] })).to.throw(ConfigError, /SKIP: "hostle\.\*" matches no case id/);
    expect(() => select({ ...none, only: ['group:nope'] })).to.throw(ConfigError, /ONLY/);
  });

  it('PROFILE=production leaves out big, entity and deeply nested hostile bodies, and nothing else', () => {
    const s = select({ ...none, profile: 'production' });
    const out = s.excluded.map((e) => e.id);
    for (const id of ['hostile.oversized-body', 'hostile.oversized-token', 'hostile.billion-laughs', 'hostile.xxe-file', 'hostile.deep-json-array', 'hostile.xml-deep-nesting']) expect(out).to.include(`refresh-token/${id}`);
    expect(out).to.include('login/hostile.password.oversized');
    expect(out.every((id) => /^[a-z-]+\/hostile\./.test(id))).to.equal(true);
    expect(out).to.not.include('refresh-token/hostile.sql-injection');
    expect(s.profileOmissions.join(', ')).to.contain(`body over ${PRODUCTION_MAX_BODY_BYTES / 1024} kB`);
  });

  it('the strict profile fails a run that excluded a MUST check, the default one does not', () => {
    const excluded = [{ kind: 'check' as const, id: 'token.rotation', level: 'MUST' as const, by: 'SKIP=token.*' }];
    expect(gateVerdict({ ...FIXTURE_REPORT, results: [], profile: 'strict', excluded }).excludedMust).to.have.length(1);
    expect(gateVerdict({ ...FIXTURE_REPORT, results: [], profile: 'strict', excluded }).conforming).to.equal(false);
    expect(gateVerdict({ ...FIXTURE_REPORT, results: [], profile: 'default', excluded }).excludedMust).to.deep.equal([]);
    expect(gateVerdict({ ...FIXTURE_REPORT, results: [], profile: 'strict', excluded: [{ ...excluded[0]!, level: 'SHOULD' }] }).excludedMust).to.deep.equal([]);
  });
});

describe('production defaults and explicit variables', () => {
  it('sets rate, logins and concurrency, and an explicit variable wins', () => {
    const c = loadConfig({ PROFILE: 'production' });
    expect([c.rateLimit, c.maxLogins, c.concurrency]).to.deep.equal([5, 1, 2]);
    const tuned = loadConfig({ PROFILE: 'production', RATE_LIMIT: '0.5', MAX_LOGINS: '0', CONCURRENCY: '4' });
    expect([tuned.rateLimit, tuned.maxLogins, tuned.concurrency]).to.deep.equal([0.5, 0, 4]);
    expect(loadConfig({}).concurrency).to.equal(8);
    expect(() => loadConfig({ RATE_LIMIT: '0' })).to.throw(ConfigError, /RATE_LIMIT/);
    expect(() => loadConfig({ CONCURRENCY: '-1' })).to.throw(ConfigError, /CONCURRENCY/);
  });
});

describe('pacer', () => {
  it('spaces starts 1/N s apart, first come first served', async () => {
    const pacer = createPacer(50);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 6 }, () => pacer.wait().then(() => starts.push(performance.now()))));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.min(...gaps)).to.be.at.least(19);
  });

  it('releases no burst after the event loop was blocked: each start waits for the previous one\'s', async () => {
    const pacer = createPacer(50);
    const starts: number[] = [];
    const all = Promise.all(Array.from({ length: 5 }, () => pacer.wait().then(() => starts.push(performance.now()))));
    const until = performance.now() + 150;
    while (performance.now() < until) { /* a synchronous stretch, as an XSD batch or a big parse */ }
    await all;
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.min(...gaps)).to.be.at.least(19);
  });
});

describe('gate flags', () => {
  it('takes --list, --format, --only and --skip and leaves the rest to mocha', () => {
    expect(parseRunArgs(['--list', '--format', 'json', '--only=group:documented', '--skip', 'hostile.*', '--grep', 'ok'])).to.deep.equal({
      list: true, format: 'json', env: { ONLY: 'group:documented', SKIP: 'hostile.*' }, mochaArgs: ['--grep', 'ok'],
    });
    expect(() => parseRunArgs(['--format', 'yaml'])).to.throw(ConfigError, /--format/);
    expect(() => parseRunArgs(['--only'])).to.throw(ConfigError, /needs a value/);
  });
});
