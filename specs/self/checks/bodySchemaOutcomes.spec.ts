// body.schema outcome by outcome: the exact title naming the body and the schema it was judged
// against (a token response in its naming, an error body, a generic endpoint's own type), the
// problems shown (five at most, the rest counted), an endpoint whose page documents no response
// body, and a body nobody validated, which is a fault of the run, never a pass.

import { expect } from 'chai';
import type { ProbeExchange } from '../../../src/checks/exchange.ts';
import { requestShape } from '../../../src/endpoints/requestShape.ts';
import { context, exchange } from './fixtures.ts';
import { failed, onGenericEndpoint, outcomes, passed } from './expectedOutcomes.ts';

const withBody = (e: ProbeExchange, body: string, status = 200): ProbeExchange => ({ ...e, response: { ...e.response!, status, body } });
const generic = onGenericEndpoint(exchange({ body: '{}' }));
const valid = requestShape(generic.endpoint!)!.sample.json! as Record<string, unknown>;
/** The generic endpoint as a page that documents no response body. */
const undocumented: ProbeExchange = { ...generic, endpoint: { ...generic.endpoint!, api: { ...generic.endpoint!.api, response: undefined } } };

describe('body.schema, outcome by outcome', () => {
  it('names a generic endpoint\'s body and schema by the page\'s response type', () => {
    expect(outcomes('body.schema', withBody(generic, JSON.stringify(valid)))).to.deep.equal(passed('Model body valid against the Model JSON Schema'));
    const { model_code: code, ...rest } = valid;
    expect(outcomes('body.schema', withBody(generic, JSON.stringify({ Model_code: code, ...rest })))).to.deep.equal([
      { status: 'fail', title: 'Model body invalid against the Model JSON Schema: 1 problem(s)', message: 'model_code (/): Received: no such member / Expected: member "model_code"' },
    ]);
  });
  it('names an error body and its schema', () => {
    expect(outcomes('body.schema', exchange({ status: 400, body: '{"Message":1}' }))).to.deep.equal([
      { status: 'fail', title: 'error body invalid against the error JSON Schema: 1 problem(s)', message: 'Message (/Message): Received: 1 / Expected: a value of type string' },
    ]);
  });
  it('shows five problems joined, and counts the rest', () => {
    const xsd = [1, 2, 3, 4, 5, 6, 7].map((i) => ({ field: `f${i}`, path: `1:${i}`, received: `r${i}`, expected: `e${i}` }));
    expect(outcomes('body.schema', exchange({ mediaType: 'application/xml', body: '<a/>' }), context({ xsd }))).to.deep.equal([{
      status: 'fail',
      title: 'token response invalid against the backing-field XSD: 7 problem(s)',
      message: 'f1 (1:1): Received: r1 / Expected: e1; f2 (1:2): Received: r2 / Expected: e2; f3 (1:3): Received: r3 / Expected: e3; f4 (1:4): Received: r4 / Expected: e4; f5 (1:5): Received: r5 / Expected: e5 (+2 more)',
    }]);
  });
  it('refuses a body nobody validated, naming its format and case', () => {
    expect(() => outcomes('body.schema', exchange({ mediaType: 'application/xml', body: '<a/>' }), { ...context(), xsdProblems: () => undefined }))
      .to.throw('body.schema: the XML body of fixture was not validated');
  });
  describe('a page that documents no response body', () => {
    it('skips a 200 body it has no schema for, saying why, and wants no body at all', () => {
      expect(outcomes('body.schema', withBody(undocumented, JSON.stringify(valid)))).to.deep.equal([{ status: 'skip', title: 'response body not judged: the page documents no response body', message: '' }]);
      expect(outcomes('body.schema', withBody(undocumented, ''))).to.deep.equal([]);
      expect(outcomes('body.schema', withBody(undocumented, '{'))).to.deep.equal(failed('response body does not parse',
        'malformed JSON (Expected property name or \'}\' in JSON at position 1)', 'a well-formed response body'));
    });
    it('still judges its error bodies', () => {
      expect(outcomes('body.schema', withBody(undocumented, '{"Message":"x"}', 400))).to.deep.equal(passed('error body valid against the error JSON Schema'));
    });
  });
  it('judges no status that calls for no body (a redirect), and no missing response', () => {
    expect(outcomes('body.schema', exchange({ status: 302, body: '{' }))).to.deep.equal([]);
    expect(outcomes('body.schema', exchange({ noResponse: 'reset' }))).to.deep.equal([]);
  });
});
