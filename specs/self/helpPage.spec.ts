// The Help Page parser reads the project's doc as given and names the line of a broken one.

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { REFRESH_TOKEN_DOC, refreshTokenEndpoint } from '../../src/doc/endpoint.ts';
import { HelpPageError, parseHelpPage } from '../../src/doc/helpPage.ts';

const docText = readFileSync(REFRESH_TOKEN_DOC, 'utf8');

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function brokenDoc(find: string, replace: string): string {
  expect(docText).to.contain(find);
  return docText.replace(find, replace);
}

/** The doc line where `find` starts: the error must point at it or just after. */
function lineOf(find: string): number {
  return docText.slice(0, docText.indexOf(find)).split('\n').length;
}

describe('Help Page parser', () => {
  const model = refreshTokenEndpoint();

  it('reads the method, path and summary', () => {
    expect(model.method).to.equal('POST');
    expect(model.path).to.equal('api/v1/auth/refresh-token');
    expect(model.summary).to.equal('Method to get a new token based in refresh_token');
  });

  it('reads the request body parameters with optional and default from the description', () => {
    expect(model.request.typeName).to.equal('ConsincoRefreshTokenBindingModel');
    expect(model.request.fields.map((f) => [f.name, f.type, f.optional, f.defaultValue])).to.deep.equal([
      ['refresh_token', 'string', false, undefined],
      ['grant_type', 'string', true, 'refresh_token'],
    ]);
  });

  it('reads every response field of the flattened table, in order, with its type', () => {
    expect(model.response.typeName).to.equal('TokenResponse');
    expect(model.response.fields.map((f) => `${f.name}:${f.type}`)).to.deep.equal([
      'access_token:string', 'token_type:string', 'expires_in:string', 'refresh_token:string', 'username:string',
      'id:integer', 'name:string', 'userSequence:integer', 'userCode:string', 'ADUser:string', 'permissionRole:string',
      'company:string', 'companyType:string', 'isExt:boolean', 'loginId:string', '.issued:date', '.expires:date',
    ]);
  });

  it('reads the response codes and the media types of each sample', () => {
    expect(model.responseCodes.map((c) => c.status)).to.deep.equal([200, 400, 401, 500]);
    for (const body of [model.request, model.response]) {
      expect(body.samples.map((s) => [s.format, s.mediaTypes])).to.deep.equal([
        ['json', ['application/json', 'text/json']],
        ['xml', ['application/xml', 'text/xml']],
      ]);
    }
  });

  const malformed: [string, string, string, RegExp][] = [
    ['a renamed section heading', 'Response Codes\n', 'Response Kodes\n', /unexpected text "Response Kodes"/],
    ['an unknown type', 'integer |\nNone. |\n|\nname', 'int32 |\nNone. |\n|\nname', /field "id" has no known type/],
    ['a malformed sample', 'Sample:\n<ConsincoRefreshTokenBindingModel xmlns:i', 'Sample:\n<ConsincoRefreshTokenBindingModel <xmlns:i', /request sample for "application\/xml, text\/xml" \(line \d+\) is not well-formed XML/],
    ['a bad response code line', '- Unauthorized (401)', '- Unauthorized 401', /expected a response code/],
    ['a cell without its bar', 'Refresh token from last Response of /login service. |', 'Refresh token from last Response of /login service.', /field "refresh_token": expected a type/],
  ];
  it('fails on a doc without a section, naming the section', () => {
    const text = brokenDoc('Response Codes\n- OK (200)\n- BadRequest (400)\n- Unauthorized (401)\n- InternalServerError (500)\n', '');
    expect(() => parseHelpPage(text)).to.throw(HelpPageError, /section "Response Codes" is missing/);
  });

  for (const [what, find, replace, message] of malformed) {
    it(`fails on ${what} with the line that broke`, () => {
      const text = brokenDoc(find, replace);
      expect(() => parseHelpPage(text)).to.throw(HelpPageError, message);
      const error = captureError(() => parseHelpPage(text)) as HelpPageError;
      expect(error.message).to.match(/^help page line \d+: /);
      expect(error.line).to.be.within(lineOf(find) - 1, lineOf(find) + 3);
    });
  }
});
