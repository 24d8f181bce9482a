// reports/index.html must stand alone (no external assets), show every section a reader needs,
// and never let a hostile server's text become markup or a live token reach the page.

import { expect } from 'chai';
import { clearSecrets, registerSecret } from '../../../src/redaction/redactor.ts';
import { renderHtml } from '../../../src/reports/html.ts';
import { FIXTURE_INPUT, FIXTURE_RESULTS, LIVE_TOKEN } from './fixture.ts';

describe('HTML report', () => {
  let html: string;
  before(() => {
    registerSecret(LIVE_TOKEN);
    html = renderHtml(FIXTURE_INPUT);
  });
  after(clearSecrets);

  it('loads nothing from outside the page and forbids it by CSP', () => {
    expect(html).to.contain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.to.match(/\s(src|srcset)=|<link|<script|url\(|@import/i);
    expect(html.match(/href="([^"]*)"/g)!.every((h) => h.startsWith('href="#'))).to.equal(true);
  });

  it('links every covered matrix cell to its evidence section', () => {
    expect(html).to.contain('data-status="200" data-media-type="application/xml" data-state="fail"><a href="#cell--200--application-xml">fail</a>');
    expect(html).to.contain('<section id="cell--200--application-xml">');
    expect(html).to.contain('data-status="400" data-media-type="application/json" data-state="none">none</td>');
  });

  it('shows the verdict, the naming and its fix, advisories apart from failures, skips with reasons, contracts and timings', () => {
    expect(html).to.contain('NOT CONFORMING: 2 findings fail the gate, 1 contract interaction fails, 1 test fails in the runner');
    expect(html).to.contain('backing-field (json: backing-field, xml: backing-field)');
    expect(html).to.contain('IgnoreSerializableAttribute = true');
    const failures = html.slice(html.indexOf('id="failures"'), html.indexOf('id="advisories"'));
    const advisories = html.slice(html.indexOf('id="advisories"'), html.indexOf('id="skipped"'));
    expect(failures).to.contain('xml.datacontract').and.not.to.contain('headers.no-store');
    expect(advisories).to.contain('headers.no-store').and.to.contain('response.time').and.to.contain('fields.extra');
    const skipped = html.slice(html.indexOf('id="skipped"'), html.indexOf('id="contracts"'));
    expect(skipped).to.contain('<td>refresh.server-error</td><td>application/json</td><td>the target offers no fault switch</td><td>status.documented, errors.no-details</td>');
    expect(skipped.split('the target offers no fault switch'), 'the reason once').to.have.length(2);
    expect(html).to.contain('a refresh with an unknown token (application/xml)');
    expect(html).to.match(/<td>contract verification<\/td><td>500<\/td>/);
  });

  it('shows a finding said alike in several media types of a case as one row listing them', () => {
    const twice = [FIXTURE_RESULTS[2]!, { ...FIXTURE_RESULTS[2]!, mediaType: 'text/json' }, { ...FIXTURE_RESULTS[2]!, mediaType: 'text/xml', message: 'Received: private / Expected: no-store' }];
    const page = renderHtml({ ...FIXTURE_INPUT, report: { ...FIXTURE_INPUT.report, results: twice } });
    const advisories = page.slice(page.indexOf('id="advisories"'), page.indexOf('id="skipped"'));
    expect(advisories).to.contain('<td>refresh.ok</td><td>application/json, text/json</td><td>headers.no-store</td>');
    expect(advisories).to.contain('<td>refresh.ok</td><td>text/xml</td><td>headers.no-store</td>');
    expect(advisories.match(/<td>refresh\.ok<\/td>/g)).to.have.length(2);
  });

  it('escapes hostile text and shows a token only by its shape', () => {
    expect(html).to.contain('&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;');
    expect(html).not.to.contain('\u0007');
    expect(html).not.to.contain(LIVE_TOKEN);
    expect(html).to.match(/&lt;token len=24 starts=rt-… sha256=[0-9a-f]{8}&gt;/);
  });
});
