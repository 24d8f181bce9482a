// Reports of a run over several endpoints: one matrix per endpoint (with its role and naming),
// evidence anchors that keep the endpoints apart, and every probe named with its endpoint in the
// Markdown, the HTML page and the JUnit file, so a failure on the login never reads as one on
// the refresh-token.

import { expect } from 'chai';
import { renderHtml } from '../../../src/reports/html.ts';
import { renderJunit } from '../../../src/reports/junit.ts';
import { renderMarkdown } from '../../../src/reports/markdown.ts';
import { buildMatrix } from '../../../src/reports/matrix.ts';
import { endpointViews } from '../../../src/reports/sections.ts';
import { ENDPOINTS_INPUT } from './fixture.ts';

describe('reports per endpoint', () => {
  it('gives each endpoint its own matrix: the login fails its 401 row, the refresh-token passes it', () => {
    const [login, refresh] = endpointViews(ENDPOINTS_INPUT).map((v) => buildMatrix(v.input, v.endpoint.name));
    const state = (m: typeof login, row: number) => m!.cells[m!.rows.indexOf(row)]![0]!.state;
    expect(state(login, 401)).to.equal('fail');
    expect(state(refresh, 401)).to.equal('pass');
    expect(login!.cells[0]![0]!.anchor).to.not.equal(refresh!.cells[0]![0]!.anchor);
  });

  it('writes a Markdown section per endpoint with its role and naming, and names probes with their endpoint', () => {
    const md = renderMarkdown(ENDPOINTS_INPUT);
    expect(md).to.contain('#### POST api/v1/auth/login');
    expect(md).to.contain('#### POST api/v1/auth/refresh-token');
    expect(md).to.match(/Role: issuing \(credentials in, a token response out\)\. Naming: \*\*documented/);
    expect(md).to.contain('login/unauthorized.wrong-credentials.json-body (application/json)');
    expect(md).to.not.match(/refresh-token\/unauthorized\.wrong-credentials/);
  });

  it('draws one HTML table per endpoint with distinct ids, and names probes with their endpoint', () => {
    const html = renderHtml(ENDPOINTS_INPUT);
    const tables = html.match(/<table id="[^"]+">\n<tr><th>Response code/g) ?? [];
    expect(tables).to.have.length(2);
    expect(new Set(tables).size).to.equal(2);
    expect(html).to.contain('<h1>Conformance of POST api/v1/auth/login, POST api/v1/auth/refresh-token</h1>');
    expect(html).to.contain('<td>login/unauthorized.wrong-credentials.json-body</td>');
  });

  it('names JUnit suites and test classes with the endpoint', () => {
    const xml = renderJunit(ENDPOINTS_INPUT);
    expect(xml).to.contain('<testsuite name="probe login/ok.json-body"');
    expect(xml).to.contain('<testsuite name="probe refresh-token/ok.json-body"');
    expect(xml).to.contain('classname="login/unauthorized.wrong-credentials.json-body [application/json]"');
  });
});
