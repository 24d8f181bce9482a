// The naming map is derived from the doc's table and samples, and refuses a doc whose table
// and samples disagree, rather than pairing the wrong names.

import { expect } from 'chai';
import { refreshTokenEndpoint } from '../../../src/doc/endpoint.ts';
import { parseHelpPage } from '../../../src/doc/helpPage.ts';
import { buildNamingMap, encodeLocalName, NamingMapError, ordinalSort } from '../../../src/naming/namingMap.ts';
import { readFileSync } from 'node:fs';
import { REFRESH_TOKEN_DOC } from '../../../src/doc/endpoint.ts';

describe('naming map', () => {
  // Built in each test, not once for the file: a map built before a test would hide a change to
  // how it is built from that test.
  const map = () => buildNamingMap(refreshTokenEndpoint());
  const byDocumented = (name: string) => map().response.members.find((m) => m.documented === name)!;

  it('pairs every documented name with its backing field, by declaration order', () => {
    expect(map().response.members).to.have.length(17);
    expect(byDocumented('userSequence')).to.include({ member: 'seqUser', jsonBackingField: '<seqUser>k__BackingField', xmlBackingField: '_x003C_seqUser_x003E_k__BackingField', type: 'integer' });
    expect(byDocumented('username')).to.include({ member: 'userName' });
    expect(byDocumented('.issued')).to.include({ member: 'issued', xmlDocumented: '_x002E_issued', type: 'date' });
    expect(map().response.members.map((m) => m.order)).to.deep.equal(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it('maps the request JSON names to the DataContract elements by sample value', () => {
    expect(map().request.members.map((m) => [m.json, m.xml])).to.deep.equal([['refresh_token', 'Refreshtoken'], ['grant_type', 'GrantType']]);
    expect(map().request.members[1]).to.include({ optional: true, defaultValue: 'refresh_token', example: 'sample string 2' });
    expect(map().request.members[0]).to.not.have.property('defaultValue');
    expect(map().request.typeName).to.equal('ConsincoRefreshTokenBindingModel');
    expect(map().request.xmlOnly.map((m) => m.xml)).to.deep.equal(['ControllerVersion']);
    expect(map().request.xmlNamespace).to.equal('http://schemas.datacontract.org/2004/07/AuthenticationServer.Models');
  });

  it('encodes names the way XmlConvert.EncodeLocalName does', () => {
    expect(encodeLocalName('<accessToken>k__BackingField')).to.equal('_x003C_accessToken_x003E_k__BackingField');
    expect(encodeLocalName('.expires')).to.equal('_x002E_expires');
    expect(encodeLocalName('access_token')).to.equal('access_token');
  });

  it('refuses a doc whose table and sample disagree on a position', () => {
    const text = readFileSync(REFRESH_TOKEN_DOC, 'utf8').replace('"<id>k__BackingField": 6', '"<id>k__BackingField": "sample string 6"');
    expect(() => buildNamingMap(parseHelpPage(text))).to.throw(NamingMapError, /"id" is documented as integer/);
  });

  it('refuses a doc whose JSON sample lacks a member of the table', () => {
    const text = readFileSync(REFRESH_TOKEN_DOC, 'utf8').replace('"<loginId>k__BackingField": "sample string 15", ', '');
    expect(() => buildNamingMap(parseHelpPage(text))).to.throw(NamingMapError, /17 response fields but the JSON sample has 16 keys/);
  });

  describe('refuses a doc whose table and samples disagree, naming the disagreement', () => {
    const doc = readFileSync(REFRESH_TOKEN_DOC, 'utf8');
    const edits: [string, string, string, RegExp][] = [
      ['a JSON key that is not a backing field', '"<name>k__BackingField"', '"name"', /JSON sample key "name" is not a compiler backing field/],
      ['a sample number out of place', '"<name>k__BackingField": "sample string 7"', '"<name>k__BackingField": "sample string 8"', /"name" is row 7 of the table but its sample value "sample string 8" is numbered 8/],
      ['a numeric sample out of place', '"<id>k__BackingField": 6', '"<id>k__BackingField": 5', /"id" is row 6 of the table but its sample value 5 is numbered 5/],
      ['an XML sample without a member', '<_x003C_name_x003E_k__BackingField>sample string 7</_x003C_name_x003E_k__BackingField>', '', /XML sample has no element _x003C_name_x003E_k__BackingField for "name"/],
      ['an XML value that differs from the JSON one', '<_x003C_name_x003E_k__BackingField>sample string 7<', '<_x003C_name_x003E_k__BackingField>sample string 70<', /XML sample's _x003C_name_x003E_k__BackingField is "sample string 70", the JSON sample's is "sample string 7"/],
      ['an XML element the table lacks', '</TokenResponse>', '<Extra>1</Extra></TokenResponse>', /XML sample has 18 elements, the table 17 fields/],
      ['a request JSON sample without a table member', '{ "refresh_token": "sample string 1", "grant_type": "sample string 2" }', '{ "refresh_token": "sample string 1" }', /request JSON sample has no "grant_type"/],
    ];
    for (const [name, from, to, message] of edits) {
      it(name, () => {
        expect(doc.includes(from), `the doc still holds ${from}`).to.equal(true);
        expect(() => buildNamingMap(parseHelpPage(doc.replace(from, to)))).to.throw(NamingMapError, message);
      });
    }

    // A model handed over without the page parser's own checks (a doc from another source).
    const model = refreshTokenEndpoint();
    const withSamples = (edit: (format: string, text: string) => string | undefined) => ({
      ...model,
      response: { ...model.response, samples: model.response.samples.flatMap((s) => { const text = edit(s.format, s.text); return text === undefined ? [] : [{ ...s, text }]; }) },
    });

    it('a doc without a JSON or an XML sample', () => {
      expect(() => buildNamingMap(withSamples((f, t) => (f === 'json' ? undefined : t)))).to.throw(NamingMapError, /^naming map: the doc has no JSON response sample$/);
      expect(() => buildNamingMap(withSamples((f, t) => (f === 'xml' ? undefined : t)))).to.throw(NamingMapError, /^naming map: the doc has no XML response sample$/);
    });

    it('a sample that does not parse', () => {
      expect(() => buildNamingMap(withSamples((f, t) => (f === 'json' ? t.slice(0, -2) : t)))).to.throw(NamingMapError, /^naming map: the JSON response sample \(doc line \d+\) does not parse: /);
      expect(() => buildNamingMap(withSamples((f, t) => (f === 'xml' ? t.replace('</TokenResponse>', '') : t)))).to.throw(NamingMapError, /^naming map: the XML response sample \(doc line \d+\) does not parse: /);
    });
  });

  it('keeps the request XML order and types the XML-only members by their sample', () => {
    expect(map().request.xmlOrder).to.deep.equal(['ControllerVersion', 'GrantType', 'Refreshtoken']);
    expect(map().request.xmlOnly).to.deep.equal([{ xml: 'ControllerVersion', type: 'integer', example: '3' }]);
    const doc = readFileSync(REFRESH_TOKEN_DOC, 'utf8').replace('<ControllerVersion>3</ControllerVersion>', '<ControllerVersion>v3</ControllerVersion>');
    expect(buildNamingMap(parseHelpPage(doc)).request.xmlOnly[0]).to.include({ type: 'string', example: 'v3' });
  });

  it('records position, example and the response type name and namespace of each member', () => {
    expect(byDocumented('id')).to.include({ order: 6, example: 6 });
    expect(byDocumented('access_token')).to.include({ order: 1, example: 'sample string 1', member: 'accessToken' });
    expect(map().response.typeName).to.equal('TokenResponse');
    expect(map().response.xmlNamespace).to.equal('http://schemas.datacontract.org/2004/07/Kike.Security.Data.Dto');
  });

  it('encodes a leading character that cannot start a name, and keeps digits, dots and dashes after it', () => {
    expect(encodeLocalName('1a')).to.equal('_x0031_a');
    expect(encodeLocalName('-a')).to.equal('_x002D_a');
    expect(encodeLocalName('a1.b-c_d')).to.equal('a1.b-c_d');
    expect(encodeLocalName('a b')).to.equal('a_x0020_b');
  });

  it('sorts member names in ordinal order, capitals before lower case, as DataContractSerializer does', () => {
    expect(ordinalSort(['b', 'a', '_x', 'B', 'A', 'a'])).to.deep.equal(['A', 'B', '_x', 'a', 'a', 'b']);
  });
});
