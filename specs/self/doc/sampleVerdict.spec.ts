// `doc check`'s verdict on a page's own samples: which samples are judged, counted and listed
// as failures, and when a failing XML sample is called XmlSerializer output (xmlns:xsd on its
// root, or attributes on its elements) rather than a DataContract sample gone wrong. All pages
// are judged in one call (one JVM for their XML).

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { REFRESH_TOKEN_DOC } from '../../../src/doc/endpoint.ts';
import { parsePage } from '../../../src/doc/parsePage.ts';
import { checkSamples, type EndpointVerdict } from '../../../src/doc/sampleCheck.ts';
import { endpointSchemas } from '../../../src/schemas/endpointSchemas.ts';

const XSI = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"';
const NS = 'xmlns="http://schemas.datacontract.org/2004/07/Shop"';

/** A page whose response is `Order { Number: integer, Note: string }`, with the given response samples. */
function orderPage(path: string, responseFormats: string, resource = 'Order\n| Name | Description | Type | Additional information |\n|---|---|---|---|\n| Number | | integer | None. |\n| Note | | string | None. |'): string {
  return `GET api/${path}\nRequest Information\nURI Parameters\nNone.\nBody Parameters\nNone.\nResponse Information\nResource Description\n${resource}\nResponse Formats\n${responseFormats}\n`;
}

const xmlSample = (xml: string) => `application/xml, text/xml\nSample:\n${xml}`;
const GOOD_JSON = 'application/json, text/json\nSample:\n{ "Number": 1, "Note": "sample string 2" }';

const pages: Record<string, string> = {
  good: orderPage('good', `${GOOD_JSON}\n${xmlSample(`<Order ${XSI} ${NS}><Note>sample string 2</Note><Number>1</Number></Order>`)}\napplication/x-www-form-urlencoded\nSample:\nNumber=1&Note=x`),
  badJson: orderPage('bad-json', 'application/json, text/json\nSample:\n{ "Number": "one", "Note": "sample string 2" }'),
  badJsonWithMarkup: orderPage('bad-json-markup', 'application/json, text/json\nSample:\n{ "Number": "one", "Note": "<b c=" }'),
  dataContractWrong: orderPage('dc-wrong', xmlSample(`<Order ${XSI} ${NS}><Note>sample string 2</Note><Number>one</Number></Order>`)),
  xsdOnRoot: orderPage('xsd-root', xmlSample(`<Order xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Number>one</Number><Note>sample string 2</Note></Order>`)),
  attribute: orderPage('attribute', xmlSample(`<Order ${XSI} ${NS}><Note  lang="en">sample string 2</Note><Number>one</Number></Order>`)),
  prefixedAttribute: orderPage('prefixed', xmlSample(`<Order ${XSI} ${NS}><Note xml:lang="en">sample string 2</Note><Number>one</Number></Order>`)),
  nilOnly: orderPage('nil', xmlSample(`<Order ${XSI} ${NS}><Note i:nil="true" /><Number>one</Number></Order>`)),
  rootAttribute: orderPage('root-attribute', xmlSample(`<Order version="2" ${XSI} ${NS}><Note>sample string 2</Note><Number>one</Number></Order>`)),
  // Samples in backing-field naming are judged by the schemas of that naming, not the documented one.
  refreshToken: readFileSync(REFRESH_TOKEN_DOC, 'utf8'),
  undescribed: orderPage('undescribed', xmlSample(`<IHttpActionResult ${XSI} ${NS} />`) + `\n${GOOD_JSON.replace('application/json, text/json', 'text/plain')}`, 'IHttpActionResult\nNone.'),
};

const HINT = 'the sample looks like XmlSerializer output (xmlns:xsd on the root, or attributes), not DataContractSerializer\'s: the XSD describes the DataContract form';

describe('Help Page sample verdicts', function () {
  this.timeout(60000);

  // Read once, outside the tests: the reader has specs of its own, and this one (a JVM per run)
  // need not run for every change to it.
  const names = Object.keys(pages);
  const endpoints = names.map((name) => {
    const page = parsePage(pages[name]!, `${name}.txt`);
    if (page.kind !== 'api') throw new Error(`${name}: not an API page`);
    return page.endpoint;
  });

  async function judge(): Promise<Record<string, EndpointVerdict>> {
    const verdicts = await checkSamples(endpoints.map((endpoint) => endpointSchemas(endpoint)));
    return Object.fromEntries(names.map((name, i) => [name, verdicts[i]!]));
  }

  it('judges every JSON and XML sample by its own page\'s schemas, names each failure and tells XmlSerializer output apart', async () => {
    const v = await judge();
    const summary = (name: string) => {
      const verdict = v[name]!;
      return { valid: verdict.valid, total: verdict.total, failures: verdict.failures.map((f) => ({ direction: f.direction, format: f.sample.format, line: f.sample.at.line, hint: f.hint ?? null, problems: f.problems.length > 0 })) };
    };
    expect(summary('good')).to.deep.equal({ valid: 2, total: 2, failures: [] });
    expect(v.good!.unchecked.map((s) => [s.mediaTypes, s.text])).to.deep.equal([[['application/x-www-form-urlencoded'], 'Number=1&Note=x']]);
    expect(v.good!.schemas.endpoint.path).to.equal('api/good');
    expect(summary('badJson')).to.deep.equal({ valid: 0, total: 1, failures: [{ direction: 'response', format: 'json', line: 17, hint: null, problems: true }] });
    expect(v.badJson!.failures[0]!.sample.text).to.equal('{ "Number": "one", "Note": "sample string 2" }');
    expect(summary('badJsonWithMarkup')).to.deep.equal({ valid: 0, total: 1, failures: [{ direction: 'response', format: 'json', line: 17, hint: null, problems: true }] });
    expect(v.refreshToken!.schemas.bodies.map((b) => [b.sampleNaming, b.schemas.map((n) => n.naming)])).to.deep.equal([['documented', ['documented']], ['backing-field', ['documented', 'backing-field']]]);
    expect(summary('refreshToken')).to.deep.equal({ valid: 4, total: 4, failures: [] });
    for (const name of ['dataContractWrong', 'nilOnly', 'rootAttribute']) {
      expect(summary(name), name).to.deep.equal({ valid: 0, total: 1, failures: [{ direction: 'response', format: 'xml', line: 17, hint: null, problems: true }] });
    }
    for (const name of ['xsdOnRoot', 'attribute', 'prefixedAttribute']) {
      expect(summary(name), name).to.deep.equal({ valid: 0, total: 1, failures: [{ direction: 'response', format: 'xml', line: 17, hint: HINT, problems: true }] });
    }
    expect(v.undescribed!.schemas.bodies[0]!.schemas).to.deep.equal([]);
    expect(summary('undescribed')).to.deep.equal({ valid: 0, total: 0, failures: [] });
    expect(v.undescribed!.unchecked).to.deep.equal([]);
  });
});
