// reports/summary.md goes into a pull-request comment: the matrix with links into its own
// evidence, the verdict and naming first, and no Markdown or HTML a hostile server could forge.

import { expect } from 'chai';
import { clearSecrets, registerSecret } from '../../../src/redaction/redactor.ts';
import { MAX_COMMENT_CHARS, renderMarkdown } from '../../../src/reports/markdown.ts';
import { FIXTURE_INPUT, FIXTURE_RESULTS, LIVE_TOKEN } from './fixture.ts';

describe('Markdown summary', () => {
  let md: string;
  before(() => {
    registerSecret(LIVE_TOKEN);
    md = renderMarkdown(FIXTURE_INPUT);
  });
  after(clearSecrets);

  it('opens with the verdict and shows the naming verdict with its fix', () => {
    expect(md.split('\n')[0]).to.equal('## ❌ Consinco auth conformance: NOT CONFORMING: 2 findings fail the gate, 1 contract interaction fails, 1 test fails in the runner');
    expect(md).to.contain('Verdict: **backing-field \\(json: backing-field, xml: backing-field\\)**');
  });

  it('draws the matrix with a link from each covered cell to its evidence anchor', () => {
    expect(md).to.contain('| Response code | application/json | text/json | application/xml | text/xml |');
    expect(md).to.contain('| 200 | ✅ [pass](#cell--200--application-json) (2 advisory) | ✅ [pass](#cell--200--text-json) | ❌ [fail](#cell--200--application-xml) | ✅ [pass](#cell--200--text-xml) (1 advisory) |');
    expect(md).to.contain('| 400 | — none | — none | — none | — none |');
    expect(md).to.contain('<a id="cell--200--application-json"></a>');
  });

  it('lists advisories apart from failures, and skipped probes with their reason', () => {
    const failures = md.slice(md.indexOf('### Failures'), md.indexOf('### Advisory'));
    expect(failures).to.contain('xml.datacontract').and.not.to.contain('headers.no-store');
    expect(md).to.contain('- refresh.server-error (application/json): the target offers no fault switch\n');
  });

  it('groups findings by check and title, naming a few probes and counting the rest', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ ...FIXTURE_RESULTS[2]!, caseId: `refresh.case-${i}` }));
    const grouped = renderMarkdown({ ...FIXTURE_INPUT, report: { ...FIXTURE_INPUT.report, results: many } });
    expect(grouped).to.contain('- **fail** SHOULD headers.no-store: Cache-Control lacks no-store (9 findings: refresh.case-0 (application/json),');
    expect(grouped).to.contain('refresh.case-5 (application/json) and 3 more). Example: Received: no-cache / Expected: no-store');
  });

  it('names each case once with the media types a finding group covers', () => {
    const alike = ['application/json', 'text/json', 'application/xml'].map((mediaType) => ({ ...FIXTURE_RESULTS[2]!, mediaType }));
    const grouped = renderMarkdown({ ...FIXTURE_INPUT, report: { ...FIXTURE_INPUT.report, results: alike } });
    expect(grouped).to.contain('(3 findings: refresh.ok (application/json, text/json, application/xml)). Example:');
  });

  it('stays within a pull-request comment however many findings there are', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...FIXTURE_RESULTS[2]!, title: `distinct problem ${i}` }));
    const long = renderMarkdown({ ...FIXTURE_INPUT, report: { ...FIXTURE_INPUT.report, results: many } });
    expect(long.length).to.be.at.most(MAX_COMMENT_CHARS);
    expect(long).to.match(/_Cut to fit a pull-request comment: the full evidence is in index.html and findings.json._\n$/);
  });

  it('neutralises hostile text and shows a token only by its shape', () => {
    expect(md).not.to.contain('<script>');
    expect(md).not.to.contain('[click](http');
    expect(md).to.contain('\\[click\\]\\(http://evil.example\\)');
    expect(md).not.to.contain(LIVE_TOKEN);
  });
});
