// The gate's exit codes, proven the way users meet them: the launcher `npm test` runs, in a
// child process. The four runs start together in `before` so the whole spec costs one run.

import { expect } from 'chai';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { STAGES } from '../../../bench/conformanceRun.ts';
import { RUN_CASE } from '../../../src/checks/evaluate.ts';
import type { FindingsReport } from '../../../src/findings/types.ts';
import { validateJunit } from '../reports/junitSchema.ts';
import { LAUNCHER_ARGS, runGate, type GateRun } from './gateRun.ts';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function findings(run: GateRun): FindingsReport {
  return JSON.parse(readFileSync(join(run.reportsDir, 'findings.json'), 'utf8')) as FindingsReport;
}

const NO_STACK = /^\s+at /m;
const FINDINGS_SCHEMA = 'schemas/findings.schema.json';

describe('gate exit codes (the launcher in a child process)', function () {
  this.timeout(90000);
  let clean: GateRun;
  let faulty: GateRun;
  let unreachable: GateRun;
  let badConfig: GateRun;
  let noJava: GateRun;

  before(async () => {
    // Timed alone: the 5 s promise is about the suite, not about sharing two cores with other runs.
    unreachable = await runGate({ TARGET_URL: `http://127.0.0.1:${await closedPort()}/` });
    [clean, faulty, badConfig, noJava] = await Promise.all([
      runGate({}),
      // Only the probes that send a refused token: the ones the fault acts on.
      runGate({ REFERENCE_FAULTS: 'token-echo-in-error' }, ['--grep', 'unauthorized']),
      runGate({ PROFILE: 'bogus' }),
      runGate({ JAVA_HOME: '/nonexistent-jdk' }),
    ]);
  });

  it('is what `npm test` runs', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['test']).to.equal(`node ${LAUNCHER_ARGS.join(' ')}`);
  });

  it('exits 0 against the clean embedded provider, with mocha\'s counts and the verdict last', () => {
    expect(clean.code, clean.stdout + clean.stderr).to.equal(0);
    expect(clean.stdout).to.match(/^ {2}\d+ passing/m).and.not.to.match(/^ {2}\d+ failing/m);
    const lines = clean.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).to.match(/^Gate: CONFORMING: no finding fails the gate \(exit 0\); mocha: \d+ passing, 0 failing/);
    expect(lines.some((l) => l.startsWith('Naming verdict: '))).to.equal(true);
    expect(clean.stdout).to.match(/Leak scan: none of the [1-9]\d* live token values? the run saw appears in /);
  });

  it('writes every report, junit.xml valid with one case per probe and check', async () => {
    const report = findings(clean);
    expect(report.results.length).to.be.greaterThan(0);
    const junitFile = join(clean.reportsDir, 'junit.xml');
    expect(await validateJunit(junitFile)).to.deep.equal([]);
    const junit = readFileSync(junitFile, 'utf8');
    const probeCases = junit.split('<testsuite ').filter((s) => s.startsWith('name="probe ')).join('').match(/<testcase /g) ?? [];
    expect(probeCases).to.have.length(report.results.length);
    expect(readFileSync(join(clean.reportsDir, 'index.html'), 'utf8')).to.contain('id="matrix-table"');
    expect(readFileSync(join(clean.reportsDir, 'summary.md'), 'utf8')).to.contain('### Conformance matrix');
  });

  it('writes findings.json valid against its schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(FINDINGS_SCHEMA, 'utf8')) as object);
    expect(validate(findings(clean)), JSON.stringify(validate.errors?.slice(0, 3))).to.equal(true);
  });

  it('times every stage the benchmark reports and counts the HTTP requests it sent', () => {
    const report = findings(clean);
    expect(report.timings.map((t) => t.stage)).to.include.members(STAGES.map((s) => s.id));
    // At least one request per probe, and two per contract interaction (recorded, then verified).
    const probes = new Set(report.results.filter((r) => r.caseId !== RUN_CASE).map((r) => `${r.caseId} ${r.mediaType}`)).size;
    expect(probes).to.be.greaterThan(0);
    expect(report.requests).to.be.at.least(probes + 2 * (report.contracts?.length ?? 0));
  });

  it('exits 1 when the provider echoes the token, names the check, and leaks nothing', () => {
    expect(faulty.code, faulty.stdout + faulty.stderr).to.equal(1);
    expect(faulty.stdout).to.match(/^ {2}\d+ failing/m);
    expect(faulty.stdout.trimEnd().split('\n').at(-1)).to.match(/^Gate: NOT CONFORMING: .* \(exit 1\)/);
    expect(readFileSync(join(faulty.reportsDir, 'junit.xml'), 'utf8')).to.match(/name="errors.no-token-echo">\s*<failure /);
    expect(faulty.stdout).to.match(/Leak scan: none of the [1-9]\d* live token values? the run saw appears in /).and.not.to.contain('LEAK:');
  });

  it('exits 2 within 5 s on a closed port, with one paragraph and no stack trace', () => {
    expect(unreachable.code).to.equal(2);
    expect(unreachable.ms).to.be.below(5000);
    expect(unreachable.stderr).to.match(/^Could not test: target http:\/\/127\.0\.0\.1:\d+\/ is not usable: .*Exit code 2\.$/m);
    expect(unreachable.stderr + unreachable.stdout).not.to.match(NO_STACK);
  });

  it('exits 2 on a bad configuration value, naming the variable', () => {
    expect(badConfig.code).to.equal(2);
    expect(badConfig.stderr).to.contain('Could not test: the configuration is invalid. PROFILE: "bogus" is not one of default, strict, production.');
    expect(badConfig.stderr + badConfig.stdout).not.to.match(NO_STACK);
  });

  it('exits 2 before any probe when Java is missing, saying how to install it', () => {
    expect(noJava.code).to.equal(2);
    expect(noJava.stderr).to.contain('Could not test: the XSD validator needs a Java runtime (java)');
    expect(noJava.stderr).to.contain('apt-get install -y default-jdk-headless');
    expect(noJava.stderr + noJava.stdout).not.to.match(NO_STACK);
  });
});
