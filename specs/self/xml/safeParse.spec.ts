import { expect } from 'chai';
import { parseXmlDocument, XmlSyntaxError } from '../../../src/xml/safeParse.ts';

const TOKEN_RESPONSE = '<TokenResponse xmlns="urn:dto" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><access_token>abc</access_token><expires i:nil="true"/></TokenResponse>';

describe('parseXmlDocument keeps the trees it has parsed', () => {
  it('hands out the same frozen tree for the same document', () => {
    const first = parseXmlDocument(TOKEN_RESPONSE);
    expect(parseXmlDocument(TOKEN_RESPONSE)).to.equal(first);
    expect(first.children.map((c) => c.localName)).to.deep.equal(['access_token', 'expires']);
    expect(Object.isFrozen(first) && Object.isFrozen(first.children) && Object.isFrozen(first.children[1]!.attributes)).to.equal(true);
    expect(() => (first.children as unknown as unknown[]).push(first)).to.throw(TypeError);
  });

  it('parses a different document anew', () => {
    const other = parseXmlDocument(TOKEN_RESPONSE.replace('abc', 'xyz'));
    expect(other.children[0]!.text).to.equal('xyz');
    expect(parseXmlDocument(TOKEN_RESPONSE).children[0]!.text).to.equal('abc');
  });

  it('refuses a malformed document every time, after a good one', () => {
    const broken = TOKEN_RESPONSE.replace('</TokenResponse>', '');
    for (let n = 0; n < 2; n++) expect(() => parseXmlDocument(broken)).to.throw(XmlSyntaxError);
  });

  it('does not keep a large document, but freezes it too', () => {
    const large = `<Items>${'<Item>x</Item>'.repeat(6000)}</Items>`;
    const first = parseXmlDocument(large);
    expect(first.children).to.have.length(6000);
    expect(parseXmlDocument(large)).to.not.equal(first);
    expect(Object.isFrozen(first.children[0])).to.equal(true);
  });

  it('keeps the most recent documents only', () => {
    const first = parseXmlDocument('<Probe>0</Probe>');
    for (let n = 1; n <= 300; n++) parseXmlDocument(`<Probe>${n}</Probe>`);
    expect(parseXmlDocument('<Probe>300</Probe>')).to.equal(parseXmlDocument('<Probe>300</Probe>'));
    expect(parseXmlDocument('<Probe>0</Probe>')).to.not.equal(first);
  });
});
