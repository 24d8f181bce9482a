// The XSD batch: documents are judged by their own schema whatever else shares their JVM, with
// as few JVMs as the schemas allow, each problem placed on its document and line and worded as
// Received/Expected, and nothing unsafe reaches Java. The schemas are small ones made for these
// cases (two namespaces importing a shared one, two files declaring one namespace, a document
// without namespace), written to a folder of their own in each case: the module keeps one
// wrapper schema per set of schemas for the whole process, and no case may pass on a wrapper
// another case made. JVM starts are counted by a java that logs each start and runs the real one.

import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearSecrets, registerSecret, tokenShape } from '../../../src/redaction/redactor.ts';
import { javaExecutable } from '../../../src/validation/javaCheck.ts';
import type { SchemaProblem } from '../../../src/validation/problem.ts';
import { validateXmlDocuments, type XsdDocument, type XsdTarget } from '../../../src/validation/xsdBatch.ts';
import { withJavaScript } from './javaHome.ts';

const ORDERS = 'urn:test:orders';
const INVOICES = 'urn:test:invoices';
const COMMON = 'urn:test:common';

const schema = (attributes: string, body: string) => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"${attributes}>\n${body}\n</xs:schema>\n`;

const SCHEMAS: Record<string, string> = {
  'order.xsd': schema(` targetNamespace="${ORDERS}" xmlns:o="${ORDERS}"`, `
  <xs:element name="Order"><xs:complexType><xs:sequence>
    <xs:element name="id" type="xs:int"/>
    <xs:element name="code" type="xs:string" minOccurs="0"/>
    <xs:element name="note" type="o:short"/>
  </xs:sequence></xs:complexType></xs:element>
  <xs:simpleType name="short"><xs:restriction base="xs:string"><xs:maxLength value="5"/></xs:restriction></xs:simpleType>`),
  // The same namespace and root in another file, as the two namings of one DataContract are.
  'order-v2.xsd': schema(` targetNamespace="${ORDERS}"`, `
  <xs:element name="Order"><xs:complexType><xs:sequence><xs:element name="id" type="xs:string"/></xs:sequence></xs:complexType></xs:element>`),
  // Another root of the orders namespace, in a file of its own.
  'receipt.xsd': schema(` targetNamespace="${ORDERS}"`, `
  <xs:element name="Receipt"><xs:complexType><xs:sequence><xs:element name="paid" type="xs:boolean"/></xs:sequence></xs:complexType></xs:element>`),
  'invoice.xsd': schema(` targetNamespace="${INVOICES}"`, `
  <xs:element name="Invoice"><xs:complexType><xs:sequence><xs:element name="total" type="xs:decimal"/></xs:sequence></xs:complexType></xs:element>`),
  'fault.xsd': schema('', `
  <xs:element name="Fault"><xs:complexType><xs:sequence><xs:element name="Message" type="xs:string"/></xs:sequence></xs:complexType></xs:element>`),
  // Two endpoints' schema sets: each imports its own definition of one shared namespace.
  'buyer.xsd': schema(' targetNamespace="urn:test:buyer" xmlns:c="urn:test:common"', `
  <xs:import namespace="${COMMON}" schemaLocation="common-int.xsd"/>
  <xs:element name="Buyer"><xs:complexType><xs:sequence><xs:element ref="c:code"/></xs:sequence></xs:complexType></xs:element>`),
  'broker.xsd': schema(' targetNamespace="urn:test:broker" xmlns:c="urn:test:common"', `
  <xs:import namespace="${COMMON}" schemaLocation="common-int.xsd"/>
  <xs:element name="Broker"><xs:complexType><xs:sequence><xs:element ref="c:code"/></xs:sequence></xs:complexType></xs:element>`),
  'seller.xsd': schema(' targetNamespace="urn:test:seller" xmlns:c="urn:test:common"', `
  <xs:import namespace="${COMMON}" schemaLocation="common-text.xsd"/>
  <xs:element name="Seller"><xs:complexType><xs:sequence><xs:element ref="c:code"/></xs:sequence></xs:complexType></xs:element>`),
  'common-int.xsd': schema(` targetNamespace="${COMMON}"`, '  <xs:element name="code" type="xs:int"/>'),
  'common-text.xsd': schema(` targetNamespace="${COMMON}"`, '  <xs:element name="code" type="xs:string"/>'),
  // The common namespace's other element, in a file of its own.
  'common-label.xsd': schema(` targetNamespace="${COMMON}"`, '  <xs:element name="label" type="xs:string"/>'),
  // An orders root whose file imports the common namespace itself.
  'receipt-linked.xsd': schema(` targetNamespace="${ORDERS}" xmlns:c="${COMMON}"`, `
  <xs:import namespace="${COMMON}" schemaLocation="common-int.xsd"/>
  <xs:element name="ReceiptLinked"><xs:complexType><xs:sequence><xs:element ref="c:code"/></xs:sequence></xs:complexType></xs:element>`),
};

/** The schemas written to a fresh folder; the targets by name. */
function freshSchemas() {
  const dir = mkdtempSync(join(tmpdir(), 'xsd-batch-spec-'));
  for (const [name, text] of Object.entries(SCHEMAS)) writeFileSync(join(dir, name), text);
  const at = (file: string) => join(dir, file);
  const imports = (main: string, ns: string, common: string): XsdTarget['namespaces'] => new Map([[ns, at(main)], [COMMON, at(common)]]);
  return {
    order: { xsd: at('order.xsd'), namespace: ORDERS, root: 'Order' },
    orderV2: { xsd: at('order-v2.xsd'), namespace: ORDERS, root: 'Order' },
    receipt: { xsd: at('receipt.xsd'), namespace: ORDERS, root: 'Receipt' },
    invoice: { xsd: at('invoice.xsd'), namespace: INVOICES, root: 'Invoice' },
    fault: { xsd: at('fault.xsd'), namespace: '', root: 'Fault' },
    buyer: { xsd: at('buyer.xsd'), namespace: 'urn:test:buyer', root: 'Buyer', namespaces: imports('buyer.xsd', 'urn:test:buyer', 'common-int.xsd') },
    broker: { xsd: at('broker.xsd'), namespace: 'urn:test:broker', root: 'Broker', namespaces: imports('broker.xsd', 'urn:test:broker', 'common-int.xsd') },
    seller: { xsd: at('seller.xsd'), namespace: 'urn:test:seller', root: 'Seller', namespaces: imports('seller.xsd', 'urn:test:seller', 'common-text.xsd') },
    receiptLinked: { xsd: at('receipt-linked.xsd'), namespace: ORDERS, root: 'ReceiptLinked', namespaces: imports('receipt-linked.xsd', ORDERS, 'common-int.xsd') },
    code: { xsd: at('common-int.xsd'), namespace: COMMON, root: 'code' },
    label: { xsd: at('common-label.xsd'), namespace: COMMON, root: 'label' },
  } satisfies Record<string, XsdTarget>;
}

const order = (id: string, note = 'ok', extra = '') => `<Order xmlns="${ORDERS}"><id>${id}</id>${extra}<note>${note}</note></Order>`;
const invoice = (total: string) => `<Invoice xmlns="${INVOICES}"><total>${total}</total></Invoice>`;
const fault = (inner: string) => `<Fault>${inner}</Fault>`;
const party = (root: string, ns: string, code: string) => `<${root} xmlns="${ns}" xmlns:c="${COMMON}"><c:code>${code}</c:code></${root}>`;

/** Runs `body` with a java that counts its starts; returns what `body` gave and the count. */
function countingJvms<T>(body: () => Promise<T>): Promise<{ result: T; jvms: number }> {
  const real = javaExecutable();
  const log = (home: string) => join(home, 'starts');
  return withJavaScript((home) => `echo start >> '${log(home)}'\nexec '${real}' "$@"`, async (home) => {
    const result = await body();
    return { result, jvms: existsSync(log(home)) ? readFileSync(log(home), 'utf8').split('\n').filter(Boolean).length : 0 };
  });
}

const validate = (documents: XsdDocument[]) => countingJvms(() => validateXmlDocuments(documents));

/** Where Xerces places a problem: `line:column` just past `fragment` (an element's end or start tag). */
function after(xml: string, fragment: string): string {
  const end = xml.indexOf(fragment) + fragment.length;
  if (end < fragment.length) throw new Error(`${fragment} is not in ${xml}`);
  const lineStart = xml.lastIndexOf('\n', end - 1) + 1;
  return `${xml.slice(0, end).split('\n').length}:${end - lineStart + 1}`;
}

const typeError = (path: string, field: string, value: string, type: string): SchemaProblem => ({ path, received: `'${value}'`, expected: `a valid xs:${type}`, field });

describe('XSD batch: which documents share a JVM', () => {
  it('validates documents of schemas that agree on every namespace in one JVM, each by its own schema', async () => {
    const t = freshSchemas();
    const badTotal = invoice('abc');
    const badId = order('x');
    const badCode = party('Broker', 'urn:test:broker', 'seven');
    const { result, jvms } = await validate([
      { target: t.order, xml: order('1') },
      { target: t.invoice, xml: badTotal },
      { target: t.fault, xml: fault('<Message>denied</Message>') },
      { target: t.order, xml: badId },
      { target: t.invoice, xml: invoice('9.50') },
      { target: t.buyer, xml: party('Buyer', 'urn:test:buyer', '7') },
      { target: t.broker, xml: badCode },
    ]);
    expect(result).to.deep.equal([
      [],
      [typeError(after(badTotal, '</total>'), 'total', 'abc', 'decimal')],
      [],
      [typeError(after(badId, '</id>'), 'id', 'x', 'integer')],
      [],
      [],
      [typeError(after(badCode, '</c:code>'), 'c:code', 'seven', 'integer')],
    ]);
    expect(jvms).to.equal(1);
  });

  it('joins files of one namespace that declare different things, and gives those that declare the same a JVM each', async () => {
    const t = freshSchemas();
    const badPaid = `<Receipt xmlns="${ORDERS}"><paid>maybe</paid></Receipt>`;
    const { result, jvms } = await validate([
      { target: t.order, xml: order('abc') },
      { target: t.orderV2, xml: `<Order xmlns="${ORDERS}"><id>abc</id></Order>` },
      { target: t.receipt, xml: `<Receipt xmlns="${ORDERS}"><paid>true</paid></Receipt>` },
      { target: t.orderV2, xml: `<Order xmlns="${ORDERS}"><id>def</id></Order>` },
      { target: t.receipt, xml: badPaid },
    ]);
    // Order and Receipt share one JVM, the other Order has its own: each document meets its own schema.
    expect(result).to.deep.equal([[typeError(after(order('abc'), '</id>'), 'id', 'abc', 'integer')], [], [], [], [typeError(after(badPaid, '</paid>'), 'paid', 'maybe', 'boolean')]]);
    expect(jvms).to.equal(2);
  });

  it('keeps a namespace\'s files apart when one of them loads another schema, or another schema imports that namespace', async () => {
    const t = freshSchemas();
    const linked = await validate([
      { target: t.order, xml: order('1') },
      { target: t.receiptLinked, xml: party('ReceiptLinked', ORDERS, 'x') },
    ]);
    expect(linked.result).to.deep.equal([[], [typeError(after(party('ReceiptLinked', ORDERS, 'x'), '</c:code>'), 'c:code', 'x', 'integer')]]);
    expect(linked.jvms).to.equal(2);
    const label = `<label xmlns="${COMMON}">7</label>`;
    const imported = await validate([
      { target: t.buyer, xml: party('Buyer', 'urn:test:buyer', 'x') },
      { target: t.label, xml: label },
    ]);
    expect(imported.result).to.deep.equal([[typeError(after(party('Buyer', 'urn:test:buyer', 'x'), '</c:code>'), 'c:code', 'x', 'integer')], []]);
    expect(imported.jvms).to.equal(2);
    // Joined first, the two files of the namespace keep out a schema that imports one of them.
    const joinedFirst = await validate([
      { target: t.label, xml: label },
      { target: t.code, xml: `<code xmlns="${COMMON}">7</code>` },
      { target: t.buyer, xml: party('Buyer', 'urn:test:buyer', '8') },
    ]);
    expect(joinedFirst.result).to.deep.equal([[], [], []]);
    expect(joinedFirst.jvms).to.equal(2);
  });

  it('keeps apart schema sets that import different files for one namespace, and joins those that import the same', async () => {
    const t = freshSchemas();
    const { result, jvms } = await validate([
      { target: t.buyer, xml: party('Buyer', 'urn:test:buyer', 'ABC') },
      { target: t.seller, xml: party('Seller', 'urn:test:seller', 'ABC') },
      { target: t.broker, xml: party('Broker', 'urn:test:broker', '12') },
      { target: t.seller, xml: party('Seller', 'urn:test:seller', '12') },
    ]);
    expect(result).to.deep.equal([[typeError(after(party('Buyer', 'urn:test:buyer', 'ABC'), '</c:code>'), 'c:code', 'ABC', 'integer')], [], [], []]);
    expect(jvms).to.equal(2);
  });

  it('judges a later call by its own schemas, not by a wrapper made for another set', async () => {
    const t = freshSchemas();
    const first = await validate([{ target: t.order, xml: order('abc') }]);
    const second = await validate([{ target: t.orderV2, xml: `<Order xmlns="${ORDERS}"><id>abc</id></Order>` }]);
    const again = await validate([{ target: t.order, xml: order('abc') }]);
    const badId = [typeError(after(order('abc'), '</id>'), 'id', 'abc', 'integer')];
    expect([first.result, second.result, again.result]).to.deep.equal([[badId], [[]], [badId]]);
  });
});

describe('XSD batch: where a problem is', () => {
  it('places each problem on its own document and line, whatever the documents before it span', async () => {
    const t = freshSchemas();
    const multiLine = (id: string) => `<Order xmlns="${ORDERS}">\n  <id>${id}</id>\n  <note>ok</note>\n</Order>`;
    // A value that looks like a position does not move the problem.
    const longNote = `<Order xmlns="${ORDERS}">\n<id>1</id>\n\n<note>a (7:9) long value</note></Order>`;
    const { result } = await validate([
      ...Array.from({ length: 4 }, () => ({ target: t.order, xml: multiLine('1') })),
      { target: t.order, xml: multiLine('x') },
      { target: t.order, xml: multiLine('2') },
      { target: t.order, xml: longNote },
    ]);
    expect(after(multiLine('x'), '</id>')).to.equal('2:13');
    expect(after(longNote, '</note>')).to.equal('4:32');
    expect(result).to.deep.equal([[], [], [], [], [typeError('2:13', 'id', 'x', 'integer')], [], [
      { path: '4:32', received: "cvc-maxLength-valid: Value 'a (7:9) long value' with length = '18' is not facet-valid with respect to maxLength '5' for type 'short'.", expected: 'a document valid against the XSD' },
      { field: 'note', path: '4:32', received: "'a (7:9) long value'", expected: "a value of the element's XSD type" },
    ]]);
  });

  it('still validates the documents after one that Xerces finds not well-formed, and never that one twice', async () => {
    const t = freshSchemas();
    // U+FFFE passes the JavaScript well-formedness check but is a fatal error for Xerces.
    const broken = order('1', 'bad \uFFFE');
    // Xerces places it at the column of U+FFFE.
    const fatal = { path: `1:${broken.indexOf('\uFFFE') + 1}`, received: 'An invalid XML character (Unicode: 0xfffe) was found in the element content of the document.', expected: 'a document valid against the XSD' };
    const { result, jvms } = await validate([
      { target: t.order, xml: order('1') },
      { target: t.order, xml: broken },
      { target: t.order, xml: order('1') },
      { target: t.order, xml: order('x') },
      { target: t.order, xml: broken },
    ]);
    expect(result).to.deep.equal([[], [fatal], [], [typeError(after(order('x'), '</id>'), 'id', 'x', 'integer')], [fatal]]);
    // The first JVM stops at the second document, the second at the last: nothing is left for a third.
    expect(jvms).to.equal(2);
  });
});

describe("XSD batch: Xerces' sentences as Received/Expected", () => {
  it('names the element a user looks for: the missing one, the misplaced one, the one in excess', async () => {
    const t = freshSchemas();
    const noId = `<Order xmlns="${ORDERS}"><note>x</note></Order>`;
    const noNote = `<Order xmlns="${ORDERS}"><id>1</id></Order>`;
    const misplaced = order('1', 'x', '<extra/>');
    const trailing = `<Order xmlns="${ORDERS}"><id>1</id><note>x</note><extra/></Order>`;
    const emptyFault = fault('');
    const faultDetail = fault('<Message>a</Message><Detail/>');
    const { result } = await validate([
      { target: t.order, xml: noId },
      { target: t.order, xml: noNote },
      { target: t.order, xml: misplaced },
      { target: t.order, xml: trailing },
      { target: t.fault, xml: emptyFault },
      { target: t.fault, xml: faultDetail },
    ]);
    expect(result).to.deep.equal([
      [{ field: 'id', path: after(noId, '<note>'), received: 'element note at this position', expected: 'element id here (missing or out of order)' }],
      [{ field: 'Order', path: after(noNote, '</Order>'), received: 'element Order ends here', expected: 'one of code, note' }],
      [{ field: 'extra', path: after(misplaced, '<extra/>'), received: 'element extra at this position', expected: 'one of code, note' }],
      [{ field: 'extra', path: after(trailing, '<extra/>'), received: 'element extra at this position', expected: 'no further element (it is out of order or unknown)' }],
      [{ field: 'Message', path: after(emptyFault, '</Fault>'), received: 'element Fault ends here', expected: 'element Message here (missing or out of order)' }],
      [{ field: 'Detail', path: after(faultDetail, '<Detail/>'), received: 'element Detail at this position', expected: 'no further element (it is out of order or unknown)' }],
    ]);
  });

  it('keeps one problem per bad value, naming the element and the type', async () => {
    const t = freshSchemas();
    const documents = [
      { target: t.invoice, xml: invoice('1,5'), field: 'total', value: '1,5', type: 'decimal' },
      { target: t.receipt, xml: `<Receipt xmlns="${ORDERS}"><paid>yes</paid></Receipt>`, field: 'paid', value: 'yes', type: 'boolean' },
      { target: t.buyer, xml: party('Buyer', 'urn:test:buyer', 'a'), field: 'c:code', value: 'a', type: 'integer' },
    ];
    const { result } = await validate(documents);
    expect(result).to.deep.equal(documents.map((d) => [typeError(after(d.xml, `</${d.field}>`), d.field, d.value, d.type)]));
  });

  it('never repeats a live token that Xerces quotes', async () => {
    const t = freshSchemas();
    const token = 'eyJhbGciOiJIUzI1NiJ9.live-refresh-token.sig';
    registerSecret(token);
    try {
      const { result } = await validate([{ target: t.order, xml: order(token) }]);
      expect(result).to.deep.equal([[typeError(after(order(token), '</id>'), 'id', tokenShape(token), 'integer')]]);
    } finally {
      clearSecrets();
    }
  });
});

describe('XSD batch: what never reaches Java', () => {
  it('refuses DOCTYPEs and malformed documents itself, and checks the root element and its namespace', async () => {
    const t = freshSchemas();
    const { result, jvms } = await validate([
      { target: t.order, xml: `<!DOCTYPE Order [<!ENTITY x SYSTEM "file:///etc/passwd">]><Order xmlns="${ORDERS}"><id>&x;</id></Order>` },
      { target: t.order, xml: `<Order xmlns="${ORDERS}"><id>1</Order>` },
      { target: t.order, xml: `<Order xmlns="${INVOICES}"><id>1</id></Order>` },
      { target: t.fault, xml: `<f:Fault xmlns:f="${ORDERS}"/>` },
    ]);
    expect(result).to.deep.equal([
      [{ path: '(document)', received: 'DOCTYPE and entity declarations are refused', expected: 'a well-formed XML document without DOCTYPE' }],
      [{ path: '(document)', received: "Expected closing tag 'id' (opened in line 1, col 32) instead of closing tag 'Order'. (line 1)", expected: 'a well-formed XML document without DOCTYPE' }],
      [{ field: 'Order', path: '/', received: `root element {${INVOICES}}Order`, expected: `root element {${ORDERS}}Order` }],
      [{ field: 'f:Fault', path: '/', received: `root element {${ORDERS}}Fault`, expected: 'root element {}Fault' }],
    ]);
    expect(jvms).to.equal(0);
  });

  it('takes a byte order mark and an XML declaration as the document they head, and places problems as in the document', async () => {
    const t = freshSchemas();
    // .NET's XmlWriter writes the root element on the declaration's line.
    const sameLine = `<?xml version="1.0" encoding="utf-8"?>${order('x')}`;
    const twoLines = `\uFEFF<?xml version="1.0"\n  encoding="utf-8"?>\n${order('y')}`;
    const { result, jvms } = await validate([
      { target: t.order, xml: `<?xml version="1.0" encoding="utf-8"?>${order('1')}` },
      { target: t.invoice, xml: `\uFEFF<?xml version="1.0"?>\n${invoice('2')}` },
      { target: t.invoice, xml: `\uFEFF${invoice('3')}` },
      { target: t.order, xml: sameLine },
      { target: t.order, xml: twoLines },
      // Past the start, U+FEFF is a character of the content like any other.
      { target: t.order, xml: order('1\uFEFF') },
    ]);
    expect(after(sameLine, '</id>')).to.equal('1:80');
    expect(after(twoLines.slice(1), '</id>')).to.equal('3:42');
    expect(result).to.deep.equal([[], [], [], [typeError('1:80', 'id', 'x', 'integer')], [typeError('3:42', 'id', 'y', 'integer')], [typeError(after(order('1\uFEFF'), '</id>'), 'id', '1\uFEFF', 'integer')]]);
    expect(jvms).to.equal(1);
  });

  it('leaves a processing instruction inside the document to the document', async () => {
    const t = freshSchemas();
    // The instruction is no part of the note's value ("abcd" fits its five characters) nor of the Fault.
    const { result } = await validate([
      { target: t.order, xml: order('1', 'ab<?xml-stylesheet href="a.xsl"?>cd') },
      { target: t.fault, xml: '<Fault><Message>a<?xml-stylesheet href="a.xsl"?></Message></Fault>' },
    ]);
    expect(result).to.deep.equal([[], []]);
  });

  it('lets a schema fetch nothing over the network: the import is refused and the document not passed', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.end(schema(` targetNamespace="${COMMON}"`, '  <xs:element name="code" type="xs:string"/>'));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}/common.xsd`;
      const xsd = join(mkdtempSync(join(tmpdir(), 'xsd-batch-remote-')), 'remote.xsd');
      writeFileSync(xsd, SCHEMAS['seller.xsd']!.replace('common-text.xsd', remote).replace('urn:test:seller', 'urn:test:remote'));
      const { result } = await validate([{ target: { xsd, namespace: 'urn:test:remote', root: 'Seller' }, xml: party('Seller', 'urn:test:remote', 'x') }]);
      expect(result).to.have.length(1);
      expect(result[0]!.length, 'the document must not pass').to.be.greaterThan(0);
      expect(result[0]![0]).to.deep.include({ path: '(document)', expected: 'a document valid against the XSD' });
      expect(result[0]![0]!.received).to.match(/^schema_reference: Failed to read schema document 'common\.xsd', because 'http' access is not allowed/);
      expect(requests).to.equal(0);
    } finally {
      server.close();
    }
  });
});
