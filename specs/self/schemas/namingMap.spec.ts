// The naming map is derived from the doc's table and samples, and refuses a doc whose table
// and samples disagree, rather than pairing the wrong names.

import { expect } from 'chai';
import { refreshTokenEndpoint } from '../../../src/doc/endpoint.ts';
import { parseHelpPage } from '../../../src/doc/helpPage.ts';
import { buildNamingMap, encodeLocalName, NamingMapError } from '../../../src/naming/namingMap.ts';
import { readFileSync } from 'node:fs';
import { REFRESH_TOKEN_DOC } from '../../../src/doc/endpoint.ts';

describe('naming map', () => {
  const map = buildNamingMap(refreshTokenEndpoint());
  const byDocumented = (name: string) => map.response.members.find((m) => m.documented === name)!;

  it('pairs every documented name with its backing field, by declaration order', () => {
    expect(map.response.members).to.have.length(17);
    expect(byDocumented('userSequence')).to.include({ member: 'seqUser', jsonBackingField: '<seqUser>k__BackingField', xmlBackingField: '_x003C_seqUser_x003E_k__BackingField', type: 'integer' });
    expect(byDocumented('username')).to.include({ member: 'userName' });
    expect(byDocumented('.issued')).to.include({ member: 'issued', xmlDocumented: '_x002E_issued', type: 'date' });
  });

  it('maps the request JSON names to the DataContract elements by sample value', () => {
    expect(map.request.members.map((m) => [m.json, m.xml])).to.deep.equal([['refresh_token', 'Refreshtoken'], ['grant_type', 'GrantType']]);
    expect(map.request.xmlOnly.map((m) => m.xml)).to.deep.equal(['ControllerVersion']);
    expect(map.request.xmlNamespace).to.equal('http://schemas.datacontract.org/2004/07/AuthenticationServer.Models');
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
});
