// reports/index.html must open in a real browser and show the matrix: headless Chromium parses
// the page and its DOM must hold the expected cells. Skipped, saying why, where no Chromium is
// installed (CI installs the Debian package `chromium`).

import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { renderHtml } from '../../../src/reports/html.ts';
import { FIXTURE_INPUT } from './fixture.ts';

const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome'];

function findBrowser(): string | undefined {
  const dirs = (process.env['PATH'] ?? '').split(delimiter);
  return BROWSERS.flatMap((name) => dirs.map((dir) => join(dir, name))).find((path) => existsSync(path));
}

async function dumpDom(browser: string, file: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  try {
    const { stdout } = await promisify(execFile)(browser, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--dump-dom', pathToFileURL(file).href,
    ], { timeout: 60000, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const browser = findBrowser();
const SKIP_REASON = `no Chromium on PATH (looked for ${BROWSERS.join(', ')}); install it with: apt-get install -y chromium`;

describe('HTML report in a real browser', () => {
  let dom = '';
  before(async function () {
    if (!browser) {
      this.skip();
    }
    this.timeout(60000);
    const file = join(mkdtempSync(join(tmpdir(), 'html-report-')), 'index.html');
    writeFileSync(file, renderHtml(FIXTURE_INPUT));
    dom = await dumpDom(browser!, file);
  });

  it(browser ? 'renders the matrix with the expected cells' : `renders the matrix (skipped: ${SKIP_REASON})`, () => {
    const cells = [...dom.matchAll(/<td class="cell [a-z]+" data-status="([^"]+)" data-media-type="([^"]+)" data-state="([a-z]+)"/g)]
      .map(([, status, mediaType, state]) => `${status} ${mediaType} ${state}`);
    expect(cells).to.have.length(24);
    expect(cells).to.include.members([
      '200 application/json pass', '200 text/json pass', '200 application/xml fail', '200 text/xml pass',
      '400 application/json none', '401 application/json fail', '401 text/xml pass', '500 application/json skip', 'hostile input application/xml pass', 'other application/json pass',
    ]);
  });

  it(browser ? 'keeps hostile text as text: the page has no script element' : `keeps hostile text as text (skipped: ${SKIP_REASON})`, () => {
    expect(dom).to.contain('<h2>Conformance matrix</h2>');
    expect(dom).not.to.contain('<script');
  });
});
