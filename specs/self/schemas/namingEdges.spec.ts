// The naming map and the naming classifier at their edges: sample values that only look
// numbered, a two-digit number, a request member the XML sample does not show, the login pages'
// validation annotations, and response values of the wrong JSON type that a careless classifier
// would read as dates.

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { CORP_LOGIN_DOC, docEndpoint, LOGIN_DOC, REFRESH_TOKEN_DOC, refreshTokenEndpoint } from '../../../src/doc/endpoint.ts';
import { parseHelpPage } from '../../../src/doc/helpPage.ts';
import { classifyJsonNaming } from '../../../src/naming/classify.ts';
import { buildNamingMap, NamingMapError } from '../../../src/naming/namingMap.ts';
import { namingMap } from '../../../src/schemas/load.ts';
import { responseObject } from '../support/docSamples.ts';

const doc = readFileSync(REFRESH_TOKEN_DOC, 'utf8');
const NAME_JSON = '"<name>k__BackingField": "sample string 7"';
const NAME_XML = '<_x003C_name_x003E_k__BackingField>sample string 7<';
/** The refresh-token page with the name member's sample value (row 7) changed in both samples. */
const withName = (value: string) => doc.replace(NAME_JSON, `"<name>k__BackingField": "${value}"`).replace(NAME_XML, `<_x003C_name_x003E_k__BackingField>${value}<`);

describe('naming map: edges', () => {
  it('reads only a whole "sample string N" as numbered', () => {
    for (const value of ['a sample string 5', 'sample string 5 b', 'sample string']) {
      const map = buildNamingMap(parseHelpPage(withName(value)));
      expect(map.response.members.find((m) => m.documented === 'name')!.example, value).to.equal(value);
    }
    expect(() => buildNamingMap(parseHelpPage(withName('sample string 70')))).to.throw(NamingMapError, /"name" is row 7 of the table but its sample value "sample string 70" is numbered 70/);
  });

  it('calls its error NamingMapError and says which sample is missing, request or response', () => {
    const model = refreshTokenEndpoint();
    const noRequestJson = { ...model, request: { ...model.request, samples: model.request.samples.filter((s) => s.format !== 'json') } };
    const noRequestXml = { ...model, request: { ...model.request, samples: model.request.samples.filter((s) => s.format !== 'xml') } };
    expect(() => buildNamingMap(noRequestJson)).to.throw(NamingMapError, /^naming map: the doc has no JSON request sample$/);
    expect(() => buildNamingMap(noRequestXml)).to.throw(NamingMapError, /^naming map: the doc has no XML request sample$/);
    try {
      buildNamingMap(noRequestJson);
    } catch (error) {
      expect((error as Error).name).to.equal('NamingMapError');
    }
  });

  it('keeps a request member the XML sample does not show as JSON only', () => {
    const text = doc.replace('<GrantType>sample string 2</GrantType>', '<GrantType>sample string 9</GrantType>');
    const map = buildNamingMap(parseHelpPage(text));
    expect(map.request.members.find((m) => m.json === 'grant_type')).to.not.have.property('xml');
    expect(map.request.xmlOnly.map((m) => m.xml)).to.include('GrantType');
  });

  it('carries the login pages\' validation annotations (Data type) and integer members into the map', () => {
    const corp = buildNamingMap(docEndpoint(CORP_LOGIN_DOC));
    expect(corp.request.members.map((m) => [m.json, m.type, m.dataType])).to.deep.equal([['groupId', 'integer', undefined], ['username', 'string', 'EmailAddress'], ['password', 'string', 'Password']]);
    expect(corp.request.members[0]).to.not.have.property('dataType');
    const login = buildNamingMap(docEndpoint(LOGIN_DOC));
    expect(login.request.members.find((m) => m.json.toLowerCase() === 'password')).to.include({ dataType: 'Password' });
  });
});

describe('naming classification: values of the wrong type', () => {
  const map = namingMap();

  it('does not read a date inside an array as a /Date()/ or an RFC 1123 date', () => {
    const backing = { ...responseObject('backing-field'), '<name>k__BackingField': ['/Date(1736496819755-0300)/'] };
    expect(classifyJsonNaming(backing, map)).to.equal('backing-field');
    const issued = map.response.members.find((m) => m.member === 'issued')!.documented;
    const documented = { ...responseObject('documented'), [issued]: ['Fri, 10 Jan 2025 08:13:39 GMT'] };
    expect(classifyJsonNaming(documented, map)).to.equal('documented');
  });
});
