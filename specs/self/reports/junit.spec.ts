// reports/junit.xml must be what CI tools read (valid against schemas/junit.xsd), carry one
// test case per probe and check with Received/Expected on failures, and never a raw token.

import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerSecret, clearSecrets } from '../../../src/redaction/redactor.ts';
import { renderJunit } from '../../../src/reports/junit.ts';
import { validateJunit } from './junitSchema.ts';
import { FIXTURE_INPUT, FIXTURE_RESULTS, LIVE_TOKEN } from './fixture.ts';

describe('JUnit report', () => {
  let xml: string;
  before(() => {
    registerSecret(LIVE_TOKEN);
    xml = renderJunit(FIXTURE_INPUT);
  });
  after(clearSecrets);

  it('validates against schemas/junit.xsd', async function () {
    this.timeout(20000);
    const file = join(mkdtempSync(join(tmpdir(), 'junit-')), 'junit.xml');
    writeFileSync(file, xml);
    expect(await validateJunit(file)).to.deep.equal([]);
  });

  it('is checked by a schema that rejects what CI would reject (a test case without a name)', async function () {
    this.timeout(20000);
    const file = join(mkdtempSync(join(tmpdir(), 'junit-')), 'junit.xml');
    writeFileSync(file, '<testsuites><testsuite name="s" tests="1"><testcase classname="c"/></testsuite></testsuites>');
    expect((await validateJunit(file)).join(' ')).to.contain("Attribute 'name' must appear on element 'testcase'");
  });

  it('has one test case per probe, media type and check', () => {
    for (const f of FIXTURE_RESULTS) {
      expect(xml).to.contain(`<testcase classname="${f.caseId} [${f.mediaType}]" name="${f.check}"`);
    }
    const probeCases = xml.split('<testsuite ').filter((s) => s.startsWith('name="probe ')).join('').match(/<testcase /g);
    expect(probeCases).to.have.length(FIXTURE_RESULTS.length);
  });

  it('puts a blocking failure in <failure> with its Received/Expected text, and an advisory one in <system-out>', () => {
    expect(xml).to.match(/<failure message="elements out of ordinal order" type="MUST">Received: &lt;script&gt;.* \/ Expected: ADUser before accessToken<\/failure>/);
    expect(xml).to.match(/name="headers.no-store">\s*<system-out>advisory \(SHOULD, does not fail the gate\): Cache-Control lacks no-store\nReceived: no-cache \/ Expected: no-store</);
    expect(xml).to.match(/name="response.time">\s*<system-out>advisory \(MAY, does not fail the gate\)/);
    expect(xml).to.match(/name="errors.no-details">\s*<skipped message="the target offers no fault switch"><\/skipped>/);
  });

  it('turns a skipped probe into a failure in the strict profile', () => {
    const strict = renderJunit({ ...FIXTURE_INPUT, report: { ...FIXTURE_INPUT.report, profile: 'strict' } });
    expect(strict).to.match(/name="errors.no-details">\s*<failure message="skipped, and the strict profile fails skipped probes: the target offers no fault switch"/);
  });

  it('reports contract failures and runner failures, a failing hook as an error', () => {
    expect(xml).to.match(/<testsuite name="contract verification" tests="2" failures="1"/);
    expect(xml).to.match(/<testsuite name="conformance run" tests="3" failures="0" errors="1" skipped="1"/);
  });

  it('shows a probe that failed on findings once: in its probe suite, not again among the runner\'s tests', () => {
    expect(xml.match(/refresh\.unknown-token \[application\/json\]/g)).to.have.length(1);
    expect(xml).to.match(/<testcase classname="refresh.unknown-token \[application\/json\]" name="errors.no-token-echo">\s*<failure /);
  });

  it('escapes hostile text and shows a token only by its shape', () => {
    expect(xml).not.to.contain('<script>');
    expect(xml).not.to.contain('\u0007');
    expect(xml).not.to.contain(LIVE_TOKEN);
    expect(xml).to.match(/&lt;token len=24 starts=rt-… sha256=[0-9a-f]{8}&gt;/);
  });
});
