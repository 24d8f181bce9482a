// The HelpPage markup reduced to its outline, element by element: what is kept (title, sections,
// tables with their cells and links, samples under their media types) and what is not (the
// site's layout, scripts, chrome), each with the line it stands on in the saved page.

import { expect } from 'chai';
import { looksLikeHtml, outlineHtml } from '../../../src/doc/htmlRendering.ts';
import { HelpPageError } from '../../../src/doc/outline.ts';
import { plain, section, text } from './outlineShapes.ts';

const outline = (html: string) => plain(outlineHtml(html, 'page.html'));

const page = `<!DOCTYPE html>
<html>
<head><title>x</title><script>var a = 1;</script></head>
<body>
<div class="navbar"><a href="/">Brand</a> Menu</div>
<h1>POST api/Orders</h1>
<div>
<p>Creates an <a href="/Help/ResourceModel?modelName=Order">Order</a>   for the customer.</p>
  Loose <b>text</b>
  run
  <h2>Request Information</h2>
  <h3>URI Parameters</h3>
  <p>None.</p>
  <h3>Body Parameters</h3>
  <p>Order</p>
  <table class="help-page-table">
    <thead><tr><th>Name</th><th>Description</th><th>Type</th><th>Additional information</th></tr></thead>
    <tbody>
      <tr><td class="a">Id</td><td></td><td>integer</td><td><p>Required</p><p>Range: inclusive between 1 and 9</p></td></tr>
      <tr><td>Lines</td><td>The   order's <i>lines</i></td><td>Collection of <a href="/Help/ResourceModel?modelName=Line">Line</a></td><td>None.</td></tr>
    </tbody>
  </table>
  <h3>Request Formats</h3>
  <h4 class="sample-header">application/json, text/json</h4>
  <div class="sample-content"><span><b>Sample:</b></span>
<pre class="wrapped">{
   "Id": 1,
   <span>"Lines"</span>: []
}</pre></div>
  <h4>text/xml</h4>
  <p>Sample:</p>
  <p>Sample not available.</p>
  <h2>Response Information</h2>
  <h3>Resource Description</h3>
  <p>Help Page Home</p>
  <ul><li>OK (200)</li></ul>
  <style>p { color: red }</style>
  <h4>application/json</h4>
</div>
</body>
</html>`;

describe('HelpPage markup to outline', () => {
  it('reads a whole API page: title, description, sections, table cells and links, samples, lines', () => {
    expect(outline(page)).to.deep.equal({
      source: 'page.html',
      rendering: 'html',
      title: { no: 6, text: 'POST api/Orders' },
      preamble: [text(8, 'Creates an Order for the customer.'), text(8, 'Loose text run')],
      sections: [
        section(11, 'Request Information', []),
        section(12, 'URI Parameters', [text(13, 'None.')]),
        section(14, 'Body Parameters', [text(15, 'Order'), {
          kind: 'table',
          columns: ['name', 'description', 'type', 'additional'],
          glued: '',
          line: 16,
          rows: [
            { cells: ['Id', '', 'integer', 'Required\nRange: inclusive between 1 and 9'], line: 19 },
            { cells: ['Lines', "The order's lines", 'Collection of Line', 'None.'], line: 20, links: ['', '', '/Help/ResourceModel?modelName=Line', ''] },
          ],
        }]),
        section(23, 'Request Formats', [
          { kind: 'sample', mediaTypes: ['application/json', 'text/json'], text: '{\n"Id": 1,\n"Lines": []\n}', line: 24 },
          { kind: 'sample', mediaTypes: ['text/xml'], text: 'Sample not available.', line: 30 },
        ]),
        section(33, 'Response Information', []),
        section(34, 'Resource Description', [text(36, 'OK (200)'), { kind: 'sample', mediaTypes: ['application/json'], text: '', line: 38 }]),
      ],
      links: ['/', '/Help/ResourceModel?modelName=Order', '/Help/ResourceModel?modelName=Line'],
    });
  });

  it('ends a sample whose media types are the last thing on the page with an empty text', () => {
    const last = outlineHtml(page, 'page.html').sections.get('Resource Description')!.items.at(-1);
    expect(last).to.deep.equal({ kind: 'sample', mediaTypes: ['application/json'], text: '', line: 38 });
  });

  it('counts lines from the first byte: an element at the start of a line is on that line', () => {
    expect(outline('<h1>GET api/a</h1>\n<p>one</p>\n\n<p>two</p>')).to.deep.include({
      title: { no: 1, text: 'GET api/a' },
      preamble: [text(2, 'one'), text(4, 'two')],
    });
    expect(outline('<div><h1>GET api/a</h1><p>x</p>\n\n</div>').preamble).to.deep.equal([text(1, 'x')]);
  });

  it('places a run of inline text on the line where the run starts', () => {
    expect(outline('<div><p>a</p>\nloose <b>text</b>\n</div>').preamble).to.deep.equal([text(1, 'a'), text(1, 'loose text')]);
  });

  it('keeps text before the first h1 when a section came before it, and reads a second h1 as text', () => {
    const o = outline('<div><p>Intro</p><h2>Request Information</h2><h1>GET api/a</h1><h1>GET api/b</h1></div>');
    expect(o.title).to.deep.equal({ no: 1, text: 'GET api/a' });
    expect(o.preamble).to.deep.equal([text(1, 'Intro')]);
    expect(o.sections[0]!.items).to.deep.equal([text(1, 'GET api/b')]);
  });

  it('ends a pending sample at an h1 with an empty text', () => {
    const o = outline('<h1>GET api/a</h1><h2>Response Formats</h2><h4>text/plain</h4><h1>GET api/b</h1>');
    expect(o.sections[0]!.items).to.deep.equal([{ kind: 'sample', mediaTypes: ['text/plain'], text: '', line: 1 }, text(1, 'GET api/b')]);
  });

  it('ends a pending sample at a table or a heading with an empty text', () => {
    const table = '<table><tr><th>API</th><th>Description</th></tr><tr><td>GET api/a</td><td>A</td></tr></table>';
    const o = outline(`<h1>X</h1><h2>Response Formats</h2><h4>text/plain</h4>${table}<h4>application/xml</h4><h3>Response Codes</h3>`);
    expect(o.sections.map((s) => s.items.map((i) => i.kind === 'sample' ? [i.mediaTypes, i.text] : i.kind))).to.deep.equal([
      [[['text/plain'], ''], 'table', [['application/xml'], '']],
      [],
    ]);
  });

  it('ends a pending sample at the next media types with an empty text', () => {
    const o = outline('<h1>X</h1><h2>Response Formats</h2><h4>text/plain</h4><h4>text/xml, application/xml</h4><pre>&lt;a   b="1"/&gt;</pre>');
    expect(o.sections[0]!.items).to.deep.equal([
      { kind: 'sample', mediaTypes: ['text/plain'], text: '', line: 1 },
      { kind: 'sample', mediaTypes: ['text/xml', 'application/xml'], text: '<a   b="1"/>', line: 1 },
    ]);
  });

  it('places the first inline run of an element on its own line', () => {
    expect(outline('<h1>X</h1>\n<div>loose <b>text</b></div>').preamble).to.deep.equal([text(2, 'loose text')]);
  });

  it('takes links from anchors only, and reads text around a comment as one', () => {
    const o = outline('<h1>X</h1><div>text <link href="/site.css"> <a href="/a">a</a></div><p><link href="/p.css">a<!-- c -->b</p>');
    expect(o.links).to.deep.equal(['/a']);
    expect(o.preamble).to.deep.equal([text(1, 'text a'), text(1, 'ab')]);
  });

  it('names a section that appears twice, with its line', () => {
    expect(() => outlineHtml('<h1>X</h1>\n<h2>URI Parameters</h2>\n<h3>URI Parameters</h3>', 'p.html'))
      .to.throw(HelpPageError, 'help page line 3: section "URI Parameters" appears twice');
  });

  it('reads a media-type line only from a heading, not from a paragraph', () => {
    expect(outline('<h1>X</h1><p>text/plain</p><p>Sample:</p>').preamble).to.deep.equal([text(1, 'text/plain'), text(1, 'Sample:')]);
  });

  it('reads a paragraph, list item, pre or minor heading as one text, its block children on lines of their own', () => {
    const o = outline('<h1>X</h1><p>a<br>b</p><ul><li><p>c</p><p>d</p></li></ul><pre>e<br>f</pre><h5>g<br>h</h5><section>i<br>j</section>');
    expect(o.preamble).to.deep.equal([text(1, 'a\nb'), text(1, 'c\nd'), text(1, 'e\nf'), text(1, 'g\nh'), text(1, 'i'), text(1, 'j')]);
  });

  it('reads a line break in a paragraph\'s or a cell\'s source as the space a browser shows', () => {
    const o = outline('<h1>X</h1><p>The refresh\n      token of the\r\n   user.</p><table><tr><th>Name</th><th>Description</th></tr><tr><td>Id</td><td>The\n  id <b>of\n the</b>\tuser<br>Second line</td></tr></table>');
    expect(o.preamble[0]).to.deep.equal(text(1, 'The refresh token of the user.'));
    expect(o.preamble[1]).to.deep.include({ rows: [{ cells: ['Id', 'The id of the user\nSecond line'], line: 3 }] });
    // Spaces on both sides of an inline element's edge still show as one.
    expect(outline('<h1>X</h1><p>The <b> token</b></p>').preamble[0]).to.deep.equal(text(1, 'The token'));
  });

  it('collects the links of paragraphs, inline runs and tables, nested ones included, in page order', () => {
    const o = outline('<h1>X</h1><p><span><a href="/p">p</a></span><a>no href</a></p><div><span><a href="/n">n</a></span> <a href="/r">r</a></div>'
      + '<table><tr><th>API</th><th>Description</th></tr><tr><td><b><a href="/t">GET api/t</a></b></td><td></td></tr></table>');
    expect(o.links).to.deep.equal(['/p', '/n', '/r', '/t']);
  });

  it('leaves out scripts, styles, navigation and comments', () => {
    const o = outline('<h1>X</h1><div><nav><a href="/nav">n</a></nav><script>s()</script><style>p{}</style><!-- c --><p>kept</p><noscript>js</noscript></div>');
    expect(o.preamble).to.deep.equal([text(1, 'kept')]);
    expect(o.links).to.deep.equal([]);
  });

  it('keeps a sample with its own line breaks, text of nested elements included, lines trimmed and blank ones dropped', () => {
    const o = outline('<h1>X</h1><h2>Request Formats</h2><h4>application/xml</h4><pre>  <b>&lt;a&gt;</b>\n\n   <i>x</i>  \n&lt;/a&gt;<!-- c --></pre>');
    expect(o.sections[0]!.items).to.deep.equal([{ kind: 'sample', mediaTypes: ['application/xml'], text: '<a>\nx\n</a>', line: 1 }]);
  });

  describe('tables', () => {
    const table = (rows: string) => outline(`<h1>X</h1><table>${rows}</table>`).preamble;
    const header = '<tr><th>Name</th><th>Value</th><th>Description</th></tr>';

    it('reads an enum table by its header row, wherever that row stands', () => {
      expect(table(`<tr><td>A</td><td>1</td><td>first</td></tr>${header}`)).to.deep.equal([{
        kind: 'table', columns: ['name', 'value', 'description'], glued: '', line: 1, rows: [{ cells: ['A', '1', 'first'], line: 1 }],
      }]);
    });

    it('takes header cells written as td in the header row, and th cells in body rows', () => {
      expect(table('<tr><th>API</th><td>Description</td></tr><tr><th>GET api/a</th><td>A</td></tr>')).to.deep.equal([{
        kind: 'table', columns: ['api', 'description'], glued: '', line: 1, rows: [{ cells: ['GET api/a', 'A'], line: 1 }],
      }]);
    });

    it('ignores what is not a cell in a row, and keeps a cell\'s paragraphs on lines of their own', () => {
      expect(table('<tr> <th>API</th><!-- c --><th>Description</th></tr><tr><td>GET api/a</td> <span>x</span><td><p>one</p> <p>two</p></td></tr>')[0])
        .to.deep.include({ rows: [{ cells: ['GET api/a', 'one\ntwo'], line: 1 }] });
    });

    it('finds the header row and the links in nested markup (thead, tbody, a link inside a cell\'s element)', () => {
      expect(table('<thead><tr><th>API</th><th>Description</th></tr></thead><tbody><tr><td><b><a href="/a">GET api/a</a></b></td><td><a href="/d">D</a><a href="/e">E</a></td></tr></tbody>')[0])
        .to.deep.include({ rows: [{ cells: ['GET api/a', 'DE'], line: 1, links: ['/a', '/d'] }] });
    });

    it('is not a table without a header row, with an unknown column, or with neither a Name nor an API column', () => {
      expect(table('<tr><td>Name</td><td>Type</td></tr>')).to.deep.equal([]);
      expect(table('<tr><th>Name</th><th>Colour</th></tr>')).to.deep.equal([]);
      expect(table('<tr><th>Description</th><th>Type</th></tr>')).to.deep.equal([]);
      expect(table('<tr><th>Value</th><th>Description</th></tr><tr><td>1</td><td>d</td></tr>')).to.deep.equal([]);
    });

    it('reads a table with an API column and no Name column', () => {
      expect(table('<tr><th>API</th><th>Description</th></tr>')).to.have.length(1);
      expect(table('<tr><th>Name</th><th>Type</th></tr>')).to.have.length(1);
    });
  });

  describe('looksLikeHtml', () => {
    const cases: [string, boolean][] = [
      ['<!DOCTYPE html><html></html>', true],
      ['  \n<html>', true],
      ['\uFEFF<h1>GET api/a</h1>', true],
      ['<SECTION>', true],
      ['<div>', true],
      ['<body>', true],
      ['<head>', true],
      ['POST api/a\n<div>', false],
      ['Text<div>', false],
      ['<p>x</p>', false],
    ];
    for (const [input, expected] of cases) it(`${expected ? 'takes' : 'does not take'} ${JSON.stringify(input)} for HTML`, () => expect(looksLikeHtml(input)).to.equal(expected));
  });
});
