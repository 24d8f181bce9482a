// The page reader on small text copies written here, one rule per case: the model it makes of
// an API page, a ResourceModel page and the /Help index (every field, every line), the body
// forms the generator writes, the sample kinds, and each refusal with its exact line and
// message. Every page is read inside its test.

import { expect } from 'chai';
import { HelpPageError } from '../../../src/doc/outline.ts';
import { parsePage } from '../../../src/doc/parsePage.ts';
import type { Page } from '../../../src/doc/readPage.ts';

const SOURCE = 'orders.txt';
const HEADER = '| Name | Description | Type | Additional information |\n|---|---|---|---|';

/** An API page in the markdown rendering; each part may be replaced by a case. */
function apiPage(parts: Partial<Record<'title' | 'preamble' | 'uri' | 'request' | 'requestFormats' | 'response' | 'responseFormats' | 'codes', string>> = {}): string {
  const p = {
    title: 'GET api/orders/{id}',
    preamble: 'Orders of a customer.\nNewest first.',
    uri: `${HEADER}\n| id | The customer. | integer | Required |`,
    request: 'None.',
    requestFormats: '',
    response: `The orders.\nCollection of Order\n${HEADER}\n| Number | The number. | integer | None. |\n| Note |  | string |  |`,
    responseFormats: 'application/json, text/json\nSample:\n[{ "Number": 1, "Note": "sample string 2" }]\napplication/xml, text/xml\nSample:\n<ArrayOfOrder xmlns="http://x"><Order><Number>1</Number></Order></ArrayOfOrder>',
    codes: '- OK (200)\n- 404 NotFound: no such customer',
    ...parts,
  };
  return [
    p.title, p.preamble, 'Request Information', 'URI Parameters', p.uri, 'Body Parameters', p.request,
    ...(p.requestFormats ? ['Request Formats', p.requestFormats] : []),
    'Response Information', 'Resource Description', p.response, 'Response Formats', p.responseFormats, 'Response Codes', p.codes,
  ].filter((s) => s !== '').join('\n') + '\n';
}

function read(text: string): Page {
  return parsePage(text, SOURCE);
}

function api(text: string) {
  const page = read(text);
  if (page.kind !== 'api') throw new Error(`expected an API page, got ${page.kind}`);
  return page.endpoint;
}

/** The refusal a page gets: its line and its whole message. */
function refusal(text: string): { line: number; message: string } {
  try {
    read(text);
  } catch (error) {
    expect(error).to.be.instanceOf(HelpPageError);
    return { line: (error as HelpPageError).line, message: (error as HelpPageError).message };
  }
  throw new Error('expected the page to be refused');
}

const at = (line: number) => ({ source: SOURCE, line });

/** The 1-based line where `marker` first starts a line of `text`. */
function lineOf(text: string, marker: string): number {
  const index = text.indexOf(`\n${marker}`);
  if (!text.startsWith(marker) && index < 0) throw new Error(`"${marker}" starts no line of the page`);
  return text.startsWith(marker) ? 1 : text.slice(0, index + 1).split('\n').length;
}

describe('Help Page reader: the model of a page, rule by rule', () => {
  describe('API page', () => {
    it('reads every part of the page into the endpoint, with the line each came from', () => {
      const page = read(apiPage());
      expect(page.kind).to.equal('api');
      if (page.kind !== 'api') return;
      expect(page.links).to.deep.equal([]);
      const e = page.endpoint;
      expect(e.method).to.equal('GET');
      expect(e.path).to.equal('api/orders/{id}');
      expect(e.description).to.equal('Orders of a customer. Newest first.');
      expect(e.at).to.deep.equal(at(1));
      expect(e.uriParameters).to.deep.equal([
        { name: 'id', description: 'The customer.', type: { kind: 'primitive', name: 'integer' }, typeText: 'integer', annotations: { required: true }, at: at(8) },
      ]);
      expect('request' in e).to.equal(false);
      expect(e.response).to.deep.equal({
        caption: 'The orders.',
        typeText: 'Collection of Order',
        type: { kind: 'collection', items: { kind: 'named', name: 'Order' } },
        samples: [
          { mediaTypes: ['application/json', 'text/json'], format: 'json', text: '[{ "Number": 1, "Note": "sample string 2" }]', at: at(22) },
          { mediaTypes: ['application/xml', 'text/xml'], format: 'xml', text: '<ArrayOfOrder xmlns="http://x"><Order><Number>1</Number></Order></ArrayOfOrder>', at: at(25) },
        ],
      });
      expect([...e.types.entries()]).to.deep.equal([['Order', {
        kind: 'complex', name: 'Order', description: '', origin: 'table', at: at(15),
        members: [
          { name: 'Number', description: 'The number.', type: { kind: 'primitive', name: 'integer' }, typeText: 'integer', annotations: {}, at: at(17) },
          { name: 'Note', description: '', type: { kind: 'primitive', name: 'string' }, typeText: 'string', annotations: {}, at: at(18) },
        ],
      }]]);
      expect(e.responseCodes).to.deep.equal([{ reason: 'OK', status: 200 }, { status: 404, reason: 'NotFound' }]);
      expect(e.notes).to.deep.equal([]);
    });

    it('drops the leading slash of a path and keeps its query', () => {
      expect(api(apiPage({ title: 'DELETE /api/orders?id={id}' })).path).to.equal('api/orders?id={id}');
      expect(api(apiPage({ title: 'PATCH api/a/b' }))).to.include({ method: 'PATCH', path: 'api/a/b' });
    });

    it('reads a page without a description or Response Codes section as having neither', () => {
      const text = apiPage({ preamble: '' }).replace(/Response Codes\n[^]*$/, '');
      const e = api(text);
      expect(e.description).to.equal('');
      expect(e.responseCodes).to.deep.equal([]);
    });

    it('reads URI Parameters "None." as none', () => {
      expect(api(apiPage({ uri: 'None.' })).uriParameters).to.deep.equal([]);
    });

    it('reads a request body with its caption, its type glued to the table header and its samples', () => {
      const e = api(apiPage({
        title: 'POST api/orders',
        uri: 'None.',
        request: `The order.\nTo place.\nNewOrder${HEADER.replace('| Name', ' | Name')}\n| Sku | The item. | string | String length: inclusive between 1 and 10 |`,
        requestFormats: 'application/json, text/json\nSample:\n{ "Sku": "sample string 1" }\napplication/x-www-form-urlencoded\nSample:\nSku=a',
      }));
      expect(e.request).to.deep.equal({
        caption: 'The order. To place.', typeText: 'NewOrder', type: { kind: 'named', name: 'NewOrder' },
        samples: [
          { mediaTypes: ['application/json', 'text/json'], format: 'json', text: '{ "Sku": "sample string 1" }', at: at(16) },
          { mediaTypes: ['application/x-www-form-urlencoded'], format: 'form', text: 'Sku=a', at: at(19) },
        ],
      });
      expect(e.types.get('NewOrder')).to.deep.include({ kind: 'complex', origin: 'table', at: at(10) });
      expect((e.types.get('NewOrder') as { members: unknown[] }).members).to.deep.equal([
        { name: 'Sku', description: 'The item.', type: { kind: 'primitive', name: 'string' }, typeText: 'string', annotations: { stringLength: { min: 1, max: 10 } }, at: at(12) },
      ]);
    });

    it('reads a type with no members ("IHttpActionResult" then "None.", or both on one line) as an empty complex type', () => {
      for (const response of ['Ok.\nIHttpActionResult\nNone.', 'Ok.\nIHttpActionResultNone.', 'Ok.\nIHttpActionResult Não há.']) {
        const e = api(apiPage({ response, responseFormats: 'application/json, text/json\nSample:\nSample not available.' }));
        expect(e.response, response).to.deep.include({ caption: 'Ok.', typeText: 'IHttpActionResult', type: { kind: 'named', name: 'IHttpActionResult' } });
        expect(e.types.get('IHttpActionResult'), response).to.deep.equal({ kind: 'complex', name: 'IHttpActionResult', description: '', members: [], origin: 'table', at: at(14) });
      }
    });

    it('reads a simple or collection type on its own line as the body type, and a bare type name whose "None." the copy dropped', () => {
      const guid = api(apiPage({ response: 'The id.\nglobally unique identifier', responseFormats: 'application/json, text/json\nSample:\n"8f2b6a54-1c3d-4e5f-9a7b-0c1d2e3f4a5b"' }));
      expect(guid.response).to.deep.include({ caption: 'The id.', typeText: 'globally unique identifier', type: { kind: 'primitive', name: 'globally unique identifier' } });
      expect(guid.types.size).to.equal(0);
      const named = api(apiPage({ response: 'Order', responseFormats: 'application/json, text/json\nSample:\n{}' }));
      expect(named.response).to.deep.include({ caption: '', typeText: 'Order' });
      expect(named.types.get('Order')).to.deep.include({ members: [] });
    });

    it('reads "None." (with or without a caption) as no body, and a caption of words before "None." as a caption', () => {
      expect('request' in api(apiPage({ request: 'Nothing to send.\nNone.' }))).to.equal(false);
      expect('request' in api(apiPage({ request: 'None.' }))).to.equal(false);
      expect('request' in api(apiPage({ request: 'Two words\nNone.' }))).to.equal(false);
    });

    it('reads a body documented as "None." with only a "Sample not available." note as no body', () => {
      expect('request' in api(apiPage({ request: 'None.', requestFormats: 'application/json, text/json\nSample:\nSample not available.' }))).to.equal(false);
    });

    it('keeps every caption line before the type line, whichever form the type takes', () => {
      const bodies: [string, string, string][] = [
        ['First.\nSecond.\nThird.\nCollection of Order\n' + HEADER + '\n| Number | | integer | None. |', 'First. Second. Third.', 'Collection of Order'],
        ['First.\nSecond.\nIHttpActionResultNone.', 'First. Second.', 'IHttpActionResult'],
        ['First.\nSecond.\nThird.\nIHttpActionResult\nNone.', 'First. Second. Third.', 'IHttpActionResult'],
        ['IHttpActionResult\nNone.', '', 'IHttpActionResult'],
      ];
      for (const [response, caption, typeText] of bodies) {
        const e = api(apiPage({ response, responseFormats: 'application/json, text/json\nSample:\n[{ "Number": 1 }]' }));
        expect(e.response, response).to.deep.include({ caption, typeText });
      }
    });

    it('reads the samples the generator writes instead of a body as such, and JSON scalars as JSON', () => {
      const e = api(apiPage({
        responseFormats: [
          'application/json, text/json\nSample:\n[{ "Number": 1 }]',
          'text/html\nSample:\nSample not available.',
          'application/bson\nSample:\nFailed to generate the sample for media type \'application/bson\'. Cannot use formatter.',
          'text/plain\nSample:\ntrue', 'text/csv\nSample:\n-12', 'text/x-a\nSample:\nnull', 'text/x-b\nSample:\n"x"', 'text/x-c\nSample:\n7',
          'application/x-www-form-urlencoded, multipart/form-data\nSample:\nNumber=1',
        ].join('\n'),
      }));
      expect(e.response!.samples.map((s) => [s.mediaTypes.join(','), s.format])).to.deep.equal([
        ['application/json,text/json', 'json'], ['text/html', 'not-available'], ['application/bson', 'failed'],
        ['text/plain', 'json'], ['text/csv', 'json'], ['text/x-a', 'json'], ['text/x-b', 'json'], ['text/x-c', 'json'],
        ['application/x-www-form-urlencoded,multipart/form-data', 'form'],
      ]);
    });

    it('names a table\'s type after the XML sample\'s root when the copy lost the type line, and says so', () => {
      const e = api(apiPage({
        response: HEADER + '\n| Number | | integer | None. |',
        responseFormats: 'application/json, text/json\nSample:\n{ "Number": 1 }\napplication/xml, text/xml\nSample:\n<broken\napplication/xml\nSample:\n<Order xmlns="http://x"><Number>1</Number></Order>',
      }).replace('<broken\n', 'Sample not available.\n'));
      expect(e.response).to.deep.include({ caption: '', typeText: 'Order', type: { kind: 'named', name: 'Order' } });
      expect(e.notes).to.deep.equal(['line 13: the table under "Resource Description" names no type; read as Order (the XML sample\'s root)']);
    });

    it('names a table\'s type ResponseBody or RequestBody when no XML sample names it, and says so', () => {
      const e = api(apiPage({
        title: 'POST api/orders',
        request: HEADER + '\n| Sku | | string | None. |',
        response: HEADER + '\n| Number | | integer | None. |',
        responseFormats: 'application/json, text/json\nSample:\n{ "Number": 1 }',
      }));
      expect(e.request!.typeText).to.equal('RequestBody');
      expect(e.response!.typeText).to.equal('ResponseBody');
      expect(e.notes).to.deep.equal([
        'line 10: the table under "Body Parameters" names no type; read as RequestBody (not named on the page)',
        'line 15: the table under "Resource Description" names no type; read as ResponseBody (not named on the page)',
      ]);
      expect([...e.types.keys()]).to.deep.equal(['RequestBody', 'ResponseBody']);
    });

    it('describes a dictionary\'s value type by the table under it', () => {
      const e = api(apiPage({ response: `Dictionary of string [key] and Order [value]\n${HEADER}\n| Number | | integer | None. |`, responseFormats: 'application/json, text/json\nSample:\n{ "a": { "Number": 1 } }' }));
      expect([...e.types.keys()]).to.deep.equal(['Order']);
      expect(e.response!.type).to.deep.equal({ kind: 'dictionary', key: { kind: 'primitive', name: 'string' }, value: { kind: 'named', name: 'Order' } });
    });

    it('accepts the member names the generator writes (dots, dollars, at signs, dashes)', () => {
      const e = api(apiPage({ response: `Order\n${HEADER}\n| .issued | | date | None. |\n| $id | | string | None. |\n| @odata-type | | string | None. |`, responseFormats: 'application/json, text/json\nSample:\n{}' }));
      expect((e.types.get('Order') as { members: { name: string }[] }).members.map((m) => m.name)).to.deep.equal(['.issued', '$id', '@odata-type']);
    });
  });

  describe('API page refusals', () => {
    // Each case: the page, the line the refusal must name (the first line starting with that text)
    // and the reason; `{line}` stands for that line's number, a reason ending in ": " for the parser's own words.
    const cases: [string, string, string, string][] = [
      ['a section the page lacks', apiPage({ uri: '' }).replace('URI Parameters\n', ''), 'GET api/orders', 'section "URI Parameters" is missing'],
      ['words under a heading that holds only sections', apiPage().replace('Request Information\n', 'Request Information\nStray words\n'), 'Stray words', 'unexpected text "Stray words" (not a known section heading)'],
      ['Resource Description missing', apiPage().replace('Resource Description\n', ''), 'The orders.', 'unexpected text "The orders." (not a known section heading)'],
      ['URI Parameters with neither a table nor "None."', apiPage({ uri: 'Nothing here.' }), 'Nothing here.', 'expected "None." or a "Name | Description | Type | Additional information" table under "URI Parameters"'],
      ['URI Parameters with two texts', apiPage({ uri: 'None.\nNone.' }), 'None.', 'expected "None." or a "Name | Description | Type | Additional information" table under "URI Parameters"'],
      ['a field whose name is a sentence', apiPage({ uri: `${HEADER}\n| the id | | integer | None. |` }), '| the id', 'expected a field name, got "the id"'],
      ['a field of no known type', apiPage({ uri: `${HEADER}\n| id | | Array of decimal | None. |` }), '| id', 'field "id": expected a type (string, integer, boolean, date, decimal number, globally unique identifier, time interval, byte, character, URI, Object, Collection of X, Dictionary of X [key] and Y [value], or a type name), got "Array of decimal"'],
      ['a body section that is empty', apiPage({ request: '' }), 'Body Parameters', 'expected a type with its table, or "None.", under "Body Parameters"'],
      ['a body of words', apiPage({ response: 'Some words here' }), 'Some words here', 'expected a "Name | Description | Type | Additional information" table or "None." under "Resource Description", got "Some words here"'],
      ['a table for a simple type', apiPage({ response: `string\n${HEADER}\n| a | | string | None. |` }), '| Name | Description | Type | Additional information |\n|---|---|---|---|\n| a', 'a table under "Resource Description" for "string", which has no members of its own'],
      ['a sample for a body documented as None.', apiPage({ request: 'None.', requestFormats: 'application/json, text/json\nSample:\n{}' }), '{}', 'a sample for a body the page documents as "None." under "Body Parameters"'],
      ['a JSON sample that does not parse', apiPage({ responseFormats: 'application/json, text/json\nSample:\n{ "Number": }' }), '{ "Number": }', 'response sample for "application/json, text/json" (line {line}) is not JSON: '],
      ['an XML sample that does not parse', apiPage({ responseFormats: 'application/xml\nSample:\n<a><b></a>' }), '<a><b>', 'response sample for "application/xml" (line {line}) is not well-formed XML: '],
      ['a sample of no known kind', apiPage({ responseFormats: 'text/plain\nSample:\nHello there, this is not a sample at all, or is it? It goes on and on' }), 'Hello there', 'expected a JSON, XML or form sample, "Sample not available." or "Failed to generate the sample ...", got "Hello there, this is not a sample at all, or is it? It goes "'],
      ['a body type of no known phrase', apiPage({ response: 'Array of decimal None.' }), 'Array of decimal', 'expected the body\'s type (string, integer, boolean, date, decimal number, globally unique identifier, time interval, byte, character, URI, Object, Collection of X, Dictionary of X [key] and Y [value], or a type name), got "Array of decimal"'],
      ['a request JSON sample that does not parse', apiPage({ title: 'POST api/orders', request: `NewOrder\n${HEADER}\n| Sku | | string | None. |`, requestFormats: 'application/json\nSample:\n{ "Sku": ' }), '{ "Sku": ', 'request sample for "application/json" (line {line}) is not JSON: '],
      ['a form sample for a body documented as None.', apiPage({ request: 'None.', requestFormats: 'application/x-www-form-urlencoded\nSample:\nSku=a' }), 'Sku=a', 'a sample for a body the page documents as "None." under "Body Parameters"'],
      ['an XML sample for a body documented as None.', apiPage({ request: 'None.', requestFormats: 'application/xml\nSample:\n<a />' }), '<a />', 'a sample for a body the page documents as "None." under "Body Parameters"'],
      ['a sample that only starts like a JSON literal', apiPage({ responseFormats: 'text/plain\nSample:\ntrue story' }), 'true story', 'expected a JSON, XML or form sample, "Sample not available." or "Failed to generate the sample ...", got "true story"'],
      ['a sample that only ends like a JSON literal', apiPage({ responseFormats: 'text/plain\nSample:\nit is null' }), 'it is null', 'expected a JSON, XML or form sample, "Sample not available." or "Failed to generate the sample ...", got "it is null"'],
      ['a response code of no known form', apiPage({ codes: '- OK (200)\n- Everything fine' }), '- Everything fine', 'expected a response code such as "- OK (200)" or "- 200 OK: ...", got "- Everything fine"'],
    ];
    for (const [what, text, marker, reason] of cases) {
      it(`refuses ${what}, naming its line`, () => {
        const line = lineOf(text, marker);
        const got = refusal(text);
        const expected = `${SOURCE}: help page line ${line}: ${reason.replace('{line}', String(line))}`;
        expect(got.line).to.equal(line);
        if (reason.endsWith(': ')) expect(got.message.startsWith(expected), got.message).to.equal(true);
        else expect(got.message).to.equal(expected);
      });
    }

    it('says where a copy cut inside its last sample ends, and names the sample', () => {
      const text = apiPage({ codes: '' }).replace('Response Codes\n', '').replace(/<ArrayOfOrder[^]*$/, '<ArrayOfOrder xmlns="http://x">\n<Order>\n');
      const got = refusal(text);
      expect(got.line).to.equal(26);
      expect(got.message).to.match(/^orders\.txt: help page line 26: the page ends inside the response sample for "application\/xml, text\/xml" \(line 25\), at line 26 \(a cut copy\?\): not well-formed XML: /);
    });

    it('says where a copy cut inside a JSON sample ends', () => {
      const text = apiPage({ codes: '' }).replace('Response Codes\n', '').replace(/application\/json, text\/json\nSample:\n[^]*$/, 'application/json, text/json\nSample:\n[{ "Number": 1,\n');
      const got = refusal(text);
      expect(got.message).to.match(/^orders\.txt: help page line 22: the page ends inside the response sample for "application\/json, text\/json" \(line 22\), at line 22 \(a cut copy\?\): not JSON: /);
    });
  });

  describe('pages that are not API pages', () => {
    it('reads a ResourceModel page of a complex type, its description without "None."', () => {
      const page = read(`Order\nAn order.\nNone.\n${HEADER}\n| Number | The number. | integer | Range: inclusive between 1 and 9 |\n`);
      expect(page).to.deep.equal({
        kind: 'resource-model',
        links: [],
        type: {
          kind: 'complex', name: 'Order', description: 'An order.', origin: 'resource-model', at: at(1),
          members: [{ name: 'Number', description: 'The number.', type: { kind: 'primitive', name: 'integer' }, typeText: 'integer', annotations: { range: { min: 1, max: 9 } }, at: at(6) }],
        },
      });
    });

    it('reads a ResourceModel page of an enum, without the "Possible enumeration values" line in its description', () => {
      const page = read('OrderStatus\nWhere an order is.\nPossible enumeration values\n| Name | Value | Description |\n|---|---|---|\n| Open | 0 | Not paid. |\n| Closed | 1 | |\n');
      expect(page).to.deep.equal({
        kind: 'resource-model',
        links: [],
        type: { kind: 'enum', name: 'OrderStatus', description: 'Where an order is.', at: at(1), values: [{ name: 'Open', value: '0', description: 'Not paid.' }, { name: 'Closed', value: '1', description: '' }] },
      });
    });

    it('keeps lines that only mention the enumeration values in the description', () => {
      const page = read('OrderStatus\nWhere an order is.\nPossible enumeration values: see below\nAll Possible enumeration values:\n| Name | Value | Description |\n|---|---|---|\n| Open | 0 | |\n');
      expect(page.kind === 'resource-model' && page.type.kind === 'enum' && page.type.description).to.equal('Where an order is. Possible enumeration values: see below All Possible enumeration values:');
    });

    it('refuses a ResourceModel row whose copy lost its name (a ResourceModel page has no sample to name it)', () => {
      const text = `Order\n${HEADER}\n| string |\nRequired |\n||\n| Password | string |\nNone. |\n`;
      const got = refusal(text);
      expect(got.message).to.equal(`orders.txt: help page line ${got.line}: row 1 (type "string") has no name, and no JSON sample names member 1`);
    });

    it('reads a ResourceModel page that says "None." as a type without members', () => {
      expect(read('Empty\nNothing inside.\nNone.\n')).to.deep.equal({
        kind: 'resource-model', links: [], type: { kind: 'complex', name: 'Empty', description: 'Nothing inside.', members: [], origin: 'resource-model', at: at(1) },
      });
    });

    it('names a ResourceModel page whose copy lost its title after its file', () => {
      const page = parsePage(`${HEADER}\n| Number | | integer | None. |\n`, 'docs/resource-models/Order.cells.txt');
      expect(page.kind).to.equal('resource-model');
      if (page.kind === 'resource-model') expect(page.type).to.deep.include({ kind: 'complex', name: 'Order', at: { source: 'docs/resource-models/Order.cells.txt', line: 1 } });
    });

    it('refuses a ResourceModel page with neither a table nor "None."', () => {
      const got = refusal('Order\nJust words.\n');
      expect(got).to.deep.equal({ line: 1, message: 'orders.txt: help page line 1: ResourceModel page of "Order": expected a "Name | Description | Type | Additional information" or "Name | Value | Description" table, or "None."' });
    });

    it('reads the /Help index into its APIs, without leading slashes', () => {
      const page = read('ASP.NET Web API Help Page\nIntroduction\nOrders\n| API | Description |\n|---|---|\n| GET api/orders | All orders. |\n| POST /api/orders | New order. |\n');
      expect(page).to.deep.equal({ kind: 'index', apis: [{ method: 'GET', path: 'api/orders', line: 6 }, { method: 'POST', path: 'api/orders', line: 7 }] });
    });

    it('refuses an index row that names no API', () => {
      expect(refusal('Help\n| API | Description |\n|---|---|\n| Orders | All orders. |\n')).to.deep.equal({ line: 4, message: 'orders.txt: help page line 4: expected an API such as "GET api/values", got "Orders"' });
    });

    const unrecognised: [string, string, string, number, string][] = [
      ['an empty page', '', 'e.txt', 1, 'an empty page'],
      ['a page of blank lines', '\n\n', 'e.txt', 1, 'an empty page'],
      ['a page that starts with a section', 'Request Information\nURI Parameters\nNone.\n', 'e.txt', 1, 'Request Information'],
      ['an untitled index table', '| API | Description |\n|---|---|\n| GET api/x | y |\n', 'Order.txt', 1, 'a table'],
      ['a type name followed by sections', 'Order\nRequest Information\nNone.\n', 'e.txt', 1, 'Order'],
      ['a type name with a sample section', `Order\n${HEADER}\n| a | | string | None. |\nResponse Formats\n`, 'e.txt', 1, 'Order'],
      ['a title of two words', 'Ord er\nNone.\n', 'e.txt', 1, 'Ord er'],
      ['a title that ends in punctuation', 'Order!\nNone.\n', 'e.txt', 1, 'Order!'],
      ['a title that starts with a digit', '1Order\nNone.\n', 'e.txt', 1, '1Order'],
    ];
    for (const [what, text, source, line, got] of unrecognised) {
      it(`refuses ${what}, quoting what it found`, () => {
        expect(() => parsePage(text, source)).to.throw(HelpPageError, `${source}: help page line ${line}: expected "<METHOD> <path>" on the first line (an API page), a type name (a ResourceModel page) or the API index, got "${got}"`);
      });
    }

    it('refuses an HTML page without an <h1>', () => {
      expect(() => parsePage('<html><body><p>x</p></body></html>', 'x.html')).to.throw(HelpPageError, 'x.html: help page line 1: the HTML page has no <h1> with the action ("METHOD path"), the type name (a ResourceModel page) or the Help title (the index)');
    });

    it('names a row whose copy lost its name after the JSON sample\'s member at that position, and says so', () => {
      const e = api(apiPage({
        title: 'POST api/users',
        uri: 'None.',
        request: `NewUser${HEADER.replace('| Name', ' | Name')}\n| UserName | string |\nRequired |\n|\n| string |\nRequired |\n||\n| Phone | string |\nNone. |`,
        requestFormats: 'application/json, text/json\nSample:\n[{ "UserName": "sample string 1", "Email": "sample string 2", "Phone": "sample string 3" }]',
      }));
      expect((e.types.get('NewUser') as { members: { name: string; annotations: object }[] }).members.map((m) => [m.name, m.annotations])).to.deep.equal([
        ['UserName', { required: true }], ['Email', { required: true }], ['Phone', {}],
      ]);
      expect(e.notes).to.deep.equal(['line 13: row 2 has no name in the copy; named "Email" after member 2 of the JSON sample']);
    });

    it('recovers a lost name from the JSON sample even when the XML sample comes first', () => {
      const e = api(apiPage({
        title: 'POST api/users',
        uri: 'None.',
        request: `NewUser${HEADER.replace('| Name', ' | Name')}\n| string |\nRequired |\n||\n| Phone | string |\nNone. |`,
        requestFormats: 'application/xml\nSample:\n<NewUser><Email>a</Email></NewUser>\napplication/json\nSample:\n{ "Email": "sample string 1", "Phone": "sample string 2" }',
      }));
      expect((e.types.get('NewUser') as { members: { name: string }[] }).members.map((m) => m.name)).to.deep.equal(['Email', 'Phone']);
    });

    const unnamed: [string, string][] = [
      ['no JSON sample', 'application/xml\nSample:\n<NewUser><Email>a</Email></NewUser>'],
      ['a JSON sample that is a string', 'application/json\nSample:\n"abc"'],
      ['a JSON sample that is null', 'application/json\nSample:\nnull'],
    ];
    for (const [what, requestFormats] of unnamed) {
      it(`refuses a first row whose copy lost its name, given ${what}`, () => {
        const text = apiPage({ title: 'POST api/users', uri: 'None.', request: `NewUser${HEADER.replace('| Name', ' | Name')}\n| string |\nRequired |\n||\n| Phone | string |\nNone. |`, requestFormats });
        expect(refusal(text)).to.deep.equal({ line: 10, message: 'orders.txt: help page line 10: row 1 (type "string") has no name, and no JSON sample names member 1' });
      });
    }

    it('reads a sample the copy left empty as not available', () => {
      const e = api(apiPage({ responseFormats: 'text/html\nSample:\napplication/json, text/json\nSample:\n[{ "Number": 1 }]' }));
      expect(e.response!.samples.map((x) => [x.mediaTypes.join(','), x.format, x.text])).to.deep.equal([['text/html', 'not-available', ''], ['application/json,text/json', 'json', '[{ "Number": 1 }]']]);
    });

    it('refuses a row whose copy lost its name when no JSON sample names that member', () => {
      const text = apiPage({
        title: 'POST api/users',
        uri: 'None.',
        request: `NewUser${HEADER.replace('| Name', ' | Name')}\n| UserName | string |\nRequired |\n|\n| string |\nRequired |\n||\n| Phone | string |\nNone. |`,
        requestFormats: 'application/json, text/json\nSample:\n{ "UserName": "sample string 1" }',
      });
      expect(refusal(text)).to.deep.equal({ line: 13, message: 'orders.txt: help page line 13: row 2 (type "string") has no name, and no JSON sample names member 2' });
    });

    it('refuses a page that is none of the three, quoting its first line', () => {
      expect(refusal('Hello there\nRequest Information\n')).to.deep.equal({ line: 1, message: 'orders.txt: help page line 1: expected "<METHOD> <path>" on the first line (an API page), a type name (a ResourceModel page) or the API index, got "Hello there"' });
    });
  });
});
