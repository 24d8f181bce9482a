// The final scan must catch a live token wherever a careless writer put it (raw, JSON, XML/HTML
// escaped, URL-encoded), name it only by its shape, and scrub it; and the normal report path
// must give it nothing to catch, even when the server echoes the token in an error body.

import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodedForms, filesUnder, scanFiles, scrubLeaks } from '../../../src/redaction/leakScan.ts';
import { LeakScanAlongside } from '../../../src/redaction/leakScanAlongside.ts';
import { clearSecrets, knownSecrets, registerSecret, tokenShape } from '../../../src/redaction/redactor.ts';
import { startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { endpointNamed } from '../../../src/reference/contract.ts';

const REFRESH_PATH = endpointNamed('refresh-token').path;
import { renderHtml } from '../../../src/reports/html.ts';
import { renderJunit } from '../../../src/reports/junit.ts';
import { renderMarkdown } from '../../../src/reports/markdown.ts';
import { FIXTURE_INPUT } from '../reports/fixture.ts';

/** What the scan finds under these folders, in this thread (the gate's goes along in the helper thread: the last case). */
const scanForSecrets = async (dirs: readonly string[], secrets: readonly string[]) => scanFiles(dirs.flatMap(filesUnder), secrets);

function freshDirs(): { reports: string; contracts: string } {
  const root = mkdtempSync(join(tmpdir(), 'leak-scan-'));
  const dirs = { reports: join(root, 'reports'), contracts: join(root, 'contracts') };
  mkdirSync(join(dirs.reports, 'nested'), { recursive: true });
  mkdirSync(dirs.contracts);
  return dirs;
}

describe('leak scan', () => {
  let provider: ReferenceProvider;
  let liveToken: string;
  let echoedBody: string;

  before(async () => {
    provider = await startReferenceProvider({ faults: ['token-echo-in-error'] });
    liveToken = provider.expiredRefreshToken();
    registerSecret(liveToken);
    const response = await fetch(`${provider.url}/${REFRESH_PATH}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refresh_token: liveToken }),
    });
    echoedBody = await response.text();
  });
  after(async () => {
    clearSecrets();
    await provider.stop();
  });

  it('gets a live token planted by the faulty provider (token-echo-in-error)', () => {
    expect(echoedBody.includes(liveToken), 'the 401 body quotes the token').to.equal(true);
  });

  it('catches the token anywhere under reports/ and contracts/, names it by shape only, and scrubs it', async () => {
    const dirs = freshDirs();
    writeFileSync(join(dirs.reports, 'raw.txt'), echoedBody);
    writeFileSync(join(dirs.reports, 'nested', 'page.html'), `<pre>${liveToken}</pre>`);
    writeFileSync(join(dirs.contracts, 'pact.json'), JSON.stringify({ body: { refresh_token: liveToken } }));
    writeFileSync(join(dirs.contracts, 'clean.json'), '{}');
    const leaks = await scanForSecrets([dirs.reports, dirs.contracts], knownSecrets());
    expect(leaks.map((l) => l.file).sort()).to.deep.equal([join(dirs.contracts, 'pact.json'), join(dirs.reports, 'nested', 'page.html'), join(dirs.reports, 'raw.txt')]);
    expect(leaks.every((l) => l.token === tokenShape(liveToken))).to.equal(true);
    expect(JSON.stringify(leaks)).not.to.contain(liveToken);
    scrubLeaks(leaks, knownSecrets());
    expect(await scanForSecrets([dirs.reports, dirs.contracts], knownSecrets())).to.deep.equal([]);
    expect(readFileSync(join(dirs.reports, 'raw.txt'), 'utf8')).to.contain(tokenShape(liveToken));
  });

  it('catches a token whose characters a writer escaped (JSON, XML, URL)', async () => {
    const dirs = freshDirs();
    const odd = 'tok/en+<"quoted">&\'more';
    writeFileSync(join(dirs.reports, 'a.json'), JSON.stringify({ t: odd }));
    writeFileSync(join(dirs.reports, 'b.html'), `<p>${odd.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</p>`);
    writeFileSync(join(dirs.contracts, 'c.txt'), `/x?t=${encodeURIComponent(odd)}`);
    const forms = (await scanForSecrets([dirs.reports, dirs.contracts], [odd])).map((l) => l.form).sort();
    expect(forms).to.deep.equal(['json', 'url', 'xml']);
  });

  it('looks for a token that no writer escapes in its raw form alone, and for every other in each form it has', () => {
    expect(encodedForms('Ab9-_.~!*()')).to.deep.equal([['raw', 'Ab9-_.~!*()']]);
    for (const special of ['"', '\\', '&', '<', '>', "'", '/', '+', ' ', 'é', '\n']) {
      expect(encodedForms(`tok${special}en`).length, JSON.stringify(special)).to.be.greaterThan(1);
    }
    // JSON and XML leave a slash alone: two forms, each once.
    expect(encodedForms('tok/en/x')).to.deep.equal([['raw', 'tok/en/x'], ['url', 'tok%2Fen%2Fx']]);
    expect(encodedForms('a"b<c')).to.deep.equal([['raw', 'a"b<c'], ['json', 'a\\"b<c'], ['xml', 'a&quot;b&lt;c'], ['url', 'a%22b%3Cc']]);
  });

  it('catches the same token written raw, and scans a folder that is not there as empty', async () => {
    const dirs = freshDirs();
    const odd = 'tok/en+<"quoted">&\'more';
    writeFileSync(join(dirs.reports, 'raw.txt'), `token ${odd} end`);
    expect(await scanForSecrets([dirs.reports, join(dirs.contracts, 'missing')], [odd])).to.deep.equal([{ file: join(dirs.reports, 'raw.txt'), token: tokenShape(odd), form: 'raw' }]);
  });

  it('scans a file sent as it is written once, and every other file under the folders at the end', async () => {
    const dirs = freshDirs();
    const odd = 'tok/en+<"quoted">&\'more';
    const early = join(dirs.reports, 'early.txt');
    writeFileSync(early, odd);
    const scan = new LeakScanAlongside([odd]);
    scan.add([early]);
    scan.add([early]);
    writeFileSync(join(dirs.reports, 'nested', 'late.txt'), odd);
    const leaks = await scan.leaks([dirs.reports, dirs.contracts]);
    expect(leaks.map((l) => l.file).sort()).to.deep.equal([early, join(dirs.reports, 'nested', 'late.txt')]);
  });

  it('finds nothing when the echoed body goes through the report renderers', async () => {
    const dirs = freshDirs();
    const evidence = { ...FIXTURE_INPUT.report.results[0]!, status: 'fail' as const, check: 'errors.no-token-echo', message: `Received: ${echoedBody} / Expected: no token` };
    const input = { ...FIXTURE_INPUT, report: { ...FIXTURE_INPUT.report, results: [evidence] } };
    writeFileSync(join(dirs.reports, 'junit.xml'), renderJunit(input));
    writeFileSync(join(dirs.reports, 'index.html'), renderHtml(input));
    writeFileSync(join(dirs.reports, 'summary.md'), renderMarkdown(input));
    expect(await scanForSecrets([dirs.reports, dirs.contracts], knownSecrets())).to.deep.equal([]);
  });
});
