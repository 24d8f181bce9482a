// The instant a date names in each form servers write, errors.no-details / no-token-echo and
// the two caching checks, outcome by outcome with the exact Received / Expected, and the
// neighbours that look bad but are not (a token split over two headers, a stale-while-revalidate,
// a JSON array for a date), so a loosened pattern or a changed message shows here.

import { expect } from 'chai';
import { readInstant } from '../../../src/checks/instant.ts';
import type { ProbeExchange } from '../../../src/checks/exchange.ts';
import { tokenShape } from '../../../src/redaction/redactor.ts';
import { exchange } from './fixtures.ts';
import { failed, outcomes, passed } from './expectedOutcomes.ts';

const UTC = Date.UTC(2025, 0, 10, 8, 13, 39);

describe('the instant a date names', () => {
  it('reads .NET ISO dates with an offset, Z, or none, and their fraction', () => {
    expect(readInstant('2025-01-10T05:13:39.7555575-03:00')).to.deep.equal({ ms: UTC + 755.5575, absolute: true });
    expect(readInstant('2025-01-10T13:43:39+05:30')).to.deep.equal({ ms: UTC, absolute: true });
    expect(readInstant('2025-01-10T08:13:39Z')).to.deep.equal({ ms: UTC, absolute: true });
    expect(readInstant('2025-01-10T08:13:39.5')).to.deep.equal({ ms: UTC + 500, absolute: false });
  });
  it('reads the DataContractJson and RFC 1123 forms as absolute instants', () => {
    expect(readInstant('/Date(1736496819755-0300)/')).to.deep.equal({ ms: 1736496819755, absolute: true });
    expect(readInstant('Fri, 10 Jan 2025 08:13:39 GMT')).to.deep.equal({ ms: UTC, absolute: true });
  });
  it('reads nothing from what is no string or no date in those forms', () => {
    expect(readInstant(['2025-01-10T08:13:39Z'])).to.equal(undefined);
    expect(readInstant(1736496819755)).to.equal(undefined);
    expect(readInstant('Fri, 10 Jan 2025 08:13:39 GMT+0100')).to.equal(undefined);
    expect(readInstant('yesterday GMT')).to.equal(undefined);
    expect(readInstant('2025-01-10 08:13:39')).to.equal(undefined);
  });
});

describe('errors.no-details, outcome by outcome', () => {
  const error = (body: string, status = 500) => exchange({ status, body });
  it('passes a generic Message', () => {
    expect(outcomes('errors.no-details', error('{"Message":"An error has occurred."}'))).to.deep.equal(passed('no internal details in the error body'));
  });
  it('names each detail member and each sign in the text', () => {
    const body = JSON.stringify({ Message: 'An error has occurred.', ExceptionMessage: 'boom', StackTrace: '   at Kike.Security.Api.TokenController.Refresh(String token)\r\n   at System.Web.Http.ApiController.Invoke()' });
    expect(outcomes('errors.no-details', error(body))).to.deep.equal(failed('error 500 reveals internals', 'member ExceptionMessage, member StackTrace, a stack frame',
      'a generic Message only (IncludeErrorDetailPolicy.LocalOnly or Never)'));
    expect(outcomes('errors.no-details', error('{"Message":"x","ExceptionType":"Boom"}'))).to.deep.equal(failed('error 500 reveals internals', 'member ExceptionType', 'a generic Message only (IncludeErrorDetailPolicy.LocalOnly or Never)'));
    expect(outcomes('errors.no-details', error('{"Message":"System.InvalidOperationException in Token.cs:line 42"}', 401))).to.deep.equal(
      failed('error 401 reveals internals', 'a source file and line, an exception type', 'a generic Message only (IncludeErrorDetailPolicy.LocalOnly or Never)'));
  });
  it('finds a stack frame that opens a JSON string or an XML element\'s text, and not the word "at" in a sentence', () => {
    const frame = failed('error 500 reveals internals', 'a stack frame', 'a generic Message only (IncludeErrorDetailPolicy.LocalOnly or Never)');
    expect(outcomes('errors.no-details', error('{"Message":"at Kike.Security.Api.TokenController.Refresh(String token)"}'))).to.deep.equal(frame);
    expect(outcomes('errors.no-details', error('<Error><Message>at Kike.Security.Api.TokenController.Refresh(String token)</Message></Error>'))).to.deep.equal(frame);
    expect(outcomes('errors.no-details', error('{"Message":"Look at the request (it failed)."}'))).to.deep.equal(passed('no internal details in the error body'));
  });
  it('leaves alone a success, an empty error body and no response', () => {
    expect(outcomes('errors.no-details', exchange({ status: 200, body: '{"StackTrace":"x"}' }))).to.deep.equal([]);
    expect(outcomes('errors.no-details', exchange({ status: 302, body: '{"StackTrace":"x"}' }))).to.deep.equal([]);
    expect(outcomes('errors.no-details', error(''))).to.deep.equal([]);
    expect(outcomes('errors.no-details', exchange({ noResponse: 'reset' }))).to.deep.equal([]);
  });
});

describe('errors.no-token-echo, outcome by outcome', () => {
  const TOKEN = 'cmVmcmVzaC10b2tlbi0w/MDI+eA==';
  const error = (body: string, extra: Partial<ProbeExchange> = {}, headers: Record<string, string> = {}) => ({ ...exchange({ status: 401, body, headers }), ...extra });
  const echoes = (shapes: string[]) => failed('error 401 echoes a token', `the error response quotes ${shapes.join(', ')}`, 'no token value in any error response');
  it('fails a sent token quoted as it is, in the body or a header, naming only the one echoed by its shape', () => {
    expect(outcomes('errors.no-token-echo', error(`{"Message":"token ${TOKEN} is invalid"}`, { sentToken: TOKEN, secrets: ['another-live-token-value'] }))).to.deep.equal(echoes([tokenShape(TOKEN)]));
    expect(outcomes('errors.no-token-echo', error('{"Message":"x"}', { secrets: [TOKEN] }, { 'www-authenticate': `Bearer error="invalid_token", token="${TOKEN}"` }))).to.deep.equal(echoes([tokenShape(TOKEN)]));
  });
  it('names every token echoed', () => {
    expect(outcomes('errors.no-token-echo', error(`{"Message":"${TOKEN} / s3cr3t!!"}`, { sentToken: TOKEN, sentPassword: 's3cr3t!!' }))).to.deep.equal(echoes([tokenShape(TOKEN), tokenShape('s3cr3t!!')]));
  });
  it('fails a password and a token of eight characters, the shortest it looks for', () => {
    expect(outcomes('errors.no-token-echo', error('{"Message":"bad password s3cr3t!!"}', { sentPassword: 's3cr3t!!' }))).to.deep.equal(echoes([tokenShape('s3cr3t!!')]));
  });
  it('passes without an echo, and does not look for values under eight characters or across two headers', () => {
    expect(outcomes('errors.no-token-echo', error('{"Message":"x"}', { sentToken: TOKEN }))).to.deep.equal(passed('no token echoed'));
    expect(outcomes('errors.no-token-echo', error('{"Message":"no 1234567 here"}', { sentToken: '1234567' }))).to.deep.equal(passed('no token echoed'));
    expect(outcomes('errors.no-token-echo', error('{"Message":"x"}', { sentToken: 'abcdefgh12345678' }, { 'x-a': 'abcdefgh', 'x-b': '12345678' }))).to.deep.equal(passed('no token echoed'));
  });
  it('leaves alone a success and no response', () => {
    expect(outcomes('errors.no-token-echo', exchange({ status: 200, body: `{"x":"${TOKEN}"}`, sentToken: TOKEN }))).to.deep.equal([]);
    expect(outcomes('errors.no-token-echo', exchange({ noResponse: 'reset', sentToken: TOKEN }))).to.deep.equal([]);
  });
});

describe('headers.no-store and headers.no-cache-of-tokens, outcome by outcome', () => {
  const token = (headers: Record<string, string>) => exchange({ body: '{}', headers });
  const withoutCacheControl = (): ProbeExchange => {
    const e = exchange({ body: '{}' });
    const { 'cache-control': _dropped, ...headers } = e.response!.headers;
    return { ...e, response: { ...e.response!, headers } };
  };
  const CACHEABLE = 'no public, max-age=0 or none, no s-maxage, no Expires in the future (Cache-Control: no-store)';
  it('headers.no-store: passes no-store in any case among others, fails its absence naming the header', () => {
    expect(outcomes('headers.no-store', token({ 'cache-control': 'private, No-Store' }))).to.deep.equal(passed('Cache-Control: private, No-Store'));
    expect(outcomes('headers.no-store', token({ 'cache-control': 'no-cache' }))).to.deep.equal(failed('token response may be cached', 'Cache-Control: no-cache', 'Cache-Control: no-store'));
    expect(outcomes('headers.no-store', withoutCacheControl())).to.deep.equal(failed('token response may be cached', 'no Cache-Control header', 'Cache-Control: no-store'));
  });
  it('headers.no-cache-of-tokens: names every marker, quoted values unquoted, and a no-store that contradicts them', () => {
    expect(outcomes('headers.no-cache-of-tokens', token({ 'cache-control': 'public, max-age="60", s-maxage="1"0", no-store' }))).to.deep.equal(
      failed('token response marked cacheable', 'public, max-age=60, s-maxage=1"0 (no-store beside them contradicts them)', CACHEABLE));
    expect(outcomes('headers.no-cache-of-tokens', token({ 'cache-control': 's-maxage' }))).to.deep.equal(failed('token response marked cacheable', 's-maxage=', CACHEABLE));
  });
  it('headers.no-cache-of-tokens: fails an Expires after the response\'s Date, saying both', () => {
    const headers = { 'cache-control': 'no-cache', date: 'Fri, 10 Jan 2025 08:00:00 GMT', expires: 'Fri, 10 Jan 2025 09:00:00 GMT' };
    expect(outcomes('headers.no-cache-of-tokens', token(headers))).to.deep.equal(
      failed('token response marked cacheable', 'Expires: Fri, 10 Jan 2025 09:00:00 GMT (after Date: Fri, 10 Jan 2025 08:00:00 GMT)', CACHEABLE));
  });
  it('headers.no-cache-of-tokens: passes max-age=0, another directive with a number, an Expires that is past or no date', () => {
    expect(outcomes('headers.no-cache-of-tokens', token({ 'cache-control': 'no-store, max-age=0, stale-while-revalidate=30' }))).to.deep.equal(
      passed('not marked cacheable (Cache-Control: no-store, max-age=0, stale-while-revalidate=30)'));
    expect(outcomes('headers.no-cache-of-tokens', token({ 'cache-control': 'no-store', date: 'Fri, 10 Jan 2025 08:00:00 GMT', expires: '-1' }))[0]).to.include({ status: 'pass' });
    expect(outcomes('headers.no-cache-of-tokens', token({ 'cache-control': 'no-store', date: 'Fri, 10 Jan 2025 08:00:00 GMT', expires: 'Fri, 10 Jan 2025 07:00:00 GMT' }))[0]).to.include({ status: 'pass' });
    expect(outcomes('headers.no-cache-of-tokens', withoutCacheControl())).to.deep.equal(passed('not marked cacheable (no Cache-Control header)'));
  });
  it('both leave alone an error and no response', () => {
    for (const id of ['headers.no-store', 'headers.no-cache-of-tokens']) {
      expect(outcomes(id, exchange({ status: 401, body: '{"Message":"x"}', headers: { 'cache-control': 'public' } })), id).to.deep.equal([]);
      expect(outcomes(id, exchange({ noResponse: 'reset' })), id).to.deep.equal([]);
    }
  });
});
