// dates.format and xml.datacontract, finding by finding: each form of a bad date named in the
// message, each DataContract rule (root, namespace, ordinal order, omitted member, i:nil, the
// declaration's encoding) failed alone with its exact Received / Expected, and the exchanges the
// checks leave alone, so a dropped rule or a changed message shows here.

import { expect } from 'chai';
import { namingMap } from '../../../src/schemas/load.ts';
import { responseObject, responseXml } from '../support/docSamples.ts';
import { exchange } from './fixtures.ts';
import { failed, onGenericEndpoint, outcomes } from './expectedOutcomes.ts';

const ISO = '2025-01-10T05:13:39.7555575-03:00';
const NS = namingMap().response.xmlNamespace;
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const json = (dates: Record<string, unknown>) => JSON.stringify({ ...responseObject('backing-field', { issued: ISO, expires: ISO }), ...dates });

describe('dates.format, finding by finding', () => {
  const EXPECTED = '.NET ISO 8601 date with offset, e.g. "2025-01-10T05:13:39.7555575-03:00" or "...Z"';
  const dates = (issued: unknown, expires: unknown = ISO) => outcomes('dates.format', exchange({ body: json({ '<issued>k__BackingField': issued, '<expires>k__BackingField': expires }) }));
  it('passes dates with an offset or Z, counted', () => {
    expect(dates(ISO, '2025-01-10T08:13:39Z')).to.deep.equal([{ status: 'pass', title: '2 date(s) in ISO form with offset', message: '' }]);
  });
  it('names a value that is no string as JSON', () => {
    expect(dates(5, null)).to.deep.equal(failed('2 date(s) not in ISO form with offset', '<issued>k__BackingField = 5; <expires>k__BackingField = null', EXPECTED));
  });
  it('names the form of a bad date: DataContractJsonSerializer, RFC 1123, no offset, not a date', () => {
    expect(dates('/Date(1736496819755-0300)/', 'Fri, 10 Jan 2025 08:13:39 GMT')).to.deep.equal(failed('2 date(s) not in ISO form with offset',
      '<issued>k__BackingField = "/Date(1736496819755-0300)/" (DataContractJsonSerializer form); <expires>k__BackingField = "Fri, 10 Jan 2025 08:13:39 GMT" (RFC 1123 form)', EXPECTED));
    expect(dates('2025-01-10T05:13:39.7555575', 'Mon +03:00')).to.deep.equal(failed('2 date(s) not in ISO form with offset',
      '<issued>k__BackingField = "2025-01-10T05:13:39.7555575" (no offset: unspecified kind); <expires>k__BackingField = "Mon +03:00" (not a .NET date)', EXPECTED));
    expect(dates('a/Date(1)/ GMT+01:00')).to.deep.equal(failed('1 date(s) not in ISO form with offset', '<issued>k__BackingField = "a/Date(1)/ GMT+01:00" (not a .NET date)', EXPECTED));
  });
  it('fails a date in an array, shown as JSON, and quotes a long bad date cut short', () => {
    expect(dates(['2025-01-10T08:13:39Z'])).to.deep.equal(failed('1 date(s) not in ISO form with offset', '<issued>k__BackingField = ["2025-01-10T08:13:39Z"]', EXPECTED));
    const long = `2025-01-10T08:13:39Z ${'x'.repeat(150)}`;
    expect(dates(long)).to.deep.equal(failed('1 date(s) not in ISO form with offset', `<issued>k__BackingField = "${long.slice(0, 116)}... (not a .NET date)`, EXPECTED));
  });
  it('reads XML dates in the documented naming by their element name', () => {
    const xml = responseXml('documented', { issued: '2025-01-10T08:13:39Z', expires: '2025-01-10T05:13:39' });
    expect(outcomes('dates.format', exchange({ mediaType: 'application/xml', body: xml }))).to.deep.equal(failed('1 date(s) not in ISO form with offset',
      '_x002E_expires = "2025-01-10T05:13:39" (no offset: unspecified kind)', EXPECTED));
  });
  it('leaves alone an error status, no response, a generic endpoint, a JSON array, a broken body and a body without dates', () => {
    const bad = { '<issued>k__BackingField': 'yesterday' };
    expect(outcomes('dates.format', exchange({ status: 400, body: json(bad) }))).to.deep.equal([]);
    expect(outcomes('dates.format', exchange({ noResponse: 'timeout' }))).to.deep.equal([]);
    expect(outcomes('dates.format', onGenericEndpoint(exchange({ body: json(bad) })))).to.deep.equal([]);
    expect(outcomes('dates.format', exchange({ body: `[${json(bad)}]` }))).to.deep.equal([]);
    expect(outcomes('dates.format', exchange({ mediaType: 'application/xml', body: '<a>' }))).to.deep.equal([]);
    expect(outcomes('dates.format', exchange({ body: '{"Message":"x"}' }))).to.deep.equal([]);
  });
});

describe('xml.datacontract, finding by finding', () => {
  const xml = (body: string, headers?: Record<string, string>) => outcomes('xml.datacontract', exchange({ mediaType: 'application/xml', body, ...(headers ? { headers } : {}) }));
  const PASS = [{ status: 'pass', title: 'DataContract XML: namespace, ordinal order, i:nil', message: '' }];
  const good = responseXml('backing-field');
  const withNil = (element: string) => responseXml('documented', { refreshToken: null }).replace('<refresh_token i:nil="true" />', element);

  it('fails a body that is no XML document, saying what it is and its Content-Type', () => {
    const expected = 'a DataContract XML TokenResponse (application/xml)';
    expect(xml('{"a":1}', { 'content-type': 'application/json; charset=utf-8' })).to.deep.equal(failed('no DataContract XML for an XML request', 'a json body (Content-Type application/json; charset=utf-8)', expected));
    expect(xml('  ')).to.deep.equal(failed('no DataContract XML for an XML request', 'an empty body (Content-Type application/xml; charset=utf-8)', expected));
    expect(xml('<!DOCTYPE a><a/>')).to.deep.equal(failed('no DataContract XML for an XML request', 'the XML carries a DOCTYPE or entity declaration (Content-Type application/xml; charset=utf-8)', expected));
    const e = exchange({ mediaType: 'text/xml', body: '{}' });
    const noHeader = { ...e, response: { ...e.response!, headers: {} } };
    expect(outcomes('xml.datacontract', noHeader)).to.deep.equal(failed('no DataContract XML for an XML request', 'a json body (Content-Type none)', 'a DataContract XML TokenResponse (text/xml)'));
  });
  it('fails a wrong root element', () => {
    const renamed = good.replace(/^<TokenResponse/, '<Token').replace(/<\/TokenResponse>$/, '</Token>');
    expect(xml(renamed)).to.deep.equal(failed('wrong root element or namespace', `{${NS}}Token`, `{${NS}}TokenResponse`));
  });
  it('fails a member in another namespace, naming it', () => {
    const stray = good.replace('<_x003C_accessToken_x003E_k__BackingField>', '<_x003C_accessToken_x003E_k__BackingField xmlns="urn:other">');
    expect(xml(stray)).to.deep.equal(failed('members outside the DTO namespace', '{urn:other}_x003C_accessToken_x003E_k__BackingField', `every member in ${NS}`));
    const two = stray.replace('<_x003C_tokenType_x003E_k__BackingField>', '<_x003C_tokenType_x003E_k__BackingField xmlns="">');
    expect(xml(two)).to.deep.equal(failed('members outside the DTO namespace', '{urn:other}_x003C_accessToken_x003E_k__BackingField, {}_x003C_tokenType_x003E_k__BackingField', `every member in ${NS}`));
  });
  it('fails members out of ordinal order at the first position that differs, counted from 1', () => {
    expect(xml(responseXml('documented', {}, [], (n) => [...n].reverse()))).to.deep.equal(failed('members not in ordinal order', '_x002E_expires at position 1', 'ADUser at position 1 (ordinal order of the element names)'));
    const swapped = (n: string[]) => { const s = [...n].sort(); [s[2], s[3]] = [s[3]!, s[2]!]; return s; };
    const [outcome] = xml(responseXml('documented', {}, [], swapped));
    expect(outcome!.message).to.match(/ at position 3 \/ Expected: .+ at position 3 \(ordinal order of the element names\)$/);
  });
  it('fails omitted members in the naming the body uses', () => {
    const omitted = 'every member present; a null one as <... i:nil="true"/>';
    expect(xml(responseXml('documented', {}, ['refreshToken', 'userName']))).to.deep.equal(failed('2 member(s) omitted', 'no element refresh_token, username', omitted));
    expect(xml(responseXml('backing-field', {}, ['refreshToken']))).to.deep.equal(failed('1 member(s) omitted', 'no element _x003C_refreshToken_x003E_k__BackingField', omitted));
  });
  it('fails an i:nil element with text or children, or a nil prefix bound elsewhere', () => {
    const malformed = failed('malformed i:nil', 'refresh_token', `an empty element with i:nil="true", i bound to ${XSI}`);
    expect(xml(withNil('<refresh_token i:nil="true">x</refresh_token>'))).to.deep.equal(malformed);
    expect(xml(withNil('<refresh_token i:nil="true"><b/></refresh_token>'))).to.deep.equal(malformed);
    expect(xml(withNil('<refresh_token xmlns:q="urn:not-xsi" q:nil="true" />'))).to.deep.equal(malformed);
    const two = withNil('<refresh_token i:nil="true">x</refresh_token>').replace('<username>', '<username i:nil="true">');
    expect(xml(two)).to.deep.equal(failed('malformed i:nil', 'refresh_token, username', `an empty element with i:nil="true", i bound to ${XSI}`));
  });
  it('no false positive: i:nil on an empty element, bound on the root or the element, i:nil="false" with text, white space inside', () => {
    expect(xml(withNil('<refresh_token i:nil="true" />'))).to.deep.equal(PASS);
    expect(xml(withNil('<refresh_token i:nil="true">  </refresh_token>'))).to.deep.equal(PASS);
    expect(xml(withNil(`<refresh_token xmlns:q="${XSI}" q:nil="true" />`))).to.deep.equal(PASS);
    expect(xml(withNil('<refresh_token i:nil="false">v</refresh_token>'))).to.deep.equal(PASS);
    expect(xml(withNil('<refresh_token nil="true">v</refresh_token>'))).to.deep.equal(PASS);
  });
  it('fails a declaration naming another encoding than the Content-Type\'s (utf-8 when it names none)', () => {
    expect(xml(`<?xml version="1.0" encoding="utf-16"?>${good}`)).to.deep.equal(failed('XML declaration names the wrong encoding', '<?xml version="1.0" encoding="utf-16"?>',
      'no XML declaration (DataContractSerializer writes none), or one naming utf-8'));
    expect(xml(`<?xml version="1.0" encoding="utf-16"?>${good}`, { 'content-type': 'application/xml' })[0]).to.include({ title: 'XML declaration names the wrong encoding' });
    expect(xml(`<?xml version="1.0" encoding = "utf-16"?>${good}`)[0]).to.include({ title: 'XML declaration names the wrong encoding' });
    expect(xml(`<?xml version="1.0" encoding="utf-8"?>${good}`, { 'content-type': 'application/xml; charset=utf-16' })[0]!.message).to.match(/or one naming utf-16$/);
  });
  it('no false positive: members in no known naming are body.schema\'s finding, not omitted members', () => {
    expect(xml(`<TokenResponse xmlns="${NS}"><productLine>C5</productLine></TokenResponse>`)).to.deep.equal(PASS);
  });
  it('no false positive: a matching declaration in any case, spacing and quoting, or one without an encoding', () => {
    expect(xml(`<?xml version="1.0" encoding = 'UTF-16'?>${good}`, { 'content-type': 'application/xml; charset = "utf-16"' })).to.deep.equal(PASS);
    expect(xml(`<?xml version="1.0" encoding="utf-16"?>${good}`, { 'content-type': 'application/xml; charset=utf-16' })).to.deep.equal(PASS);
    expect(xml(`<?xml version="1.0" encoding="utf-8"?>${good}`, { 'content-type': 'application/xml' })).to.deep.equal(PASS);
    expect(xml(`<?xml version="1.0"?>${good}`, { 'content-type': 'application/xml; charset=utf-16' })).to.deep.equal(PASS);
  });
  it('leaves alone an error status, a JSON request, a generic endpoint and no response', () => {
    expect(outcomes('xml.datacontract', exchange({ mediaType: 'application/xml', status: 400, body: '<Error/>' }))).to.deep.equal([]);
    expect(outcomes('xml.datacontract', exchange({ body: '{}' }))).to.deep.equal([]);
    expect(outcomes('xml.datacontract', onGenericEndpoint(exchange({ mediaType: 'application/xml', body: '<a/>' })))).to.deep.equal([]);
    expect(outcomes('xml.datacontract', exchange({ mediaType: 'application/xml', noResponse: 'timeout' }))).to.deep.equal([]);
  });
});
