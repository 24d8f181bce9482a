// The schemas judge messages as the doc and real .NET servers make them: the doc's samples
// and every form a real Web API server emits pass; each broken form fails with a problem
// that names the field. Cases are data (JSON Schema Test Suite style); XML cases are
// validated in one batch, as the probes do.

import { expect } from 'chai';
import type { Naming } from '../../../src/findings/types.ts';
import { validateJsonBody, type BodyKind } from '../../../src/validation/jsonBody.ts';
import { formatProblem, type SchemaProblem } from '../../../src/validation/problem.ts';
import { validateXmlBodies } from '../../../src/validation/xmlBody.ts';
import { REQUEST_JSON, REQUEST_XML, RESPONSE_JSON, RESPONSE_XML, responseObject, responseXml } from '../support/docSamples.ts';

interface MessageCase {
  description: string;
  kind: BodyKind;
  naming?: Naming;
  json?: unknown;
  xml?: string;
  valid: boolean;
  /** For invalid cases: the field (member or element) the problem's message must name. */
  field?: string;
}

const NAMINGS: Naming[] = ['backing-field', 'documented'];
const DATES = ['2025-01-10T05:13:39', '2025-01-10T05:13:39.7', '2025-01-10T05:13:39.75', '2025-01-10T05:13:39.7555575', '2025-01-10T08:13:39.7555575Z', '2025-01-10T05:13:39.755-03:00', '2025-01-10T05:13:39+05:30'];
const idKey = (naming: Naming) => (naming === 'documented' ? 'id' : '<id>k__BackingField');
const idElement = (naming: Naming) => (naming === 'documented' ? 'id' : '_x003C_id_x003E_k__BackingField');
const nameElement = (naming: Naming) => (naming === 'documented' ? 'name' : '_x003C_name_x003E_k__BackingField');

const cases: MessageCase[] = [
  { description: "the doc's JSON request sample", kind: 'request', json: JSON.parse(REQUEST_JSON), valid: true },
  { description: 'a JSON request without the optional grant_type', kind: 'request', json: { refresh_token: 'abc' }, valid: true },
  { description: 'a JSON request without refresh_token', kind: 'request', json: { grant_type: 'refresh_token' }, valid: false, field: 'refresh_token' },
  { description: "the doc's XML request sample", kind: 'request', xml: REQUEST_XML, valid: true },
  { description: 'an XML request with GrantType after Refreshtoken', kind: 'request', xml: REQUEST_XML.replace('<GrantType>sample string 2</GrantType> <Refreshtoken>sample string 1</Refreshtoken>', '<Refreshtoken>sample string 1</Refreshtoken> <GrantType>sample string 2</GrantType>'), valid: false, field: 'GrantType' },
  { description: 'an XML request in a wrong namespace', kind: 'request', xml: REQUEST_XML.replace('AuthenticationServer.Models', 'AuthenticationServer.Dto'), valid: false, field: 'ConsincoRefreshTokenBindingModel' },
  { description: "the doc's JSON response sample", kind: 'response', naming: 'backing-field', json: JSON.parse(RESPONSE_JSON), valid: true },
  { description: "the doc's XML response sample", kind: 'response', naming: 'backing-field', xml: RESPONSE_XML, valid: true },
  { description: 'a Web API error body with only Message', kind: 'error', json: { Message: 'Authorization has been denied for this request.' }, valid: true },
  { description: 'a Web API validation error with ModelState', kind: 'error', json: { Message: 'The request is invalid.', ModelState: { 'model.refresh_token': ['The refresh_token field is required.'] } }, valid: true },
  { description: 'an error body with error detail on', kind: 'error', json: { Message: 'An error has occurred.', ExceptionMessage: 'x', ExceptionType: 'System.Exception', StackTrace: null }, valid: true },
  { description: 'an error body without Message', kind: 'error', json: { message: 'lower case' }, valid: false, field: 'Message' },
  { description: 'an XML error body', kind: 'error', xml: '<Error><Message>The request is invalid.</Message><MessageDetail>x</MessageDetail></Error>', valid: true },
  { description: 'an XML error body without Message', kind: 'error', xml: '<Error><MessageDetail>x</MessageDetail></Error>', valid: false, field: 'MessageDetail' },
  ...NAMINGS.flatMap((naming): MessageCase[] => [
    { description: `a ${naming} JSON response`, kind: 'response', naming, json: responseObject(naming), valid: true },
    { description: `a ${naming} JSON response with id as a string`, kind: 'response', naming, json: responseObject(naming, { id: '6' }), valid: false, field: idKey(naming) },
    { description: `a ${naming} JSON response with isExt as "true"`, kind: 'response', naming, json: responseObject(naming, { isExt: 'true' }), valid: false, field: naming === 'documented' ? 'isExt' : '<isExt>k__BackingField' },
    { description: `a ${naming} JSON response with a date without a time`, kind: 'response', naming, json: responseObject(naming, { issued: '2025-01-10' }), valid: false, field: naming === 'documented' ? '.issued' : '<issued>k__BackingField' },
    { description: `a ${naming} JSON response with an impossible date`, kind: 'response', naming, json: responseObject(naming, { expires: '2025-02-30T05:13:39' }), valid: false, field: naming === 'documented' ? '.expires' : '<expires>k__BackingField' },
    { description: `a ${naming} JSON response missing loginId`, kind: 'response', naming, json: Object.fromEntries(Object.entries(responseObject(naming)).filter(([k]) => !k.includes('loginId'))), valid: false, field: naming === 'documented' ? 'loginId' : '<loginId>k__BackingField' },
    { description: `a ${naming} JSON response with null strings (a .NET null reference)`, kind: 'response', naming, json: responseObject(naming, { ADUser: null, loginId: null, userCode: null }), valid: true },
    { description: `a ${naming} JSON response with an extra field (productLine)`, kind: 'response', naming, json: { ...responseObject(naming), productLine: 'ERP' }, valid: true },
    ...DATES.map((date): MessageCase => ({ description: `a ${naming} JSON response dated ${date}`, kind: 'response', naming, json: responseObject(naming, { issued: date, expires: date }), valid: true })),
    { description: `a ${naming} XML response`, kind: 'response', naming, xml: responseXml(naming), valid: true },
    { description: `a ${naming} XML response with i:nil strings`, kind: 'response', naming, xml: responseXml(naming, { ADUser: null, loginId: null }), valid: true },
    ...DATES.map((date): MessageCase => ({ description: `a ${naming} XML response dated ${date}`, kind: 'response', naming, xml: responseXml(naming, { issued: date, expires: date }), valid: true })),
    { description: `a ${naming} XML response with id = abc`, kind: 'response', naming, xml: responseXml(naming, { id: 'abc' }), valid: false, field: idElement(naming) },
    { description: `a ${naming} XML response with isExt = yes`, kind: 'response', naming, xml: responseXml(naming, { isExt: 'yes' }), valid: false, field: naming === 'documented' ? 'isExt' : '_x003C_isExt_x003E_k__BackingField' },
    { description: `a ${naming} XML response with a date without a time`, kind: 'response', naming, xml: responseXml(naming, { issued: '2025-01-10' }), valid: false, field: naming === 'documented' ? '_x002E_issued' : '_x003C_issued_x003E_k__BackingField' },
    { description: `a ${naming} XML response with name omitted instead of i:nil`, kind: 'response', naming, xml: responseXml(naming, {}, ['name']), valid: false, field: nameElement(naming) },
    { description: `a ${naming} XML response with elements in declaration order`, kind: 'response', naming, xml: responseXml(naming, {}, [], (names) => names.reverse()), valid: false },
    { description: `a ${naming} XML response in a wrong namespace`, kind: 'response', naming, xml: responseXml(naming).replace('Kike.Security.Data.Dto', 'Kike.Security.Dto'), valid: false, field: 'TokenResponse' },
    { description: `a ${naming} XML response with an unknown element`, kind: 'response', naming, xml: responseXml(naming).replace(`<${nameElement(naming)}>`, `<productLine>ERP</productLine><${nameElement(naming)}>`), valid: false, field: 'productLine' },
  ]),
];

describe('schemas judge messages as the doc and real servers make them', () => {
  const xmlCases = cases.filter((c) => c.xml !== undefined);
  let xmlProblems: SchemaProblem[][] = [];

  before(async () => {
    xmlProblems = await validateXmlBodies(xmlCases.map((c) => ({ kind: c.kind, xml: c.xml!, ...(c.naming ? { naming: c.naming } : {}) })));
  });

  for (const c of cases) {
    it(`${c.valid ? 'accepts' : 'rejects'} ${c.description}`, () => {
      const problems = c.xml !== undefined ? xmlProblems[xmlCases.indexOf(c)]! : validateJsonBody(c.kind, c.json, c.naming);
      const text = problems.map(formatProblem).join('\n');
      if (c.valid) {
        expect(problems, text).to.deep.equal([]);
        return;
      }
      expect(problems, 'expected at least one problem').not.to.deep.equal([]);
      for (const p of problems) expect(formatProblem(p)).to.match(/Received: .+ \/ Expected: .+/);
      if (c.field) expect(text, 'the problem must name the field').to.contain(c.field);
    });
  }
});

describe('batched XSD validation', () => {
  it('still validates the documents after one that Xerces finds not well-formed', async () => {
    // U+FFFE passes the JavaScript well-formedness check but is a fatal error for Xerces.
    const notWellFormed = responseXml('backing-field', { name: 'bad \uFFFE char' });
    const [first, broken, valid, invalid] = await validateXmlBodies([
      { kind: 'response', xml: responseXml('backing-field') },
      { kind: 'response', xml: notWellFormed },
      { kind: 'response', xml: responseXml('backing-field') },
      { kind: 'response', xml: responseXml('backing-field', { id: 'abc' }) },
    ]);
    expect(first).to.deep.equal([]);
    expect(broken).not.to.deep.equal([]);
    expect(valid).to.deep.equal([]);
    expect(invalid!.map(formatProblem).join('\n')).to.contain('_x003C_id_x003E_k__BackingField');
  });
});
