// How a response body is read for every check (format, naming, token members) and which charset
// a request negotiates, case by case with the exact result, so a parsing branch, a sniffing rule
// or a negotiation rule that breaks shows here, not as a silent pass in a live run.

import { expect } from 'chai';
import { bodyKind, jsonObject, namingFamily, parseBody, schemaNaming, tokenNaming } from '../../../src/checks/body.ts';
import { mediaTypeEssence } from '../../../src/http/mediaType.ts';
import { isObject } from '../../../src/json/object.ts';
import { negotiatedCharset } from '../../../src/checks/contentType.ts';
import { checkById } from '../../../src/checks/registry.ts';
import { textField, tokenFields } from '../../../src/checks/tokenFields.ts';
import type { RecordedResponse } from '../../../src/findings/types.ts';
import { namingMap } from '../../../src/schemas/load.ts';
import { responseObject, responseXml } from '../support/docSamples.ts';
import { context, exchange } from './fixtures.ts';

const response = (body: string, contentType?: string, status = 200): RecordedResponse =>
  ({ status, headers: contentType === undefined ? {} : { 'content-type': contentType }, body, truncated: false, elapsedMs: 1 });
const wire = namingMap();

describe('reading a response body', () => {
  it('takes the media type essence trimmed and lower-cased, empty when there is none', () => {
    expect(mediaTypeEssence(' Application/JSON ; charset=utf-8')).to.equal('application/json');
    expect(mediaTypeEssence(undefined)).to.equal('');
  });
  it('parses a response once, however many checks ask', () => {
    const r = response('{"a":1}', 'application/json');
    expect(parseBody(r)).to.equal(parseBody(r));
  });
  it('believes the Content-Type over the first character', () => {
    expect(parseBody(response('"text"', 'application/json; charset=utf-8'))).to.deep.equal({ format: 'json', value: 'text' });
    expect(parseBody(response('{"a":1}', 'text/plain'))).to.deep.equal({ format: 'json', value: { a: 1 } });
    const xmlClaimed = parseBody(response('not xml', 'text/xml'));
    expect(xmlClaimed).to.include({ format: 'invalid', claimed: 'xml' });
    expect((xmlClaimed as { reason: string }).reason).to.match(/^malformed XML \(.+\)$/);
  });
  it('without a JSON or XML Content-Type, sniffs the first character past white space and a byte order mark', () => {
    expect(parseBody(response('  [1]', 'text/plain'))).to.deep.equal({ format: 'json', value: [1] });
    expect(parseBody(response('\uFEFF {"a":1}', undefined))).to.deep.equal({ format: 'json', value: { a: 1 } });
    expect(parseBody(response('\uFEFF<a>x</a>', 'text/plain'))).to.include({ format: 'xml' });
    expect(parseBody(response('hello <a/>', 'text/plain'))).to.deep.equal({ format: 'invalid', claimed: 'other', reason: 'a body that is neither JSON nor XML (Content-Type text/plain)' });
    expect(parseBody(response('hello', undefined))).to.deep.equal({ format: 'invalid', claimed: 'other', reason: 'a body that is neither JSON nor XML (Content-Type none)' });
  });
  it('reads a body of white space as empty, and drops only a leading byte order mark from JSON', () => {
    expect(parseBody(response(' \r\n ', 'application/json'))).to.deep.equal({ format: 'empty' });
    expect(parseBody(response('\uFEFF{"a":"\uFEFF"}', 'application/json'))).to.deep.equal({ format: 'json', value: { a: '\uFEFF' } });
    expect(parseBody(response('{"a":"\uFEFF"}', 'application/json'))).to.deep.equal({ format: 'json', value: { a: '\uFEFF' } });
  });
  it('refuses XML with a DOCTYPE, with a character XML forbids, and XML that is not well-formed, saying which', () => {
    expect(parseBody(response('<!DOCTYPE a><a/>', 'application/xml'))).to.deep.equal({ format: 'invalid', claimed: 'xml', reason: 'the XML carries a DOCTYPE or entity declaration' });
    expect(parseBody(response('<a>\u0001</a>', 'application/xml'))).to.deep.equal({ format: 'invalid', claimed: 'xml', reason: 'malformed XML (U+0001 is not allowed in XML 1.0)' });
    expect(parseBody(response('<a>\uFFFE</a>', 'application/xml'))).to.deep.equal({ format: 'invalid', claimed: 'xml', reason: 'malformed XML (U+FFFE is not allowed in XML 1.0)' });
    const broken = parseBody(response('<a><b></a>', 'application/xml'));
    expect(broken).to.include({ format: 'invalid', claimed: 'xml' });
    expect((broken as { reason: string }).reason).to.match(/^malformed XML \(.+\)$/);
  });
  it('tells an object from null, an array and a string', () => {
    expect([isObject({}), isObject(null), isObject([]), isObject('{}')]).to.deep.equal([true, false, false, false]);
  });
  it('gives the JSON object of a body, nothing for an array, a string, XML or a broken body', () => {
    expect(jsonObject(parseBody(response('{"a":1}', 'application/json')))).to.deep.equal({ a: 1 });
    expect(['[]', '"a"', 'null', '{'].map((body) => jsonObject(parseBody(response(body, 'application/json'))))).to.deep.equal([undefined, undefined, undefined, undefined]);
    expect(jsonObject(parseBody(response('<a/>', 'application/xml')))).to.equal(undefined);
  });
  it('names the kind of body a status calls for', () => {
    expect([bodyKind(response('', undefined, 200)), bodyKind(response('', undefined, 302)), bodyKind(response('', undefined, 400)), bodyKind(response('', undefined, 500))])
      .to.deep.equal(['response', undefined, 'error', 'error']);
  });
});

describe('the naming of a token body', () => {
  const json = (naming: 'backing-field' | 'documented') => parseBody(response(JSON.stringify(responseObject(naming)), 'application/json'));
  it('classifies JSON objects and XML documents, nothing else', () => {
    expect(tokenNaming(json('documented'), wire)).to.equal('documented');
    expect(tokenNaming(parseBody(response(responseXml('backing-field'), 'application/xml')), wire)).to.equal('backing-field');
    expect(tokenNaming(parseBody(response('[{"access_token":"a"}]', 'application/json')), wire)).to.equal(undefined);
    expect(tokenNaming(parseBody(response('<a>', 'application/xml')), wire)).to.equal(undefined);
    expect(tokenNaming(json('documented'), undefined)).to.equal(undefined);
  });
  it('puts the variants in their family', () => {
    expect(['backing-field', 'datacontract-json', 'documented', 'owin', 'mixed', 'unknown', undefined].map((v) => namingFamily(v as never)))
      .to.deep.equal(['backing-field', 'backing-field', 'documented', 'documented', undefined, undefined, undefined]);
  });
  it('validates against the body\'s own naming, else the configured one, else backing-field', () => {
    const invalid = parseBody(response('<a>', 'application/xml'));
    expect(schemaNaming(json('documented'), 'backing-field', wire)).to.equal('documented');
    expect(schemaNaming(invalid, 'documented', wire)).to.equal('documented');
    expect(schemaNaming(invalid, 'backing-field', wire)).to.equal('backing-field');
    expect(schemaNaming(invalid, 'auto', wire)).to.equal('backing-field');
  });
});

describe('token members by their documented name', () => {
  it('reads JSON in either naming, the backing field first when a body carries both', () => {
    const fields = tokenFields(parseBody(response(JSON.stringify({ '<accessToken>k__BackingField': 'first', access_token: 'second', token_type: 'bearer' }), 'application/json')), wire)!;
    expect([...fields]).to.deep.equal([['access_token', 'first'], ['token_type', 'bearer']]);
  });
  it('reads XML in either naming, i:nil as null, an absent member not at all', () => {
    const documented = tokenFields(parseBody(response(responseXml('documented', { refreshToken: null }, ['userName']), 'application/xml')), wire)!;
    expect(documented.get('access_token')).to.equal(responseObject('documented').access_token);
    expect(documented.get('refresh_token')).to.equal(null);
    expect(documented.has('username')).to.equal(false);
    expect(documented.size).to.equal(wire.response.members.length - 1);
  });
  it('reads i:nil="false" and an unrelated attribute as the text', () => {
    const ns = wire.response.xmlNamespace;
    const xml = `<TokenResponse xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="${ns}"><access_token i:nil="false">a</access_token><token_type nil="true" mark="true">b</token_type></TokenResponse>`;
    expect([...tokenFields(parseBody(response(xml, 'application/xml')), wire)!]).to.deep.equal([['access_token', 'a'], ['token_type', 'b']]);
  });
  it('has no members for a JSON array, a broken body, or an endpoint without a token', () => {
    expect(tokenFields(parseBody(response('[]', 'application/json')), wire)).to.equal(undefined);
    expect(tokenFields(parseBody(response('{', 'application/json')), wire)).to.equal(undefined);
    expect(tokenFields(parseBody(response('{"access_token":"a"}', 'application/json')), undefined)).to.equal(undefined);
  });
  it('gives a member\'s text only when it is a non-empty string', () => {
    const fields = new Map<string, unknown>([['a', 'x'], ['b', ''], ['c', 5], ['d', null]]);
    expect(['a', 'b', 'c', 'd', 'e'].map((k) => textField(fields, k))).to.deep.equal(['x', undefined, undefined, undefined, undefined]);
  });
});

describe('the negotiated charset', () => {
  const request = (headers: Record<string, string>) => ({ method: 'POST', path: 'p', headers, body: '' });
  it('takes Accept-Charset by weight, ties in header order, q=0 refused, * as utf-8', () => {
    expect(negotiatedCharset(request({ 'accept-charset': 'utf-16;q=0.5, utf-8;q=0.9' }))).to.deep.equal({ charset: 'utf-8', because: 'Accept-Charset: utf-16;q=0.5, utf-8;q=0.9' });
    expect(negotiatedCharset(request({ 'accept-charset': 'utf-16, utf-8' })).charset).to.equal('utf-16');
    expect(negotiatedCharset(request({ 'accept-charset': 'utf-8;q=0, utf-16;q=0.1' })).charset).to.equal('utf-16');
    expect(negotiatedCharset(request({ 'accept-charset': 'utf-8; Q = 0, UTF-16' })).charset).to.equal('utf-16');
    expect(negotiatedCharset(request({ 'accept-charset': 'utf-16;xq=0, utf-8;q=0.5' })).charset).to.equal('utf-16');
    expect(negotiatedCharset(request({ 'accept-charset': 'utf-16;q=0' }))).to.deep.equal({ charset: 'utf-8', because: 'no supported charset in Accept-Charset: utf-16;q=0' });
    expect(negotiatedCharset(request({ 'accept-charset': '*', 'content-type': 'application/json; charset=utf-16' }))).to.deep.equal({ charset: 'utf-8', because: 'Accept-Charset: *' });
  });
  it('else the request body\'s supported charset, else utf-8, saying why', () => {
    expect(negotiatedCharset(request({ 'content-type': 'application/json; charset=utf-16' }))).to.deep.equal({ charset: 'utf-16', because: 'the request body\'s charset=utf-16' });
    expect(negotiatedCharset(request({ 'content-type': 'application/json; charset=iso-8859-1' }))).to.deep.equal({ charset: 'utf-8', because: 'no Accept-Charset, no supported request charset' });
    expect(negotiatedCharset(request({ 'accept-charset': 'iso-8859-1' }))).to.deep.equal({ charset: 'utf-8', because: 'no supported charset in Accept-Charset: iso-8859-1' });
  });
});

describe('content-type.negotiated, message by message', () => {
  const run = (e: ReturnType<typeof exchange>) => checkById('content-type.negotiated').run(e, context());
  const withHeaders = (headers: Record<string, string>, e = exchange({ body: '{}' })) => ({ ...e, response: { ...e.response!, headers } });
  it('passes with the header as its title', () => {
    expect(run(exchange({ body: '{}' }))).to.deep.equal([{ status: 'pass', title: 'Content-Type application/json; charset=utf-8', message: '' }]);
  });
  it('fails a missing Content-Type, another media type, another or no charset', () => {
    expect(run(withHeaders({}))).to.deep.equal([{ status: 'fail', title: 'no Content-Type', message: 'Received: no Content-Type header / Expected: application/json; charset=utf-8' }]);
    expect(run(withHeaders({ 'content-type': 'text/json; charset=utf-8' }))).to.deep.equal([
      { status: 'fail', title: 'text/json instead of application/json', message: 'Received: Content-Type text/json; charset=utf-8 / Expected: application/json; charset=utf-8 (the Accept media type)' },
    ]);
    expect(run(withHeaders({ 'content-type': 'application/json; charset=utf-16' }))).to.deep.equal([
      { status: 'fail', title: 'charset=utf-16 instead of utf-8', message: 'Received: Content-Type application/json; charset=utf-16 / Expected: application/json; charset=utf-8 (no Accept-Charset, no supported request charset)' },
    ]);
    expect(run(withHeaders({ 'content-type': 'application/json' }))).to.deep.equal([
      { status: 'fail', title: 'no charset, expected utf-8', message: 'Received: Content-Type application/json / Expected: application/json; charset=utf-8 (no Accept-Charset, no supported request charset)' },
    ]);
  });
  it('passes utf-16 in either byte order where utf-16 was negotiated', () => {
    const utf16 = exchange({ mediaType: 'application/xml', body: '<a/>', requestHeaders: { 'accept-charset': 'utf-16' }, headers: { 'content-type': 'application/xml; charset=utf-16le' } });
    expect(run(utf16).map((o) => o.status)).to.deep.equal(['pass']);
  });
  it('leaves alone no response, an empty body and a media type that is neither JSON nor XML', () => {
    expect(run(exchange({ noResponse: 'timeout' }))).to.deep.equal([]);
    expect(run(exchange({ status: 401, body: '', headers: { 'content-type': 'text/html' } }))).to.deep.equal([]);
    expect(run(exchange({ mediaType: 'text/html', body: '<html/>', headers: { 'content-type': 'application/json' } }))).to.deep.equal([]);
    expect(run(exchange({ mediaType: 'text/xml', body: '<a/>', headers: { 'content-type': 'text/xml' } }))[0]).to.include({ status: 'fail', title: 'no charset, expected utf-8' });
  });
});
