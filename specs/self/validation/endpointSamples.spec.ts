// Messages judged against any Help Page endpoint's schemas: JSON and XML in one call, each
// result in its message's place; `shape` (the page's own samples, whose values ignore the
// validation attributes) against `contract` (real messages, attributes enforced); and the
// answers for a message the schemas cannot judge (malformed JSON, XML for a page with no XML
// sample, XML that is not well-formed).

import { expect } from 'chai';
import { join } from 'node:path';
import { loadDocPath } from '../../../src/doc/docSet.ts';
import { responseSchemasIn, type NamedSchemas } from '../../../src/schemas/endpointSchemas.ts';
import { EndpointValidator, type MessageToValidate } from '../../../src/validation/endpointSamples.ts';
import { CORPUS } from '../doc/corpus.ts';

function page(file: string) {
  const [api] = loadDocPath(join(CORPUS, file)).endpoints;
  const sample = (format: 'json' | 'xml') => api!.response!.samples.find((s) => s.format === format)!.text;
  return { schemas: responseSchemasIn(api!, 'documented')!, sample };
}

/** GET api/colorapi/color/{id}: its samples break the table's `Max length: 6` on hexadecimal_code. */
const color = page('html/bemicron-scaldis.GET-api-colorapi-color-id.html');
/** A page with a JSON sample only. */
const jsonOnly = page('pipes/pinch.POST-api-contents-heads.txt');

const message = (schemas: NamedSchemas, format: 'json' | 'xml', text: string, strictness: 'shape' | 'contract'): MessageToValidate => ({ schemas, format, text, strictness });
const HEX_JSON = { field: 'hexadecimal_code', path: '/hexadecimal_code', received: '"sample string 4"', expected: 'must NOT have more than 6 characters' };

describe('messages against a Help Page endpoint\'s schemas', function () {
  this.timeout(30000);

  it('judges JSON by shape for the page\'s samples and by contract for real messages', async () => {
    const validator = new EndpointValidator();
    const json = color.sample('json');
    expect(await validator.validate([message(color.schemas, 'json', json, 'shape'), message(color.schemas, 'json', json, 'contract')])).to.deep.equal([[], [HEX_JSON]]);
    // The compiled validators are kept: a second call judges alike.
    expect(await validator.validate([message(color.schemas, 'json', json, 'contract'), message(color.schemas, 'json', json, 'shape')])).to.deep.equal([[HEX_JSON], []]);
  });

  it('answers malformed JSON with the parser\'s reason', async () => {
    const [problems] = await new EndpointValidator().validate([message(color.schemas, 'json', '{"id": ', 'contract')]);
    expect(problems).to.have.length(1);
    expect(problems![0]).to.include({ path: '(document)', expected: 'a well-formed JSON document' });
    expect(problems![0]!.received).to.match(/^malformed JSON \(.+\)$/);
  });

  it('judges XML and JSON of one call, each result in its message\'s place, the XSD of a page written once', async () => {
    const validator = new EndpointValidator();
    const xml = color.sample('xml');
    const fixed = xml.replace('sample string 4', 'FF00AA');
    const results = await validator.validate([
      message(color.schemas, 'xml', xml, 'shape'),
      message(color.schemas, 'json', '[]', 'shape'),
      message(color.schemas, 'xml', xml, 'contract'),
      message(color.schemas, 'xml', fixed, 'contract'),
      message(color.schemas, 'xml', fixed.replace(/<active>[^<]*<\/active>/, '<active>maybe</active>'), 'shape'),
    ]);
    expect(results[0]).to.deep.equal([]);
    expect(results[1]).to.deep.equal([{ path: '/', received: '[]', expected: 'a value of type object' }]);
    expect(results[2]!.map((p) => p.field)).to.include('hexadecimal_code');
    expect(results[2]!.map((p) => p.received).join(' ')).to.contain('sample string 4');
    expect(results[3]).to.deep.equal([]);
    expect(results[4]!.map((p) => p.received).join(' ')).to.contain('maybe');
    expect(await validator.validate([message(color.schemas, 'xml', xml, 'contract')])).to.deep.equal([results[2]]);
  });

  it('answers XML for a page without an XML sample: it gives no namespace to judge by', async () => {
    const results = await new EndpointValidator().validate([
      message(jsonOnly.schemas, 'xml', '<ContentHeadDto><Id>1</Id></ContentHeadDto>', 'contract'),
      message(jsonOnly.schemas, 'json', jsonOnly.sample('json'), 'shape'),
    ]);
    expect(results).to.deep.equal([
      [{ path: '(document)', received: 'an XML message', expected: 'JSON: the page shows no well-formed XML sample, so it gives no DataContract namespace for an XSD' }],
      [],
    ]);
  });

  it('answers XML that is not well-formed, or declares a DOCTYPE, with why', async () => {
    const results = await new EndpointValidator().validate([
      message(jsonOnly.schemas, 'xml', '<a><b></a>', 'contract'),
      message(jsonOnly.schemas, 'xml', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', 'shape'),
    ]);
    for (const [problem] of results) expect(problem).to.include({ path: '(document)', expected: 'a well-formed XML document without DOCTYPE' });
    expect(results[0]![0]!.received).to.match(/b/);
    expect(results[1]![0]!.received).to.equal('DOCTYPE and entity declarations are refused');
  });

  it('judges nothing when given nothing', async () => {
    expect(await new EndpointValidator().validate([])).to.deep.equal([]);
  });
});
