// Naming classification: each serializer's fingerprint is told apart, with a no-false-positive
// case for its nearest neighbour.

import { expect } from 'chai';
import { classifyJsonNaming, classifyXmlNaming, NAMING_ADVICE } from '../../../src/naming/classify.ts';
import { ordinalSort } from '../../../src/naming/namingMap.ts';
import { namingMap } from '../../../src/schemas/load.ts';
import { responseObject } from '../support/docSamples.ts';

describe('naming classification', () => {
  const map = namingMap();
  const sortedKeys = (body: Record<string, unknown>) => Object.fromEntries(ordinalSort(Object.keys(body)).map((k) => [k, body[k]]));

  it('recognises the doc sample (Json.NET backing fields in declaration order)', () => {
    expect(classifyJsonNaming(responseObject('backing-field'), map)).to.equal('backing-field');
  });
  it('recognises the documented names of a fixed class', () => {
    expect(classifyJsonNaming(responseObject('documented'), map)).to.equal('documented');
  });
  it('recognises DataContractJsonSerializer by sorted keys', () => {
    expect(classifyJsonNaming(sortedKeys(responseObject('backing-field')), map)).to.equal('datacontract-json');
  });
  it('recognises DataContractJsonSerializer by /Date()/ dates', () => {
    expect(classifyJsonNaming(responseObject('backing-field', { issued: '/Date(1736496819755-0300)/' }), map)).to.equal('datacontract-json');
  });
  it('recognises a raw OWIN token endpoint', () => {
    expect(classifyJsonNaming(responseObject('documented', { tokenType: 'bearer', expiresIn: 86399 }), map)).to.equal('owin');
    expect(classifyJsonNaming(responseObject('documented', { issued: 'Fri, 10 Jan 2025 08:13:39 GMT' }), map)).to.equal('owin');
  });
  it('does not call a documented response OWIN for token_type "bearer" with a string expires_in', () => {
    expect(classifyJsonNaming(responseObject('documented', { tokenType: 'bearer', expiresIn: '86399' }), map)).to.equal('documented');
  });
  it('recognises one response mixing both namings', () => {
    const body = responseObject('backing-field');
    delete body['<accessToken>k__BackingField'];
    expect(classifyJsonNaming({ access_token: 'x', ...body }, map)).to.equal('mixed');
  });
  it('says unknown when no member name is known', () => {
    expect(classifyJsonNaming({ foo: 1 }, map)).to.equal('unknown');
  });
  it('no false positive: one backing field, or backing fields both sorted and in declaration order, is Json.NET', () => {
    expect(classifyJsonNaming({ '<tokenType>k__BackingField': 'bearer' }, map)).to.equal('backing-field');
    expect(classifyJsonNaming({ '<accessToken>k__BackingField': 'a', '<tokenType>k__BackingField': 'b' }, map)).to.equal('backing-field');
    expect(classifyJsonNaming({ '<tokenType>k__BackingField': 'b', '<accessToken>k__BackingField': 'a' }, map)).to.equal('backing-field');
  });
  it('no false positive: OWIN needs "bearer" in lower case with a numeric expires_in, or an RFC 1123 date in a date member', () => {
    expect(classifyJsonNaming(responseObject('documented', { tokenType: 'Bearer', expiresIn: 86399 }), map)).to.equal('documented');
    expect(classifyJsonNaming(responseObject('documented', { name: 'Fri, 10 Jan 2025 08:13:39 GMT' }), map)).to.equal('documented');
  });
  it('says unknown for XML elements of no known naming', () => {
    expect(classifyXmlNaming(['foo', 'bar'], map)).to.equal('unknown');
  });
  it('classifies XML element names the same way', () => {
    const members = map.response.members;
    expect(classifyXmlNaming(members.map((m) => m.xmlBackingField), map)).to.equal('backing-field');
    expect(classifyXmlNaming(members.map((m) => m.xmlDocumented), map)).to.equal('documented');
    expect(classifyXmlNaming([members[0]!.xmlDocumented, members[1]!.xmlBackingField], map)).to.equal('mixed');
  });
  it('gives fix advice for every verdict but the documented one', () => {
    for (const [verdict, advice] of Object.entries(NAMING_ADVICE)) {
      expect(advice === '', verdict).to.equal(verdict === 'documented');
    }
  });
});
