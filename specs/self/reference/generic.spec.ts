// The generic (non-auth) endpoint the provider serves from a page of the Help Page corpus
// (MedSoft's POST api/TablesManagement/ADUModel?pType={pType}), as Web API would: 200 answers
// valid against the contract schemas generated from that page in every media type, Web API's
// ModelState 400 for a Required member missing or a value its attributes or type refuse (JSON,
// XML and the form bodies its page lists), 415, 404 without the required query parameter, and
// the same content and charset negotiation as the auth endpoints.

import { expect } from 'chai';
import { loadDocPath } from '../../../src/doc/docSet.ts';
import { GENERIC_DOC, genericParts } from '../../../src/reference/genericContract.ts';
import { startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { endpointSchemas } from '../../../src/schemas/endpointSchemas.ts';
import { validateAgainstDoc } from '../../../src/validate/validateAgainstDoc.ts';
import { EndpointValidator, type MessageToValidate } from '../../../src/validation/endpointSamples.ts';
import {
  GENERIC, GENERIC_ENDPOINT, MEDIA_TYPES, VALID_MODEL, XSI, genericJson, genericXml, isXml, jsonObject, post, postGeneric, rawPost, xmlRoot, type Wire,
} from './support.ts';

const NAMESPACE = 'http://schemas.datacontract.org/2004/07/CustDemog';
const SCHEMAS = endpointSchemas(loadDocPath(GENERIC_DOC).endpoints[0]!);
const schemasOf = (direction: 'request' | 'response') => SCHEMAS.bodies.find((b) => b.direction === direction)!.schemas[0]!;

/** The ModelState of a 400, whichever format it came in. */
function modelState(wire: Wire): Record<string, string> {
  if (!isXml(wire.contentType.split(';')[0]!)) {
    const state = jsonObject(wire).ModelState as Record<string, string[]>;
    return Object.fromEntries(Object.entries(state).map(([key, messages]) => [key, messages.join(' ')]));
  }
  const state = xmlRoot(wire).children.find((c) => c.localName === 'ModelState')!;
  return Object.fromEntries(state.children.map((c) => [c.localName, c.text]));
}

describe('reference provider: the generic endpoint from a non-auth Help Page', function () {
  this.timeout(60_000);
  let provider: ReferenceProvider;
  before(async () => {
    provider = await startReferenceProvider();
  });
  after(() => provider.stop());

  it('is built from the page: path, required query parameter, JSON keys and DataContract elements in the sample\'s order', () => {
    expect(GENERIC_ENDPOINT.method).to.equal('POST');
    expect(GENERIC_ENDPOINT.path).to.equal('api/TablesManagement/ADUModel?pType={pType}');
    expect(GENERIC_ENDPOINT.requiredQuery).to.deep.equal(['pType']);
    expect(GENERIC_ENDPOINT.request.members.map((m) => [m.key, m.xml, m.type, m.optional])).to.deep.equal([
      ['model_code', 'model_code', 'integer', true],
      ['model_name', 'model_name', 'string', false],
      ['active', 'active', 'string', false],
      ['type_group_item', 'type_group_item', 'integer', true],
    ]);
    expect(GENERIC_ENDPOINT.request.xmlOrder).to.deep.equal(['active', 'model_code', 'model_name', 'type_group_item']);
    expect([GENERIC_ENDPOINT.request.typeName, GENERIC_ENDPOINT.request.xmlNamespace]).to.deep.equal(['Model', NAMESPACE]);
  });

  const unservable: [string, RegExp][] = [
    ['docs/help-pages/pipes/pinch.POST-api-contents-heads.txt', /pinch\.POST-api-contents-heads\.txt: the body "ContentHeadDto" needs a DataContract XML sample$/],
    ['docs/help-pages/markdown/aspnetmvcdemo.GET-api-Products-id.txt', /: the route api\/Products\/\{id\} has a template segment: the provider routes literal paths only$/],
    ['docs/help-pages/pipes/alayacare.POST-Auth-Login.txt', /: a request and a response body are needed$/],
    ['docs/help-pages/pipes/hesapkurye.POST-Authentication-Login.txt', /: member "\w+" is a boolean: the provider binds only string, integer$/],
    ['docs/no-such-page.txt', /no-such-page\.txt must document one endpoint \(.*cannot read: ENOENT\)$/],
  ];
  for (const [file, message] of unservable) {
    it(`refuses to build from a page it cannot serve, saying why: ${file.split('/').pop()}`, () => {
      expect(() => genericParts(file)).to.throw(message);
    });
  }

  it('answers 200 in all four media types to JSON and XML bodies, each answer valid against the contract schemas of its page', async () => {
    const messages: (MessageToValidate & { what: string })[] = [];
    for (const body of ['json', 'xml'] as const) {
      for (const accept of MEDIA_TYPES) {
        const wire = await postGeneric(provider, body === 'json' ? genericJson() : genericXml(), accept, `application/${body}`);
        expect(wire.status, `${body} body, ${accept}`).to.equal(200);
        expect(wire.contentType).to.equal(`${accept}; charset=utf-8`);
        messages.push({ what: `${body} body, ${accept}`, schemas: schemasOf('response'), format: isXml(accept) ? 'xml' : 'json', text: wire.body, strictness: 'contract' });
      }
    }
    messages.push({ what: 'the JSON request', schemas: schemasOf('request'), format: 'json', text: genericJson(), strictness: 'contract' });
    messages.push({ what: 'the XML request', schemas: schemasOf('request'), format: 'xml', text: genericXml(), strictness: 'contract' });
    const problems = await new EndpointValidator().validate(messages);
    expect(Object.fromEntries(messages.map((m, i) => [m.what, problems[i]]))).to.deep.equal(Object.fromEntries(messages.map((m) => [m.what, []])));
  });

  it('returns the model it received in the samples\' form: JSON keys in declaration order, XML elements in the sample\'s order, unbound members as CLR defaults', async () => {
    const json = await postGeneric(provider, genericJson({ model_name: 'Clínica', active: 'n' }));
    expect(json.body).to.equal('{"model_code":0,"model_name":"Clínica","active":"n","type_group_item":0}');
    const xml = await postGeneric(provider, genericXml(), 'application/xml');
    expect(xml.body).to.equal(
      `<Model xmlns:i="${XSI}" xmlns="${NAMESPACE}"><active>y</active><model_code>7</model_code><model_name>Clínica São José</model_name><type_group_item>3</type_group_item></Model>`,
    );
    const nil = await postGeneric(provider, genericJson({ model_name: 'x', active: 'y', model_code: 1 }), 'application/xml', 'application/json');
    expect(xmlRoot(nil).children.map((c) => [c.localName, c.text])).to.deep.equal([['active', 'y'], ['model_code', '1'], ['model_name', 'x'], ['type_group_item', '0']]);
  });

  it('sends Web API\'s default cache headers, not the auth server\'s no-store', async () => {
    const wire = await postGeneric(provider, genericJson());
    expect([wire.headers.get('cache-control'), wire.headers.get('pragma'), wire.headers.get('expires')]).to.deep.equal(['no-cache', 'no-cache', '-1']);
  });

  const missing: [string, () => string, string][] = [
    ['JSON without model_name', () => genericJson({ active: 'y' }), 'application/json'],
    ['JSON with an empty model_name', () => genericJson({ model_name: '', active: 'y' }), 'application/json'],
    ['JSON with a blank model_name', () => genericJson({ model_name: '   ', active: 'y' }), 'application/json'],
    ['JSON with a null model_name', () => genericJson({ model_name: null, active: 'y' }), 'application/json'],
    ['XML without model_name', () => genericXml({ active: 'y', model_code: 1 }), 'application/xml'],
    ['XML with model_name i:nil', () => genericXml({ active: 'y', model_name: null }), 'text/xml'],
    ['XML with model_name after type_group_item (DataContractSerializer skips it)', () => `<Model xmlns="${NAMESPACE}"><active>y</active><type_group_item>1</type_group_item><model_name>x</model_name></Model>`, 'application/xml'],
    ['XML with Model_Name in another case', () => `<Model xmlns="${NAMESPACE}"><active>y</active><Model_Name>x</Model_Name></Model>`, 'application/xml'],
  ];
  for (const [what, body, mediaType] of missing) {
    it(`answers 400 with the ModelState of the Required member to ${what}`, async () => {
      const wire = await postGeneric(provider, body(), mediaType);
      expect(wire.status).to.equal(400);
      expect(wire.contentType).to.equal(`${mediaType}; charset=utf-8`);
      expect(modelState(wire)).to.deep.equal({ 'model.model_name': 'The model_name field is required.' });
    });
  }

  it('lists every ModelState error at once: an empty body misses both Required members', async () => {
    const wire = await postGeneric(provider, '');
    expect(wire.status).to.equal(400);
    expect(jsonObject(wire)).to.deep.equal({
      Message: 'The request is invalid.',
      ModelState: { 'model.model_name': ['The model_name field is required.'], 'model.active': ['The active field is required.'] },
    });
  });

  const refused: [string, () => string, string, Record<string, string>][] = [
    ['text in the integer model_code (JSON)', () => genericJson({ ...VALID_MODEL, model_code: 'abc' }), 'application/json', { 'model.model_code': 'The model_code field must be an integer.' }],
    ['a fraction in the integer type_group_item (JSON)', () => genericJson({ ...VALID_MODEL, type_group_item: 1.5 }), 'application/json', { 'model.type_group_item': 'The type_group_item field must be an integer.' }],
    ['text in the integer model_code (XML)', () => genericXml({ ...VALID_MODEL, model_code: 'abc' }), 'application/xml', { 'model.model_code': 'The model_code element must be an integer.' }],
    ['an object for the string model_name (JSON)', () => JSON.stringify({ model_name: { a: 1 }, active: 'y' }), 'application/json', { 'model.model_name': 'The model_name field must be a string.' }],
    ['active outside ^[yn]{1}$ and longer than 1 (JSON)', () => genericJson({ ...VALID_MODEL, active: 'yes' }), 'application/json', {
      'model.active': 'The field active must be a string with a maximum length of 1. The field active must match the regular expression \'^[yn]{1}$\'.',
    }],
    ['a model_name of 31 characters (XML)', () => genericXml({ ...VALID_MODEL, model_name: 'x'.repeat(31) }), 'application/xml', {
      'model.model_name': 'The field model_name must be a string with a maximum length of 30.',
    }],
  ];
  for (const [what, body, mediaType, state] of refused) {
    it(`answers 400 with Web API's ModelState to ${what}`, async () => {
      const wire = await postGeneric(provider, body(), mediaType);
      expect(wire.status).to.equal(400);
      expect(modelState(wire)).to.deep.equal(state);
    });
  }

  it('writes every error as Web API\'s HttpError, valid against its schema in JSON and XML (400, 404, 415)', async () => {
    for (const accept of ['application/json', 'application/xml']) {
      const errors = [
        await postGeneric(provider, genericJson({ active: 'yes' }), accept, 'application/json'),
        await post(provider, '/api/TablesManagement/ADUModel', genericJson(), { 'content-type': 'application/json', accept }),
        await postGeneric(provider, 'x', accept, 'text/plain'),
      ];
      expect(errors.map((w) => w.status)).to.deep.equal([400, 404, 415]);
      for (const wire of errors) {
        const verdict = await validateAgainstDoc(wire.body, SCHEMAS, { kind: 'error' });
        expect(verdict.problems, `${wire.status} as ${accept}`).to.deep.equal([]);
      }
    }
  });

  it('binds JSON keys ignoring case and ignores unknown members, as Json.NET does', async () => {
    const wire = await postGeneric(provider, '{"MODEL_NAME":"Upper","Active":"n","extra":[1,2],"__proto__":{"x":1}}');
    expect(wire.status).to.equal(200);
    expect(jsonObject(wire)).to.include({ model_name: 'Upper', active: 'n' });
  });

  it('reads form bodies, which its page lists among the request formats: keys ignoring case, the first of repeated keys, an empty value as null', async () => {
    const form = 'application/x-www-form-urlencoded';
    const ok = await postGeneric(provider, 'MODEL_NAME=Cl%C3%ADnica+Norte&active=n&active=y&model_code=5&other=1', 'application/json', form);
    expect([ok.status, ok.body]).to.deep.equal([200, '{"model_code":5,"model_name":"Clínica Norte","active":"n","type_group_item":0}']);
    const empty = await postGeneric(provider, 'model_name=x&active=', 'application/xml', `${form}; charset=utf-8`);
    expect([empty.status, modelState(empty)]).to.deep.equal([400, { 'model.active': 'The active field is required.' }]);
    const text = await postGeneric(provider, 'model_name=x&active=y&type_group_item=two', 'application/json', form);
    expect(modelState(text)).to.deep.equal({ 'model.type_group_item': 'The type_group_item field must be an integer.' });
    const login = await post(provider, '/api/v1/auth/login', 'company=1&username=ADMIN&password=consinco', { 'content-type': form, accept: 'application/json' });
    expect(login.status, 'the auth pages list no form format: their server reads none').to.equal(415);
  });

  it('answers 415 to a body no formatter reads and 400 to one that does not parse', async () => {
    const plain = await postGeneric(provider, 'model_name=x', 'application/json', 'text/plain');
    expect([plain.status, jsonObject(plain).Message]).to.deep.equal([415, "The request entity's media type is not supported for this resource."]);
    const broken = await postGeneric(provider, '<Model', 'application/xml');
    expect(broken.status).to.equal(400);
    const wrongRoot = await postGeneric(provider, genericXml().replace(NAMESPACE, `${NAMESPACE}.Other`), 'application/xml');
    expect(modelState(wrongRoot)).to.deep.equal({ model: `Expecting element 'Model' from namespace '${NAMESPACE}'.` });
  });

  it('selects no action without the required pType query parameter (404) and refuses other methods (405)', async () => {
    const bare = await post(provider, '/api/TablesManagement/ADUModel', genericJson(), { 'content-type': 'application/json', accept: 'application/json' });
    expect(bare.status).to.equal(404);
    const otherKey = await post(provider, '/api/TablesManagement/ADUModel?type=1', genericJson(), { 'content-type': 'application/json', accept: 'application/json' });
    expect(otherKey.status).to.equal(404);
    const emptyValue = await post(provider, '/API/tablesmanagement/adumodel?PTYPE=', genericJson(), { 'content-type': 'application/json', accept: 'application/json' });
    expect(emptyValue.status, 'the key present, empty, on a path in other cases').to.equal(200);
    const get = await fetch(`${provider.url}${GENERIC}`, { signal: AbortSignal.timeout(5000) });
    expect([get.status, get.headers.get('allow')]).to.deep.equal([405, 'POST']);
  });

  it('negotiates as the auth endpoints do: Accept, an Accept tie to JSON, the request\'s Content-Type when Accept is missing or unusable', async () => {
    const noAccept = await rawPost(provider, GENERIC, genericXml(), { 'content-type': 'text/xml' });
    expect(noAccept.contentType).to.equal('text/xml; charset=utf-8');
    const tie = await postGeneric(provider, genericXml(), 'application/xml, application/json', 'application/xml');
    expect(tie.contentType).to.equal('application/json; charset=utf-8');
    const unknown = await postGeneric(provider, genericXml(), 'text/html', 'application/xml');
    expect(unknown.contentType).to.equal('application/xml; charset=utf-8');
    const star = await postGeneric(provider, genericJson(), 'text/*');
    expect(star.contentType).to.equal('text/json; charset=utf-8');
  });

  it('answers Accept-Charset utf-16 in UTF-16LE with a byte order mark, and binds a UTF-16 request body', async () => {
    const res = await fetch(`${provider.url}${GENERIC}`, {
      method: 'POST',
      body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(genericXml(), 'utf16le')]),
      headers: { 'content-type': 'application/xml; charset=utf-16', accept: 'application/xml', 'accept-charset': 'utf-16' },
      signal: AbortSignal.timeout(5000),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/xml; charset=utf-16');
    expect([...bytes.subarray(0, 2)]).to.deep.equal([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).to.contain('<model_name>Clínica São José</model_name>');
  });

  it('answers 500 when a value it echoes cannot be written as XML 1.0 (the XML writer throws), JSON escapes it', async () => {
    const control = genericJson({ ...VALID_MODEL, model_name: 'bell\u0007' });
    expect((await postGeneric(provider, control, 'application/xml', 'application/json')).status).to.equal(500);
    const json = await postGeneric(provider, control);
    expect([json.status, jsonObject(json).model_name]).to.deep.equal([200, 'bell\u0007']);
  });
});
