// Every check offline: a good exchange passes, a bad one fails with Received/Expected, and a
// named neighbour that looks bad but is not does not fail ("no false positive").

import { expect } from 'chai';
import type { Check } from '../../../src/checks/check.ts';
import { CHECKS, INFO_ONLY_CHECKS, checkById } from '../../../src/checks/registry.ts';
import { evaluateProbe, judges } from '../../../src/checks/evaluate.ts';
import { namingReport } from '../../../src/checks/naming.ts';
import type { ProbeExchange } from '../../../src/checks/exchange.ts';
import type { Outcome } from '../../../src/checks/outcome.ts';
import { targetStopped } from '../../../src/checks/robustness.ts';
import { CHECK_IDS } from '../../../src/reference/faults.ts';
import { responseObject, responseXml } from '../support/docSamples.ts';
import { context, exchange } from './fixtures.ts';
import { loadDocPath } from '../../../src/doc/docSet.ts';
import { testedEndpoints } from '../../../src/endpoints/testedEndpoint.ts';
import { requestShape } from '../../../src/endpoints/requestShape.ts';
import { REFERENCE_DOC_FILES } from '../../../src/reference/index.ts';

const ISO = '2025-01-10T05:13:39.7555575-03:00';
const jsonToken = (overrides = {}, naming: 'backing-field' | 'documented' = 'backing-field') => JSON.stringify(responseObject(naming, { issued: ISO, expires: ISO, ...overrides }));
const xmlToken = (...args: Parameters<typeof responseXml>) => responseXml(...args);

/** As the evaluator asks a check: only about the exchange roles it judges. */
function run(id: string, e: ProbeExchange, ctx = context()): Outcome[] {
  const check = checkById(id);
  return judges(check, e.role) ? check.run(e, ctx) : [];
}
function statuses(id: string, e: ProbeExchange, ctx = context()): string[] {
  return run(id, e, ctx).map((o) => o.status);
}
function failure(id: string, e: ProbeExchange, ctx = context()): string {
  const failed = run(id, e, ctx).filter((o) => o.status === 'fail');
  expect(failed, `${id} should fail`).to.have.length.greaterThan(0);
  expect(failed[0]!.message).to.match(/Received: .+ \/ Expected: .+/);
  return failed.map((f) => f.message).join(' | ');
}

describe('check registry', () => {
  it('has unique ids, a rule and a level for every check', () => {
    expect(new Set(CHECKS.map((c) => c.id)).size).to.equal(CHECKS.length);
    for (const c of CHECKS) expect(c.rule.length, c.id).to.be.greaterThan(5);
  });
  it('registers every check id the reference provider\'s faults name, plus the info-only ones', () => {
    expect(CHECKS.map((c: Check) => c.id).sort()).to.deep.equal([...CHECK_IDS, ...INFO_ONLY_CHECKS].sort());
  });
});

describe('checks', () => {
  describe('status.documented', () => {
    it('passes the documented status and fails another', () => {
      expect(statuses('status.documented', exchange({ status: 200, body: jsonToken() }))).to.deep.equal(['pass']);
      expect(failure('status.documented', exchange({ status: 401, expectStatus: 200, body: '{"Message":"x"}' }))).to.equal('Received: status 401 / Expected: status 200');
    });
    it('no false positive: does not judge hostile probes (any 4xx is fine there)', () => {
      expect(run('status.documented', exchange({ role: 'hostile', status: 413 }))).to.deep.equal([]);
    });
  });

  describe('content-type.negotiated', () => {
    it('passes text/json echoed with a charset', () => {
      expect(statuses('content-type.negotiated', exchange({ mediaType: 'text/json', body: jsonToken() }))).to.deep.equal(['pass']);
    });
    it('fails text/json answered as application/json, and a missing charset', () => {
      expect(failure('content-type.negotiated', exchange({ mediaType: 'text/json', body: '{}', headers: { 'content-type': 'application/json; charset=utf-8' } }))).to.contain('Expected: text/json; charset=utf-8');
      expect(failure('content-type.negotiated', exchange({ body: '{}', headers: { 'content-type': 'application/json' } }))).to.contain('Received: Content-Type application/json');
    });
    it('no false positive: a quoted, upper-case charset is still utf-8', () => {
      expect(statuses('content-type.negotiated', exchange({ body: '{}', headers: { 'content-type': 'application/json; charset="UTF-8"' } }))).to.deep.equal(['pass']);
    });
    it('expects the charset the request negotiated: Accept-Charset by q, else the request body\'s, else utf-8', () => {
      const utf16 = { 'content-type': 'application/xml; charset=utf-16' };
      expect(statuses('content-type.negotiated', exchange({ mediaType: 'application/xml', body: '<x/>', headers: utf16, requestHeaders: { 'accept-charset': 'utf-16' } }))).to.deep.equal(['pass']);
      expect(statuses('content-type.negotiated', exchange({ mediaType: 'application/xml', body: '<x/>', headers: utf16, requestHeaders: { 'accept-charset': 'iso-8859-1, utf-16;q=0.8, utf-8;q=0.5' } }))).to.deep.equal(['pass']);
      expect(statuses('content-type.negotiated', exchange({ mediaType: 'application/xml', body: '<x/>', headers: utf16, requestHeaders: { 'content-type': 'application/xml; charset=utf-16' } }))).to.deep.equal(['pass']);
      expect(statuses('content-type.negotiated', exchange({ body: '{}', requestHeaders: { 'accept-charset': 'iso-8859-1' } }))).to.deep.equal(['pass']);
    });
    it('fails utf-8 for a request that negotiated utf-16, and utf-16 for one that did not', () => {
      expect(failure('content-type.negotiated', exchange({ body: '{}', requestHeaders: { 'accept-charset': 'utf-16' } }))).to.equal('Received: Content-Type application/json; charset=utf-8 / Expected: application/json; charset=utf-16 (Accept-Charset: utf-16)');
      expect(failure('content-type.negotiated', exchange({ body: '{}', requestHeaders: { 'content-type': 'application/json; charset=utf-16' } }))).to.contain('(the request body\'s charset=utf-16)');
      expect(failure('content-type.negotiated', exchange({ body: '{}', headers: { 'content-type': 'application/json; charset=utf-16' }, requestHeaders: { 'accept-charset': 'utf-8;q=0.9, utf-16;q=0.1' } }))).to.contain('Expected: application/json; charset=utf-8');
    });
  });

  describe('body.charset', () => {
    it('passes a body that decoded in its charset, utf-16 included', () => {
      expect(statuses('body.charset', exchange({ body: '{}', charset: 'utf-16' }))).to.deep.equal(['pass']);
    });
    it('fails bytes that are not valid in the declared charset', () => {
      expect(failure('body.charset', exchange({ body: '{"name":"Jo\uFFFDo"}', undecodable: 'bytes that are not valid utf-8 (near byte 9: 6f e3 6f 22)' })))
        .to.equal('Received: bytes that are not valid utf-8 (near byte 9: 6f e3 6f 22) / Expected: text in utf-8, the charset the Content-Type names (with none named: its byte order mark\'s, else utf-8)');
      expect(failure('body.charset', exchange({ status: 401, body: '', charset: 'utf-16', undecodable: 'an odd number of bytes' }))).to.contain('Expected: text in utf-16');
    });
    it('no false positive: a body cut at the cap may end inside a character (body.schema reports the cut), and an empty body', () => {
      expect(run('body.charset', exchange({ body: '{"a', undecodable: 'the body ends inside a character', truncated: true }))).to.deep.equal([]);
      expect(run('body.charset', exchange({ status: 401, body: '' }))).to.deep.equal([]);
    });
  });

  describe('body.schema on a generic endpoint (the page\'s own schema, no naming, no token checks)', () => {
    const page = loadDocPath(REFERENCE_DOC_FILES.find((f) => f.includes('TablesManagement'))!);
    const [generic] = testedEndpoints(page.endpoints);
    const valid = requestShape(generic!)!.sample.json!;
    const onGeneric = (body: unknown) => ({ ...exchange({ body: JSON.stringify(body) }), endpoint: generic! });
    it('passes a body valid against the page\'s response schema and fails one with a member renamed, naming it', () => {
      expect(generic!.role).to.equal('generic');
      expect(statuses('body.schema', onGeneric(valid))).to.deep.equal(['pass']);
      const { model_code: code, ...rest } = valid;
      expect(failure('body.schema', onGeneric({ Model_code: code, ...rest }))).to.match(/model_code .*Received: no such member/);
    });
    it('no false positive: a token body\'s naming and token checks do not apply to it', () => {
      expect(statuses('naming.consistent', onGeneric(valid))).to.deep.equal([]);
      expect(statuses('xml.datacontract', onGeneric(valid))).to.deep.equal([]);
    });
  });

  describe('body.schema', () => {
    it('passes the doc sample and fails a wrong type naming the field', () => {
      expect(statuses('body.schema', exchange({ body: jsonToken() }))).to.deep.equal(['pass']);
      expect(failure('body.schema', exchange({ body: jsonToken({ id: '1' }) }))).to.contain('<id>k__BackingField');
    });
    it('fails a truncated or malformed body, and reports XSD problems of XML bodies', () => {
      expect(failure('body.schema', exchange({ body: jsonToken().slice(0, 40) }))).to.contain('malformed JSON');
      const xsd = [{ field: 'x', path: '1:2', received: 'element x', expected: 'element y' }];
      expect(failure('body.schema', exchange({ mediaType: 'application/xml', body: xmlToken('backing-field') }), context({ xsd }))).to.contain('Received: element x / Expected: element y');
    });
    it('fails a body cut at the size cap, even one of whitespace, and one the target cut off, saying which', () => {
      const capped = exchange({ body: ' '.repeat(100) });
      capped.response!.truncated = true;
      expect(failure('body.schema', capped)).to.contain('Received: the body was cut at MAX_RESPONSE_BYTES');
      const cutOff = { ...exchange({ status: 400, body: '{"Message":"The requ' }), transportError: 'the target cut the response off' };
      expect(failure('body.schema', cutOff)).to.equal('Received: the target cut the response off / Expected: the complete error body');
    });
    it('no false positive: validates a documented body against the documented schema, and extra members are allowed', () => {
      expect(statuses('body.schema', exchange({ body: JSON.stringify({ ...JSON.parse(jsonToken({}, 'documented')), productLine: 'x' }) }))).to.deep.equal(['pass']);
    });
    it('says which schema judged the body: the naming\'s JSON Schema or XSD, or the error schema', () => {
      const titles = (e: ProbeExchange, ctx = context()) => run('body.schema', e, ctx).map((o) => `${o.status}: ${o.title}`);
      expect(titles(exchange({ body: jsonToken() }))).to.deep.equal(['pass: token response valid against the backing-field JSON Schema']);
      expect(titles(exchange({ body: jsonToken({}, 'documented') }))).to.deep.equal(['pass: token response valid against the documented JSON Schema']);
      expect(titles(exchange({ mediaType: 'application/xml', body: xmlToken('backing-field') }))).to.deep.equal(['pass: token response valid against the backing-field XSD']);
      expect(titles(exchange({ status: 400, body: '{"Message":"The request is invalid."}' }))).to.deep.equal(['pass: error body valid against the error JSON Schema']);
      expect(titles(exchange({ status: 400, body: '{"Message":1}' }))).to.deep.equal(['fail: error body invalid against the error JSON Schema: 1 problem(s)']);
      expect(titles(exchange({ status: 400, body: '{"Message":' }))).to.deep.equal(['fail: error body does not parse']);
      expect(titles({ ...exchange({ body: '{"a' }), transportError: 'reset' })).to.deep.equal(['fail: token response cut off by the target']);
    });
    it('fails an empty token response, but not an empty error body', () => {
      expect(run('body.schema', exchange({ body: '' }))).to.deep.equal([{ status: 'fail', title: 'empty token response', message: 'Received: an empty body / Expected: a TokenResponse' }]);
      expect(run('body.schema', exchange({ status: 400, body: '' }))).to.deep.equal([]);
    });
    it('shows the first five schema problems and counts the rest', () => {
      const problem = (n: number) => ({ field: `f${n}`, path: `1:${n}`, received: `r${n}`, expected: `e${n}` });
      const xml = (count: number) => run('body.schema', exchange({ mediaType: 'application/xml', body: xmlToken('backing-field') }), context({ xsd: Array.from({ length: count }, (_, i) => problem(i + 1)) }))[0]!;
      expect(xml(7).title).to.equal('token response invalid against the backing-field XSD: 7 problem(s)');
      expect(xml(7).message).to.match(/e5 \(\+2 more\)$/).and.not.contain('r6');
      expect(xml(5).message).to.match(/e5$/);
    });
    it('refuses to judge an XML body nobody validated, rather than passing it', () => {
      const ctx = { ...context(), xsdProblems: () => undefined };
      expect(() => run('body.schema', exchange({ mediaType: 'application/xml', body: xmlToken('backing-field') }), ctx)).to.throw(/was not validated/);
    });
    it('no false positive: says nothing about an exchange without a response', () => {
      expect(run('body.schema', exchange({ noResponse: 'connection refused' }))).to.deep.equal([]);
    });
  });

  describe('naming.consistent', () => {
    it('says that no token response was seen, and how to get one, when no refresh answered 200', () => {
      const report = namingReport([exchange({ status: 401, body: '{"Message":"no"}' })]);
      expect(report.verdict).to.equal('unknown');
      expect(report.advice).to.contain('No token response was seen').and.to.contain('LOGIN_COMPANY').and.to.contain('REFRESH_TOKEN');
      expect(report.advice).to.not.contain('none of the documented or backing-field names');
      expect(namingReport([exchange({ body: '{"foo":1}' })]).advice).to.contain('none of the documented or backing-field names');
    });
    it('passes one naming, fails a mixed body and a naming NAMING does not ask for', () => {
      expect(statuses('naming.consistent', exchange({ body: jsonToken() }))).to.deep.equal(['pass']);
      const mixed = { ...responseObject('backing-field'), access_token: 'x' };
      expect(failure('naming.consistent', exchange({ body: JSON.stringify(mixed) }))).to.contain('backing-field and documented names in one body');
      expect(failure('naming.consistent', exchange({ body: jsonToken() }), context({ naming: 'documented' }))).to.contain('Expected: documented names');
    });
    it('fails JSON and XML in different namings across the run, with advice for both formats', () => {
      const across = checkById('naming.consistent').acrossRun!([
        exchange({ body: jsonToken({}, 'documented') }),
        exchange({ mediaType: 'application/xml', body: xmlToken('backing-field') }),
      ], context());
      expect(across[0]!.status).to.equal('fail');
      expect(across[0]!.message).to.contain('json: documented, xml: backing-field');
    });
    it('no false positive: a /Date()/ date keeps the backing-field family (dates.format reports it)', () => {
      expect(statuses('naming.consistent', exchange({ body: jsonToken({ issued: '/Date(1736496819755-0300)/' }) }), context({ naming: 'backing-field' }))).to.deep.equal(['pass']);
    });
  });

  describe('dates.format', () => {
    it('passes ISO dates with an offset or Z, fails one without offset and the MS AJAX form', () => {
      expect(statuses('dates.format', exchange({ body: jsonToken({ issued: '2025-01-10T08:13:39Z' }) }))).to.deep.equal(['pass']);
      expect(failure('dates.format', exchange({ body: jsonToken({ issued: '2025-01-10T05:13:39.75' }) }))).to.contain('no offset');
      expect(failure('dates.format', exchange({ body: jsonToken({ expires: '/Date(1736496819755-0300)/' }) }))).to.contain('DataContractJsonSerializer form');
    });
    it('no false positive: seven fractional digits and a positive offset are fine in XML too', () => {
      expect(statuses('dates.format', exchange({ mediaType: 'text/xml', body: xmlToken('backing-field', { issued: '2025-01-10T05:13:39.1234567+05:30' }) }))).to.deep.equal(['pass']);
    });
  });

  describe('xml.datacontract', () => {
    it('passes DataContract XML and fails declaration order, omitted nulls and a wrong namespace', () => {
      expect(statuses('xml.datacontract', exchange({ mediaType: 'application/xml', body: xmlToken('backing-field', { ADUser: null }) }))).to.deep.equal(['pass']);
      expect(failure('xml.datacontract', exchange({ mediaType: 'application/xml', body: xmlToken('backing-field', {}, [], (n) => n.reverse()) }))).to.contain('ordinal order');
      expect(failure('xml.datacontract', exchange({ mediaType: 'application/xml', body: xmlToken('backing-field', {}, ['ADUser']) }))).to.contain('i:nil');
      expect(failure('xml.datacontract', exchange({ mediaType: 'application/xml', body: xmlToken('backing-field').replace('Kike.Security.Data.Dto', 'Kike.Security.Data') }))).to.contain('Kike.Security.Data}TokenResponse');
    });
    it('fails a UTF-16 declaration on a UTF-8 body and a JSON body for an XML request', () => {
      expect(failure('xml.datacontract', exchange({ mediaType: 'application/xml', body: `<?xml version="1.0" encoding="utf-16"?>${xmlToken('backing-field')}` }))).to.contain('encoding="utf-16"');
      expect(failure('xml.datacontract', exchange({ mediaType: 'text/xml', body: jsonToken(), headers: { 'content-type': 'application/json; charset=utf-8' } }))).to.contain('a json body');
    });
    it('no false positive: ADUser before accessToken is ordinal order (not a locale sort)', () => {
      const body = xmlToken('backing-field');
      expect(body.indexOf('ADUser')).to.be.below(body.indexOf('accessToken'));
      expect(statuses('xml.datacontract', exchange({ mediaType: 'application/xml', body: `<?xml version="1.0" encoding="utf-8"?>${body}` }))).to.deep.equal(['pass']);
    });
  });

  describe('input.member-types', () => {
    const groupIdAsString = { member: 'groupId', documented: 'integer', sent: 'string' };
    const variant = (status: number) => ({ ...exchange({ status, expectStatus: 401, body: '{"Message":"x"}' }), typeVariant: groupIdAsString });
    it('says a string is bound like the documented integer when it gets the same answer, and refused when it gets a 4xx', () => {
      const [same] = run('input.member-types', variant(401));
      expect(same).to.include({ status: 'info', title: 'groupId is accepted as a JSON string too' });
      const [refused] = run('input.member-types', variant(400));
      expect(refused).to.include({ status: 'info', title: 'groupId is taken only as the integer the page documents' });
      expect(refused!.message).to.contain('got 400 where the integer gets 401');
    });
    it('never fails, and says nothing of a probe that sends no type variant, a 500 or no answer', () => {
      expect(statuses('input.member-types', exchange({ status: 401, body: '{"Message":"x"}' }))).to.deep.equal([]);
      expect(statuses('input.member-types', variant(500))).to.deep.equal([]);
      expect(statuses('input.member-types', { ...exchange({ noResponse: 'timeout' }), typeVariant: groupIdAsString })).to.deep.equal([]);
    });
  });

  describe('fields.extra', () => {
    it('reports extra members as info, never as a failure', () => {
      expect(run('fields.extra', exchange({ body: JSON.stringify({ ...JSON.parse(jsonToken()), productLine: 'C5' }) }))[0]).to.include({ status: 'info' });
      expect(statuses('fields.extra', exchange({ body: jsonToken() }))).to.deep.equal(['pass']);
    });
    it('no false positive: documented names are not extra', () => {
      expect(statuses('fields.extra', exchange({ body: jsonToken({}, 'documented') }))).to.deep.equal(['pass']);
    });
  });

  describe('headers.no-store', () => {
    it('passes no-store among other directives and fails no-cache alone', () => {
      expect(statuses('headers.no-store', exchange({ body: jsonToken(), headers: { 'cache-control': 'private, no-store' } }))).to.deep.equal(['pass']);
      expect(failure('headers.no-store', exchange({ body: jsonToken(), headers: { 'cache-control': 'no-cache' } }))).to.equal('Received: Cache-Control: no-cache / Expected: Cache-Control: no-store');
    });
    it('no false positive: error responses need no no-store', () => {
      expect(run('headers.no-store', exchange({ status: 401, body: '{"Message":"x"}', headers: { 'cache-control': 'no-cache' } }))).to.deep.equal([]);
    });
  });

  describe('headers.no-cache-of-tokens', () => {
    const date = 'Mon, 30 Nov 2026 12:00:00 GMT';
    it('fails public, a max-age above 0, s-maxage and an Expires after Date on a token response', () => {
      expect(failure('headers.no-cache-of-tokens', exchange({ body: jsonToken(), headers: { 'cache-control': 'public, max-age=3600' } }))).to.equal('Received: public, max-age=3600 / Expected: no public, max-age=0 or none, no s-maxage, no Expires in the future (Cache-Control: no-store)');
      expect(failure('headers.no-cache-of-tokens', exchange({ body: jsonToken(), headers: { 'cache-control': 'no-store, s-maxage=60' } }))).to.contain('s-maxage=60 (no-store beside them contradicts them)');
      expect(failure('headers.no-cache-of-tokens', exchange({ body: jsonToken(), headers: { 'cache-control': 'no-cache', date, expires: 'Mon, 30 Nov 2026 13:00:00 GMT' } }))).to.contain('Expires: Mon, 30 Nov 2026 13:00:00 GMT');
      expect(checkById('headers.no-cache-of-tokens').level).to.equal('MUST');
    });
    it('passes no-store, and Web API\'s default no-cache with Expires: -1 (already expired)', () => {
      expect(statuses('headers.no-cache-of-tokens', exchange({ body: jsonToken() }))).to.deep.equal(['pass']);
      expect(statuses('headers.no-cache-of-tokens', exchange({ body: jsonToken(), headers: { 'cache-control': 'no-cache', pragma: 'no-cache', expires: '-1', date } }))).to.deep.equal(['pass']);
    });
    it('no false positive: max-age=0, an Expires equal to Date, and a cacheable error response', () => {
      expect(statuses('headers.no-cache-of-tokens', exchange({ body: jsonToken(), headers: { 'cache-control': 'no-store, max-age=0', date, expires: date } }))).to.deep.equal(['pass']);
      expect(run('headers.no-cache-of-tokens', exchange({ status: 401, body: '{"Message":"x"}', headers: { 'cache-control': 'public, max-age=60' } }))).to.deep.equal([]);
    });
  });

  describe('errors.no-details', () => {
    const detailed = JSON.stringify({ Message: 'An error has occurred.', ExceptionMessage: 'boom', ExceptionType: 'System.Data.SqlClient.SqlException', StackTrace: '   at Kike.Security.Data.TokenRepository.Find(String refreshToken)' });
    it('fails Web API error detail and passes a generic message', () => {
      expect(failure('errors.no-details', exchange({ status: 500, role: 'server-error', body: detailed }))).to.contain('member StackTrace');
      expect(statuses('errors.no-details', exchange({ status: 500, role: 'server-error', body: '{"Message":"An error has occurred."}' }))).to.deep.equal(['pass']);
    });
    it('fails a stack trace hidden in the Message of an XML error', () => {
      expect(failure('errors.no-details', exchange({ status: 400, mediaType: 'application/xml', body: '<Error><Message>Failed\n   at AuthenticationServer.Controllers.AuthController.RefreshToken(Model m)</Message></Error>' }))).to.contain('a stack frame');
    });
    it('no false positive: a message that merely mentions exceptions and a token with "at" and dots', () => {
      const body = JSON.stringify({ Message: 'The refresh token is invalid. No exception details are shown; look at the server log at 10.0.0.1.' });
      expect(statuses('errors.no-details', exchange({ status: 401, body }))).to.deep.equal(['pass']);
    });
  });

  describe('errors.no-token-echo', () => {
    const token = 'dW5rbm93bi1yZWZyZXNoLXRva2Vu';
    it('fails an error body quoting the refused token, without printing it', () => {
      const message = failure('errors.no-token-echo', exchange({ status: 401, body: JSON.stringify({ Message: `The refresh token '${token}' is invalid.` }), sentToken: token }));
      expect(message).not.to.contain(token);
      expect(message).to.contain('len=28');
    });
    it('no false positive: a token in a 200 body, and a short value that happens to appear', () => {
      expect(run('errors.no-token-echo', exchange({ body: jsonToken({ refreshToken: token }), secrets: [token] }))).to.deep.equal([]);
      expect(statuses('errors.no-token-echo', exchange({ status: 400, body: '{"Message":"The request is invalid."}', sentToken: 'invalid' }))).to.deep.equal(['pass']);
    });
  });

  describe('xml.no-doctype', () => {
    it('fails a DOCTYPE in any response and passes plain XML', () => {
      expect(failure('xml.no-doctype', exchange({ mediaType: 'application/xml', body: `<!DOCTYPE TokenResponse>${xmlToken('backing-field')}` }))).to.contain('<!DOCTYPE');
      expect(statuses('xml.no-doctype', exchange({ mediaType: 'application/xml', body: xmlToken('backing-field') }))).to.deep.equal(['pass']);
    });
    it('no false positive: the word DOCTYPE inside a JSON string value', () => {
      expect(statuses('xml.no-doctype', exchange({ status: 400, body: '{"Message":"DOCTYPE declarations are refused"}' }))).to.deep.equal(['pass']);
    });
  });

  describe('token.rotation', () => {
    const used = 'b2xkLXJlZnJlc2gtdG9rZW4tMDAx';
    const refresh = exchange({ body: jsonToken({ refreshToken: 'bmV3LXJlZnJlc2gtdG9rZW4tMDAy' }), sentToken: used });
    it('passes a refused replay after a rotating refresh, fails an accepted replay', () => {
      expect(statuses('token.rotation', exchange({ role: 'replay', status: 401, body: '{"Message":"x"}', previous: refresh, sentToken: used }))).to.deep.equal(['pass']);
      expect(failure('token.rotation', exchange({ role: 'replay', status: 200, body: jsonToken(), previous: refresh, sentToken: used }))).to.equal('Received: status 200 / Expected: status 401 for a refresh token already used');
    });
    it('fails a refresh that hands the same token back', () => {
      const same = exchange({ body: jsonToken({ refreshToken: used }), sentToken: used });
      expect(failure('token.rotation', exchange({ role: 'replay', status: 401, previous: same, sentToken: used }))).to.contain('unchanged');
    });
    it('no false positive: does not judge the successor of a replay (token.replay-detection does)', () => {
      expect(run('token.rotation', exchange({ role: 'after-replay', status: 200, body: jsonToken() }))).to.deep.equal([]);
    });
    it('no false positive: a successor that cannot be read is body.schema\'s finding, not a rotation failure', () => {
      const unreadable = exchange({ body: jsonToken().slice(0, 30), sentToken: used });
      expect(statuses('token.rotation', exchange({ role: 'replay', status: 401, previous: unreadable, sentToken: used }))).to.deep.equal(['pass']);
    });
    it('no false positive: a lost answer to a replay or its successor proves nothing about the token', () => {
      expect(run('token.rotation', exchange({ role: 'replay', noResponse: 'no complete response within 5000 ms', previous: refresh, sentToken: used }))).to.deep.equal([]);
      expect(run('token.rotation', exchange({ role: 'after-replay', noResponse: 'connection reset by the target' }))).to.deep.equal([]);
    });
  });

  describe('token.issued', () => {
    it('passes a token response with a refresh token, login included, in JSON and XML', () => {
      expect(statuses('token.issued', exchange({ body: jsonToken() }))).to.deep.equal(['pass']);
      expect(statuses('token.issued', { ...exchange({ mediaType: 'application/xml', body: xmlToken('backing-field') }), caseId: 'login' })).to.deep.equal(['pass']);
    });
    it('fails a 200 whose refresh token is null, empty or missing', () => {
      expect(failure('token.issued', exchange({ body: jsonToken({ refreshToken: null }) }))).to.equal('Received: no refresh token, or a null or empty one / Expected: a non-empty refresh token for the next refresh');
      expect(failure('token.issued', exchange({ body: jsonToken({ refreshToken: '' }, 'documented') }))).to.contain('Received: no refresh token');
      expect(failure('token.issued', exchange({ mediaType: 'text/xml', body: xmlToken('backing-field', { refreshToken: null }) }))).to.contain('Received: no refresh token');
      expect(failure('token.issued', exchange({ mediaType: 'application/xml', body: xmlToken('documented', {}, ['refreshToken']) }))).to.contain('Received: no refresh token');
    });
    it('no false positive: a body that does not parse, a cut one, an error, a replay\'s 200 are other checks\' findings', () => {
      expect(run('token.issued', exchange({ body: jsonToken().slice(0, 40) }))).to.deep.equal([]);
      expect(run('token.issued', { ...exchange({ body: jsonToken({ refreshToken: null }) }), transportError: 'cut off' })).to.deep.equal([]);
      expect(run('token.issued', exchange({ status: 401, body: '{"Message":"x"}' }))).to.deep.equal([]);
      expect(run('token.issued', exchange({ role: 'replay', body: jsonToken({ refreshToken: null }) }))).to.deep.equal([]);
    });
  });

  describe('token.replay-detection', () => {
    const refused = exchange({ role: 'replay', status: 401, body: '{"Message":"x"}' });
    it('passes a successor refused after a refused replay, fails one still accepted', () => {
      expect(statuses('token.replay-detection', exchange({ role: 'after-replay', status: 401, body: '{"Message":"x"}', previous: refused }))).to.deep.equal(['pass']);
      expect(failure('token.replay-detection', exchange({ role: 'after-replay', status: 200, body: jsonToken(), previous: refused }))).to.contain('Received: status 200 for the successor');
      expect(checkById('token.replay-detection').level).to.equal('SHOULD');
    });
    it('no false positive: after an accepted replay there was nothing to detect (token.rotation reports it)', () => {
      const accepted = exchange({ role: 'replay', status: 200, body: jsonToken() });
      expect(run('token.replay-detection', exchange({ role: 'after-replay', status: 200, body: jsonToken(), previous: accepted }))).to.deep.equal([]);
    });
  });

  describe('token.semantics', () => {
    const DAY_LATER = '2025-01-11T05:13:39.7555575-03:00';
    const good = { tokenType: 'bearer', expiresIn: '86399', issued: ISO, expires: DAY_LATER, accessToken: 'YWNjZXNzLXRva2VuLTAwMQ', refreshToken: 'cmVmcmVzaC10b2tlbi0wMDI', userName: 'ADMIN', company: '1' };
    const login = { company: '1', username: 'admin' };
    const sent = 'cmVmcmVzaC10b2tlbi0wMDE';
    it('passes a consistent token response in both namings, JSON and XML, for the login\'s user', () => {
      expect(statuses('token.semantics', exchange({ body: jsonToken(good), sentToken: sent, identity: login }))).to.deep.equal(['pass']);
      expect(statuses('token.semantics', exchange({ body: jsonToken(good, 'documented'), sentToken: sent, identity: login }))).to.deep.equal(['pass']);
      expect(statuses('token.semantics', exchange({ mediaType: 'application/xml', body: xmlToken('documented', good), sentToken: sent, identity: login }))).to.deep.equal(['pass']);
    });
    it('fails .expires before .issued, and an expires_in that disagrees with them', () => {
      expect(failure('token.semantics', exchange({ body: jsonToken({ ...good, expires: '2025-01-10T04:13:39-03:00' }) }))).to.contain('Received: .expires "2025-01-10T04:13:39-03:00", .issued').and.contain('Received: expires_in 86399 s, .expires - .issued -3601 s');
      expect(failure('token.semantics', exchange({ body: jsonToken({ ...good, expiresIn: '3599' }, 'documented') }))).to.equal('Received: expires_in 3599 s, .expires - .issued 86400 s / Expected: the same lifetime within 5 s');
    });
    it('fails an access token equal to the refresh token, and a refresh token handed back', () => {
      expect(failure('token.semantics', exchange({ body: jsonToken({ ...good, accessToken: good.refreshToken }) }))).to.contain('access_token equal to refresh_token');
      expect(failure('token.semantics', exchange({ mediaType: 'text/xml', body: xmlToken('backing-field', { ...good, refreshToken: sent }), sentToken: sent }))).to.contain('refresh_token equal to the one presented');
    });
    it('fails a token_type other than bearer, and another user than the login\'s', () => {
      expect(failure('token.semantics', exchange({ body: jsonToken({ ...good, tokenType: 'mac' }) }))).to.contain('Received: token_type "mac"');
      const other = failure('token.semantics', exchange({ body: jsonToken({ ...good, userName: 'OUTRO', company: '99' }), identity: login }));
      expect(other).to.contain('Received: username "OUTRO" / Expected: "admin"').and.contain('Received: company "99"');
      expect(run('token.semantics', exchange({ body: jsonToken({ ...good, userName: 'OUTRO', tokenType: null }), identity: login }))[0]!.title).to.equal('token_type not bearer, another user');
    });
    it('no false positive: BEARER in capitals, OWIN\'s numeric expires_in and RFC 1123 dates, a /Date()/ pair, an unknown user, an error', () => {
      const owin = { ...good, tokenType: 'BEARER', expiresIn: 86399, issued: 'Fri, 10 Jan 2025 08:13:39 GMT', expires: 'Sat, 11 Jan 2025 08:13:39 GMT' };
      expect(statuses('token.semantics', exchange({ body: jsonToken(owin, 'documented') }))).to.deep.equal(['pass']);
      expect(statuses('token.semantics', exchange({ body: jsonToken({ ...good, issued: '/Date(1736496819755-0300)/', expires: '/Date(1736583219755-0300)/' }) }))).to.deep.equal(['pass']);
      expect(statuses('token.semantics', exchange({ body: jsonToken({ ...good, userName: 'VENDEDOR' }) }))).to.deep.equal(['pass']);
      expect(run('token.semantics', exchange({ status: 401, body: '{"Message":"x"}' }))).to.deep.equal([]);
    });
  });

  describe('token.clock', () => {
    const at = (date: string) => exchange({ body: jsonToken({ issued: ISO }), headers: { date } });
    it('passes .issued within two minutes of Date and fails ten minutes apart', () => {
      expect(statuses('token.clock', at('Fri, 10 Jan 2025 08:14:39 GMT'))).to.deep.equal(['pass']);
      expect(failure('token.clock', at('Fri, 10 Jan 2025 08:23:40 GMT'))).to.contain('Expected: .issued within 120 s of Date');
      expect(run('token.clock', at('Fri, 10 Jan 2025 08:23:40 GMT'))[0]!.title).to.equal('.issued 600 s behind the Date header');
      expect(checkById('token.clock').level).to.equal('SHOULD');
    });
    it('no false positive: a date without offset (no instant to compare) and a response without Date', () => {
      expect(run('token.clock', exchange({ body: jsonToken({ issued: '2025-01-10T05:13:39.75' }), headers: { date: 'Fri, 10 Jan 2025 20:00:00 GMT' } }))).to.deep.equal([]);
      expect(run('token.clock', exchange({ body: jsonToken({ issued: ISO }) }))).to.deep.equal([]);
    });
  });

  describe('token.expiry', () => {
    it('passes 401 and fails 200 for an expired token', () => {
      expect(statuses('token.expiry', exchange({ role: 'expired', status: 401, body: '{"Message":"x"}' }))).to.deep.equal(['pass']);
      expect(failure('token.expiry', exchange({ role: 'expired', status: 200, body: jsonToken() }))).to.contain('Received: status 200');
    });
    it('no false positive: does not judge an unknown token (status.documented does)', () => {
      expect(run('token.expiry', exchange({ status: 401 }))).to.deep.equal([]);
    });
  });

  describe('input.no-server-error', () => {
    it('fails a 500 and a hang on a hostile request, passes a 413', () => {
      expect(failure('input.no-server-error', exchange({ role: 'hostile', status: 500, body: '{"Message":"x"}' }))).to.contain('status 500');
      expect(failure('input.no-server-error', exchange({ role: 'hostile', noResponse: 'no complete response within 5000 ms' }))).to.contain('5000 ms');
      expect(statuses('input.no-server-error', exchange({ role: 'hostile', status: 413 }))).to.deep.equal(['pass']);
    });
    it('no false positive: the deliberately provoked 500 is not held against the input', () => {
      expect(run('input.no-server-error', exchange({ role: 'server-error', status: 500 }))).to.deep.equal([]);
    });
    it('says once that the target stopped answering, listing the last requests sent, numbered', () => {
      const sent = (path: string, sentMs: number, result: string) => ({ request: { method: 'POST', path, headers: {}, body: '' }, sentMs, result });
      const first = sent('b', 1250, 'no answer (no complete response within 1000 ms)');
      const outcome = targetStopped({ answeredBefore: 41, firstUnanswered: first, recent: [sent('a', 1200, 'status 401'), first], check: 'no answer (no complete response within 1000 ms)' }, (r) => `probe ${r.path}`);
      expect(outcome).to.include({ status: 'fail', title: 'the target stopped answering at request 42 of the run' });
      expect(outcome.message).to.equal('Received: no answer to request 42 (probe b, sent at +1.25 s), nor to a liveness check (POST api/v1/auth/refresh-token {}: no answer (no complete response within 1000 ms)); '
        + 'the last requests sent: #41 probe a at +1.20 s: status 401; #42 probe b at +1.25 s: no answer (no complete response within 1000 ms) / Expected: an answer to every request within REQUEST_TIMEOUT_MS');
    });
  });

  describe('response.time', () => {
    it('passes within the budget and fails beyond it', () => {
      expect(statuses('response.time', exchange({ elapsedMs: 999 }))).to.deep.equal(['pass']);
      expect(failure('response.time', exchange({ elapsedMs: 1500 }))).to.equal('Received: 1500 ms / Expected: at most 1000 ms (RESPONSE_TIME_BUDGET_MS)');
    });
    it('no false positive: exactly the budget passes', () => {
      expect(statuses('response.time', exchange({ elapsedMs: 1000 }))).to.deep.equal(['pass']);
    });
    it('says how many of the run\'s requests were in flight', () => {
      const busy = exchange({ elapsedMs: 1500 });
      busy.response!.inFlight = 8;
      expect(failure('response.time', busy)).to.equal('Received: 1500 ms with 8 of the run\'s requests in flight / Expected: at most 1000 ms (RESPONSE_TIME_BUDGET_MS)');
    });
  });
});

describe('evaluateProbe', () => {
  it('merges a case\'s exchanges into one finding per check, each at its own check\'s level', () => {
    const used = 'b2xkLXJlZnJlc2gtdG9rZW4tMDAx';
    const refresh = exchange({ body: jsonToken({ refreshToken: 'bmV3LXJlZnJlc2gtdG9rZW4tMDAy' }), sentToken: used });
    const replay = exchange({ role: 'replay', status: 401, body: '{"Message":"x"}', previous: refresh, sentToken: used });
    const after = exchange({ role: 'after-replay', status: 200, body: jsonToken(), previous: replay });
    const findings = evaluateProbe('case', 'application/json', [refresh, replay, after], context());
    const lifecycle = findings.filter((f) => f.check.startsWith('token.r'));
    expect(lifecycle.map((f) => [f.check, f.status, f.level])).to.deep.equal([['token.rotation', 'pass', 'MUST'], ['token.replay-detection', 'fail', 'SHOULD']]);
    expect(lifecycle[1]).to.include({ caseId: 'case', mediaType: 'application/json' });
  });
});
