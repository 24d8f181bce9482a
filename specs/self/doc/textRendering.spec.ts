// Text copies of a Help Page reduced to their outline, in each rendering (`|` rows, markdown
// rows, one cell per paragraph) and in TOTVS's Confluence layout: the whole outline is compared,
// so a moved line number, a merged cell or a lost note shows; damaged copies end in the message
// that says where and what was expected.

import { expect } from 'chai';
import { HelpPageError } from '../../../src/doc/outline.ts';
import { outlineText } from '../../../src/doc/textRendering.ts';
import { plain, section, text } from './outlineShapes.ts';

const outline = (page: string) => plain(outlineText(page, 'page.txt'));
const PARAMETERS = ['name', 'description', 'type', 'additional'];
const table = (line: number, rows: unknown[], more: object = {}) => ({ kind: 'table', columns: PARAMETERS, glued: '', line, rows, ...more });
const sample = (line: number, mediaTypes: string[], t: string) => ({ kind: 'sample', mediaTypes, text: t, line });
const body = (lines: string) => `POST api/a\nBody Parameters\n${lines}`;

describe('Help Page text copies to outline', () => {
  it('reads a `|` copy with a byte order mark, CRLF ends, chrome, fences, a glued type name and a glued heading', () => {
    const page = '\uFEFF# POST api/Orders\r\nHelp Page Home\r\nCreates an order.\r\n```\r\nRequest Information\r\nURI Parameters\r\nNone.\r\nBody Parameters\r\n'
      + 'OrderName | Description | Type | Additional information |\r\n---|---|---|---|\r\nId |\r\nThe id |\r\ninteger |\r\nRequired\r\nRange: inclusive between 1 and 9 |\r\n'
      + 'Lines | | Collection of Line | None. |\r\nNote | | string | |\r\nRequest Formats\r\n## application/json, text/json\r\nSample:\r\n{ "Id": 1 } |\r\n'
      + '## application/xml, text/xml\r\n<Order />\r\nResponse Information\r\nglobally unique identifierResource Description\r\n';
    expect(outline(page)).to.deep.equal({
      source: 'page.txt',
      rendering: 'text',
      title: { no: 1, text: 'POST api/Orders' },
      lastLine: 25,
      notes: [],
      preamble: [text(3, 'Creates an order.')],
      sections: [
        section(5, 'Request Information', []),
        section(6, 'URI Parameters', [text(7, 'None.')]),
        section(8, 'Body Parameters', [table(9, [
          { cells: ['Id', 'The id', 'integer', 'Required\nRange: inclusive between 1 and 9'], line: 11 },
          { cells: ['Lines', '', 'Collection of Line', 'None.'], line: 16 },
          { cells: ['Note', '', 'string', 'None.'], line: 17 },
        ], { glued: 'Order' })]),
        section(18, 'Request Formats', [sample(21, ['application/json', 'text/json'], '{ "Id": 1 }'), sample(23, ['application/xml', 'text/xml'], '<Order />')]),
        section(24, 'Response Information', [text(25, 'globally unique identifier')]),
        section(25, 'Resource Description', []),
      ],
    });
  });

  it('reads a lone CR as a line end too', () => {
    expect(outline('GET api/a\rURI Parameters\rNone.').sections).to.deep.equal([section(2, 'URI Parameters', [text(3, 'None.')])]);
  });

  it('reads markdown rows, a rule with alignment marks, and a cell running over two lines after closed cells', () => {
    const page = 'POST api/a\nBody Parameters\nA\n| Name | Description | Type | Additional information |\n| :--- | --- | ---: | --- |\n| Id | First\nline | integer | Required |\n| Tags |  | Collection of string | None. |';
    expect(outline(page).sections).to.deep.equal([section(2, 'Body Parameters', [text(3, 'A'), table(4, [
      { cells: ['Id', 'First\nline', 'integer', 'Required'], line: 6 },
      { cells: ['Tags', '', 'Collection of string', 'None.'], line: 8 },
    ])])]);
  });

  it('reads one cell per paragraph: descriptions of several paragraphs, a missing description, a last row without annotations', () => {
    const page = 'GET api/b\nResource Description\nCollection of Order\nNameDescriptionTypeAdditional information\nNumber\ninteger\nNone.\nStatus\nThe state\nit is in\nOrderStatus\nNone.\nFlag\nboolean';
    expect(outline(page)).to.deep.include({
      lastLine: 14,
      sections: [section(2, 'Resource Description', [text(3, 'Collection of Order'), table(4, [
        { cells: ['Number', '', 'integer', 'None.'], line: 5 },
        { cells: ['Status', 'The state it is in', 'OrderStatus', 'None.'], line: 8 },
        { cells: ['Flag', '', 'boolean', 'None.'], line: 13 },
      ])])],
    });
  });

  it('marks a row whose name cell the copy lost, by its position', () => {
    const page = 'GET api/b\nResource Description\nNameDescriptionTypeAdditional information\nid\ninteger\nNone.\nstring\nRequired\nMax length: 5\nCollection of integer\nNone.';
    expect(outline(page).sections[0]!.items).to.deep.equal([table(3, [
      { cells: ['id', '', 'integer', 'None.'], line: 4 },
      { cells: ['', '', 'string', 'Required\nMax length: 5'], line: 7 },
      { cells: ['', '', 'Collection of integer', 'None.'], line: 10 },
    ], { nameless: [1, 2] })]);
  });

  it('reads an empty Additional information cell of `|` rows, kept or dropped at the end of the table, as None.', () => {
    const page = body('Name | Description | Type | Additional information |\n---|---|---|---|\nId | | integer | |\nName | | string | None. |\nLast | | string |');
    expect(outline(page).sections[0]!.items).to.deep.equal([table(3, [
      { cells: ['Id', '', 'integer', 'None.'], line: 5 },
      { cells: ['Name', '', 'string', 'None.'], line: 6 },
      { cells: ['Last', '', 'string', 'None.'], line: 7 },
    ])]);
  });

  it('reads an enum ResourceModel page: negative values, descriptions the copy dropped', () => {
    expect(outline('OrderStatus\nNameValueDescription\nOpen\n0\nNew order\nClosed\n-1\nDone\n1\nLate\n12\nVery late')).to.deep.include({
      title: { no: 1, text: 'OrderStatus' },
      preamble: [{ kind: 'table', columns: ['name', 'value', 'description'], glued: '', line: 2, rows: [
        { cells: ['Open', '0', 'New order'], line: 3 },
        { cells: ['Closed', '-1', ''], line: 6 },
        { cells: ['Done', '1', ''], line: 8 },
        { cells: ['Late', '12', 'Very late'], line: 10 },
      ] }],
    });
  });

  it('takes a value only when the whole cell is a whole number', () => {
    expect(() => outlineText('Colour\nNameValueDescription\nRed\n1a\nx', 'c.txt')).to.throw(HelpPageError, 'help page line 3: enum member "Red": expected its numeric value next');
    expect(() => outlineText('Colour\nNameValueDescription\nRed\nx1\nx', 'c.txt')).to.throw(HelpPageError, 'enum member "Red"');
    expect(() => outlineText('Colour\nNameValueDescription\nRed\n', 'c.txt')).to.throw(HelpPageError, 'enum member "Red"');
  });

  it('reads an index table: each API with the description that follows it, if any', () => {
    expect(outline('Orders\nAPIDescription\nGET api/orders\nLists orders\nPOST api/orders\nDELETE api/orders/{id}\nRemoves it').preamble).to.deep.equal([{
      kind: 'table', columns: ['api', 'description'], glued: '', line: 2, rows: [
        { cells: ['GET api/orders', 'Lists orders'], line: 3 },
        { cells: ['POST api/orders', ''], line: 5 },
        { cells: ['DELETE api/orders/{id}', 'Removes it'], line: 6 },
      ],
    }]);
    expect(() => outlineText('Index\nAPIDescription\nLists\nGET api/a', 'i.txt')).to.throw(HelpPageError, 'help page line 3: expected an API such as "GET api/values", got "Lists"');
  });

  it('restores the headings of a Confluence copy and says so', () => {
    const page = 'Creates a login.\nPOST api/v1/auth/loginNão há.\nNome (Name)Descrição (Description)Tipo (Type)Informações Adicionais (Additional Information)\nlogin\nstring\nObrigatório\n{ "login": "a" }\n'
      + 'Informações da Resposta (Response Information)\nDescrição do Recurso (Resource Description)\nNameDescriptionTypeAdditional information\ntoken\nstring\nNone.\napplication/json, text/json\n{ "token": "b" }';
    expect(outline(page)).to.deep.equal({
      source: 'page.txt',
      rendering: 'text',
      title: { no: 2, text: 'POST api/v1/auth/login' },
      lastLine: 15,
      notes: [
        'line 2: the page is not in the HelpPage layout (a Confluence copy?): its section headings were restored from its tables and samples',
        'line 7: a sample without media types, read as application/json, text/json',
      ],
      preamble: [text(1, 'Creates a login.')],
      sections: [
        section(2, 'URI Parameters', [text(2, 'None.')]),
        section(3, 'Body Parameters', [table(3, [{ cells: ['login', '', 'string', 'Obrigatório'], line: 4 }])]),
        section(7, 'Request Formats', [sample(7, ['application/json', 'text/json'], '{ "login": "a" }')]),
        section(8, 'Informações da Resposta (Response Information)', []),
        section(9, 'Descrição do Recurso (Resource Description)', [table(10, [{ cells: ['token', '', 'string', 'None.'], line: 11 }])]),
        section(14, 'Response Formats', [sample(15, ['application/json', 'text/json'], '{ "token": "b" }')]),
      ],
    });
  });

  it('restores the Body Parameters heading of a Confluence copy whose action line stands alone, and adds no URI Parameters', () => {
    const page = 'POST api/login\nNameDescriptionTypeAdditional information\nlogin\nstring\nNone.\n[ 1 ]';
    expect(outline(page)).to.deep.include({
      notes: [
        'line 1: the page is not in the HelpPage layout (a Confluence copy?): its section headings were restored from its tables and samples',
        'line 6: a sample without media types, read as application/json, text/json',
      ],
      sections: [
        section(2, 'Body Parameters', [table(2, [{ cells: ['login', '', 'string', 'None.'], line: 3 }])]),
        section(6, 'Request Formats', [sample(6, ['application/json', 'text/json'], '[ 1 ]')]),
      ],
    });
  });

  it('starts the formats of a Confluence copy at a media-type line as well as at a sample', () => {
    const page = 'POST api/login\nNameDescriptionTypeAdditional information\nlogin\nstring\nNone.\ntext/xml\n<a/>';
    expect(outline(page).sections.map((s) => [s.heading, s.items.map((i) => i.kind)])).to.deep.equal([
      [{ no: 2, text: 'Body Parameters' }, ['table']],
      [{ no: 6, text: 'Request Formats' }, ['sample']],
    ]);
  });

  it('leaves a page with headings, a table or more than three lines before its action line as it is', () => {
    for (const page of [
      'Intro\nURI Parameters\nPOST api/a\nNameDescriptionTypeAdditional information\nx\nstring\nNone.',
      'NameDescriptionTypeAdditional information\nPOST api/a\nx\nstring\nNone.',
      'One\nTwo\nThree\nFour\nPOST api/a\nNameDescriptionTypeAdditional information\nx\nstring\nNone.',
    ]) expect(outline(page).notes, page).to.deep.equal([]);
    expect(outline('One\nTwo\nThree\nPOST api/a\nNameDescriptionTypeAdditional information\nx\nstring\nNone.')).to.deep.include({ title: { no: 4, text: 'POST api/a' } });
  });

  it('adds no note to a page in the HelpPage layout, and reads a sample only after a table of its section', () => {
    const page = 'POST api/a\nBody Parameters\n{ "not": "a sample" }\nNameDescriptionTypeAdditional information\nx\nstring\nNone.\nRequest Formats\napplication/json\n{}';
    expect(outline(page)).to.deep.include({ notes: [] });
    expect(outline(page).sections[0]!.items[0]).to.deep.equal(text(3, '{ "not": "a sample" }'));
  });

  it('reads samples with and without "Sample:", a label in Portuguese, markdown and bold media types, and no page title', () => {
    expect(outline('POST api/a\nRequest Formats\napplication/json\n{ "a": 1 }\n{ "b": 2 }\n### text/xml\nExemplo:\n<a/>\n**text/json**\n[] |').sections).to.deep.equal([
      section(2, 'Request Formats', [sample(4, ['application/json'], '{ "a": 1 }\n{ "b": 2 }'), sample(8, ['text/xml'], '<a/>'), sample(10, ['text/json'], '[]')]),
    ]);
    expect(outline('Creates nothing here.\nURI Parameters\nNone.')).to.deep.include({ preamble: [text(1, 'Creates nothing here.')] }).and.not.have.property('title');
    expect(outline('### List`1\nURI Parameters\nNone.').title).to.deep.equal({ no: 1, text: 'List`1' });
    expect(outline('#POST api/x\nURI Parameters\nNone.').title).to.deep.equal({ no: 1, text: 'POST api/x' });
    expect(outline('1Order\nURI Parameters\nNone.')).not.to.have.property('title');
    expect(outline('Order type\nURI Parameters\nNone.')).not.to.have.property('title');
  });

  it('reads an XML sample with no media types before it by its first character, up to the next media types', () => {
    expect(outline('POST api/a\nResponse Formats\n<a>\n</a>  |\ntext/json\nSample:\n{}')).to.deep.include({
      notes: ['line 3: a sample without media types, read as application/xml, text/xml'],
      sections: [section(2, 'Response Formats', [sample(3, ['application/xml', 'text/xml'], '<a>\n</a>'), sample(7, ['text/json'], '{}')])],
    });
  });

  it('keeps a `|` that is part of a sample, and a sample line ending in `]`', () => {
    expect(outline('POST api/a\nResponse Formats\ntext/plain\na |\ntext/json\n{}\n]').sections[0]!.items).to.deep.equal([
      sample(4, ['text/plain'], 'a |'), sample(6, ['text/json'], '{}\n]'),
    ]);
  });

  it('reads an empty page, or one of chrome and fences only, as an empty outline', () => {
    for (const page of ['', '```\nHelp Page Home\n\n']) {
      expect(outline(page)).to.deep.equal({ source: 'page.txt', rendering: 'text', preamble: [], sections: [], lastLine: 0, notes: [] });
    }
  });

  it('trims every line, keeps a byte order mark that does not start the page, and keeps a # inside the title', () => {
    expect(outline('  GET api/x#frag  \n  URI Parameters \n  None.  ')).to.deep.include({
      title: { no: 1, text: 'GET api/x#frag' },
      sections: [section(2, 'URI Parameters', [text(3, 'None.')])],
    });
    expect(outline('GET api/a\nx\uFEFFy').preamble).to.deep.equal([text(2, 'x\uFEFFy')]);
  });

  it('does not take a sample after a URI Parameters table of a page with no headings before its action for the formats', () => {
    expect(() => outlineText('POST api/a\nURI Parameters\nNameDescriptionTypeAdditional information\nid\nstring\nNone.\n{ }', 'p.txt'))
      .to.throw(HelpPageError, 'help page line 7: row "{ }" (line 7): the table ends before its type');
  });

  it('reads a header in any case, a rule without its closing bar, and a type name glued with a space', () => {
    expect(outline(body('Order name | description | type | additional information |\n---|---|---|---\nId | | string | None. |')).sections[0]!.items)
      .to.deep.equal([table(3, [{ cells: ['Id', '', 'string', 'None.'], line: 5 }], { glued: 'Order' })]);
  });

  it('reads `|` cells: a cell closed on a line of its own, empty cells in a description, an extra empty cell, annotations in cells of their own', () => {
    const page = body('Name | Description | Type | Additional information |\n---|---|---|---|\nId |\nThe id\n|\ninteger |\nNone. |\n'
      + 'Code | one | | two | string | Required | Max length: 5 | |\nName | | string | None. |');
    expect(outline(page).sections[0]!.items).to.deep.equal([table(3, [
      { cells: ['Id', 'The id', 'integer', 'None.'], line: 5 },
      { cells: ['Code', 'one two', 'string', 'Required\nMax length: 5'], line: 10 },
      { cells: ['Name', '', 'string', 'None.'], line: 11 },
    ])]);
  });

  it('reads one cell per paragraph: a row without annotations in the middle, a last row whose type the copy cut', () => {
    expect(outline(body('NameDescriptionTypeAdditional information\nA\nstring\nB\nstring\nNone.\nId\nThe id')).sections[0]!.items).to.deep.equal([table(3, [
      { cells: ['A', '', 'string', 'None.'], line: 4 },
      { cells: ['B', '', 'string', 'None.'], line: 6 },
      { cells: ['Id', '', 'The id', 'None.'], line: 9 },
    ])]);
  });

  it('reads an enum whose last member has no description', () => {
    expect(outline('Colour\nNameValueDescription\nRed\n1').preamble).to.deep.equal([{
      kind: 'table', columns: ['name', 'value', 'description'], glued: '', line: 2, rows: [{ cells: ['Red', '1', ''], line: 3 }],
    }]);
  });

  it('keeps a `|` after a bracket inside a sample, and reads media types and a label that end their section as an empty sample', () => {
    expect(outline('POST api/a\nRequest Formats\napplication/json\nSample:\nResponse Formats\ntext/plain\nx] |\ny').sections).to.deep.equal([
      section(2, 'Request Formats', [sample(3, ['application/json'], '')]),
      section(5, 'Response Formats', [sample(7, ['text/plain'], 'x] |\ny')]),
    ]);
  });

  describe('damaged copies', () => {
    const fails = (page: string, message: string) => expect(() => outlineText(page, 'page.txt')).to.throw(HelpPageError, message);
    const cases: [string, string, string][] = [
      ['a section twice', 'POST api/a\nURI Parameters\nNone.\n## URI Parameters', 'help page line 4: section "URI Parameters" appears twice'],
      ['a header without Description', body('NameTypeAdditional information\nx'), 'help page line 3: table header has Name | Type | Additional information but no "Description" column'],
      ['a markdown header without Additional information', body('| Name | Description | Type |\n| --- | --- | --- |'), 'help page line 3: table header has Name | Description | Type but no "Additional information" column'],
      ['a header with only Name and Type', body('Name | Type |'), 'help page line 3: table header has Name | Type but no "Description", "Additional information" column'],
      ['a `|` table without its rule', body('Name | Description | Type | Additional information |\nId | | string | None. |'), 'help page line 4: expected the table rule "---|---|---|---|" under the header'],
      ['a markdown table without its rule', body('| Name | Description | Type | Additional information |\n| Id | | string | None. |'), 'help page line 4: expected the table rule "---|---|---|---|" under the header'],
      ['a rule of two dashes', body('Name | Description | Type | Additional information |\n--|--|--|--|'), 'help page line 4: expected the table rule'],
      ['a rule after a cell', body('Name | Description | Type | Additional information |\nId ---|---|---|---|'), 'help page line 4: expected the table rule'],
      ['a rule with text after it', body('Name | Description | Type | Additional information |\n---|---|---|---| x'), 'help page line 4: expected the table rule'],
      ['a later row that lost cells', body('Name | Description | Type | Additional information |\n---|---|---|---|\nA | | string | None. |\nId | integer |\nName | string | None. |'), 'help page line 6: row "Id" (line 6) has 2 cells, expected 4'],
      ['a header that ends the page', body('Name | Description | Type | Additional information |'), 'help page line 3: expected the table rule "---|---|---|---|" under the header'],
      ['a cell never closed', body('Name | Description | Type | Additional information |\n---|---|---|---|\nId |\nThe id\nmore'), 'help page line 6: expected a table cell ending with "|", got "The id"'],
      ['a row that lost its description and annotations', body('Name | Description | Type | Additional information |\n---|---|---|---|\nId | integer |\nName | string | None. |'), 'help page line 5: row "Id" (line 5) has 2 cells, expected 4 (Name, Description, Type, Additional information)'],
      ['a row whose Additional information this reader does not know', body('Name | Description | Type | Additional information |\n---|---|---|---|\nId | the id | integer | Must be odd. |\nName | | string | None. |'), 'help page line 5: row "Id" (line 5): "Must be odd." is not Additional information this reader knows (None., Required, '],
      ['a row that lost its annotations', body('Name | Description | Type | Additional information |\n---|---|---|---|\nId | the id | integer |\nName | | string | None. |'), 'help page line 5: row "Id" (line 5) has 3 cells, expected 4 (Name, Description, Type, Additional information)'],
      ['a row with only its name, at the end of the page', body('NameDescriptionTypeAdditional information\nId\ninteger\nNone.\nLast'), 'help page line 7: row "Last" (line 7): the table ends before its type (string, '],
      ['a media-type line that is not one', 'POST api/a\nRequest Formats\nnot media\n{}', 'help page line 3: expected media types such as "application/json, text/json", got "not media"'],
      ['media types that end the page', 'POST api/a\nRequest Formats\napplication/json', 'help page line 3: expected "Sample:" after the media types; the page ends here (a cut copy?)'],
      ['media types with nothing after them', 'POST api/a\nRequest Formats\napplication/json\nResponse Formats\ntext/xml\nSample:\n<a/>', 'help page line 3: expected "Sample:" and the sample after the media types'],
    ];
    for (const [what, page, message] of cases) it(`names ${what}`, () => fails(page, message));

    it('says the page ends inside the table only when it does', () => {
      const cut = body('NameDescriptionTypeAdditional information\nId\ninteger\nNone.\nLast');
      expect(() => outlineText(cut, 'p.txt')).to.throw(HelpPageError, 'Matching regular expression pattern: P); the page ends inside the table (a cut copy?)');
      const notCut = `${cut}\nRequest Formats\napplication/json\n{}`;
      expect(() => outlineText(notCut, 'p.txt')).to.throw(HelpPageError, /Matching regular expression pattern: P\)$/);
    });
  });
});
