// The refresh-token pipeline's view of a Help Page (helpPage.ts, endpoint.ts): what it keeps of
// a page (members, OPTIONAL and its default, Data type, JSON and XML samples only), what it
// refuses (with the line and the exact reason), and that each doc copy is read once. Pages are
// variants of the project's own doc, read inside each test.

import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docEndpoint, REFRESH_TOKEN_DOC, refreshTokenEndpoint } from '../../../src/doc/endpoint.ts';
import { HelpPageError, parseHelpPage } from '../../../src/doc/helpPage.ts';

const doc = readFileSync(REFRESH_TOKEN_DOC, 'utf8');

/** The doc with each `[find, replace]` applied once; each `find` must be in it. */
function variant(...edits: [string, string][]): string {
  return edits.reduce((text, [find, replace]) => {
    expect(text, find).to.contain(find);
    return text.replace(find, replace);
  }, doc);
}

function refusal(text: string): { line: number; message: string } {
  try {
    parseHelpPage(text, 'doc.txt');
  } catch (error) {
    expect(error).to.be.instanceOf(HelpPageError);
    return { line: (error as HelpPageError).line, message: (error as HelpPageError).message };
  }
  throw new Error('expected the page to be refused');
}

const GRANT_TYPE = 'Grant type of Refresh Token (OPTIONAL, default value is \'refresh_token\') |';

describe('Help Page narrowed to the refresh-token pipeline', () => {
  it('keeps each field\'s name, description, type and line, with OPTIONAL and its default', () => {
    const model = parseHelpPage(doc, 'doc.txt');
    expect(model.request.fields).to.deep.equal([
      { name: 'refresh_token', description: 'Refresh token from last Response of /login service.', type: 'string', optional: false, line: 10 },
      { name: 'grant_type', description: 'Grant type of Refresh Token (OPTIONAL, default value is \'refresh_token\')', type: 'string', optional: true, defaultValue: 'refresh_token', line: 14 },
    ]);
    expect(model.response.fields.find((f) => f.name === '.issued')).to.deep.equal({ name: '.issued', description: '', type: 'date', optional: false, line: 80 });
    expect(model).to.include({ method: 'POST', path: 'api/v1/auth/refresh-token', summary: 'Method to get a new token based in refresh_token' });
    expect(model.request).to.include({ typeName: 'ConsincoRefreshTokenBindingModel', caption: 'Refresh Token' });
    expect(model.response).to.include({ typeName: 'TokenResponse', caption: 'New TokenResponse' });
    expect(model.uriParameters).to.deep.equal([]);
    expect(model.responseCodes).to.deep.equal([{ reason: 'OK', status: 200 }, { reason: 'BadRequest', status: 400 }, { reason: 'Unauthorized', status: 401 }, { reason: 'InternalServerError', status: 500 }]);
  });

  it('reads OPTIONAL without a default (in any case) as optional with no default value', () => {
    const model = parseHelpPage(variant([GRANT_TYPE, 'Grant type (optional) |']));
    expect(model.request.fields[1]).to.deep.equal({ name: 'grant_type', description: 'Grant type (optional)', type: 'string', optional: true, line: 14 });
  });

  it('reads an empty default value as a default', () => {
    const model = parseHelpPage(variant([GRANT_TYPE, 'Grant type (OPTIONAL, default value is \'\') |']));
    expect(model.request.fields[1]).to.include({ optional: true, defaultValue: '' });
  });

  it('keeps a field\'s "Data type" annotation', () => {
    const model = parseHelpPage(variant(['string |\nNone. |\ngrant_type', 'string |\nData type: Password |\ngrant_type']));
    expect(model.request.fields[0]).to.deep.equal({ name: 'refresh_token', description: 'Refresh token from last Response of /login service.', type: 'string', optional: false, dataType: 'Password', line: 10 });
  });

  it('keeps the JSON and XML samples with their media types and lines, and leaves out the form and "not available" ones', () => {
    const model = parseHelpPage(variant(['Response Information\n', 'application/x-www-form-urlencoded\nSample:\nrefresh_token=a\ntext/html\nSample:\nSample not available.\nResponse Information\n']));
    expect(model.request.samples.map((s) => [s.mediaTypes.join(', '), s.format, s.line])).to.deep.equal([
      ['application/json, text/json', 'json', 21],
      ['application/xml, text/xml', 'xml', 24],
    ]);
    expect(model.request.samples[0]!.text).to.equal('{ "refresh_token": "sample string 1", "grant_type": "sample string 2" }');
  });

  const refusals: [string, string, number, string][] = [
    ['a ResourceModel page', 'TokenResponse\nNone.\n', 1, 'expected an API page ("<METHOD> <path>" on the first line)'],
    ['a request documented as None.', doc.replace(/Refresh Token\n[^]*?(?=Response Information)/, 'None.\n'), 1, 'expected a request body described by a table'],
    ['a response of a simple type', doc.replace(/New TokenResponse\n[^]*?(?=Response Formats)/, 'New TokenResponse\nstring\n'), 1, 'expected a response body described by a table'],
    ['a response of a type without members', doc.replace(/New TokenResponse\n[^]*?(?=Response Formats)/, 'New TokenResponse\nTokenResponse\nNone.\n'), 1, 'expected a response body described by a table'],
    ['a response without JSON or XML samples', variant([doc.slice(doc.indexOf('Response Formats\n')), 'Response Formats\napplication/x-www-form-urlencoded\nSample:\na=b\n']), 1, 'no samples for the response'],
    ['a page without Response Codes', variant(['Response Codes\n- OK (200)\n- BadRequest (400)\n- Unauthorized (401)\n- InternalServerError (500)\n', '']), 1, 'section "Response Codes" is missing'],
    ['a field of a complex type', variant(['userCode | string |', 'userCode | Company |']), 59, 'field "userCode" has no known type (one of string, integer, boolean, date, decimal number), got "Company"'],
    ['a field of a simple type the pipeline does not type', variant(['userCode | string |', 'userCode | globally unique identifier |']), 59, 'field "userCode" has no known type (one of string, integer, boolean, date, decimal number), got "globally unique identifier"'],
  ];
  for (const [what, text, line, reason] of refusals) {
    it(`refuses ${what} at line ${line}`, () => {
      expect(refusal(text)).to.deep.equal({ line, message: `doc.txt: help page line ${line}: ${reason}` });
    });
  }

  it('names no source in the message of a page read without one', () => {
    expect(() => parseHelpPage('TokenResponse\nNone.\n')).to.throw(HelpPageError, /^help page line 1: expected an API page/);
    expect(() => parseHelpPage(doc.replace(/Response Codes\n[^]*?(?=Resource Description)/, ''))).to.throw(HelpPageError, /^help page line 1: section "Response Codes" is missing$/);
  });

  describe('docEndpoint', () => {
    let folder = '';
    beforeEach(() => { folder = mkdtempSync(join(tmpdir(), 'doc-endpoint-')); });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    it('reads a doc copy once: the same model again, even after the file changed', () => {
      const file = join(folder, 'refresh-token.help.txt');
      writeFileSync(file, doc);
      const first = docEndpoint(file);
      expect(first.path).to.equal('api/v1/auth/refresh-token');
      writeFileSync(file, doc.replace('POST api/v1/auth/refresh-token', 'POST api/v2/auth/refresh-token'));
      expect(docEndpoint(file)).to.equal(first);
    });

    it('gives the refresh-token endpoint from the project\'s copy of its page', () => {
      expect(refreshTokenEndpoint()).to.equal(docEndpoint(REFRESH_TOKEN_DOC));
      expect(refreshTokenEndpoint()).to.include({ method: 'POST', path: 'api/v1/auth/refresh-token' });
    });

    it('reads each doc copy on its own', () => {
      const a = join(folder, 'a.help.txt');
      const b = join(folder, 'b.help.txt');
      writeFileSync(a, doc);
      writeFileSync(b, doc.replace('POST api/v1/auth/refresh-token', 'POST api/v2/auth/refresh-token'));
      expect(docEndpoint(a).path).to.equal('api/v1/auth/refresh-token');
      expect(docEndpoint(b).path).to.equal('api/v2/auth/refresh-token');
    });
  });
});
