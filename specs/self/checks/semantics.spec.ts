// token.semantics and token.clock, problem by problem: each disagreement named in the title and
// the exact Received / Expected, the bounds (5 s for expires_in, 120 s for the clock) taken at
// their edge, and the values that prove nothing (a missing token, an empty expires_in, dates of
// different kinds, an unknown user), so a loosened rule or a changed message shows here.

import { expect } from 'chai';
import { checkById } from '../../../src/checks/registry.ts';
import type { ProbeExchange } from '../../../src/checks/exchange.ts';
import type { Outcome } from '../../../src/checks/outcome.ts';
import type { Identity } from '../../../src/findings/types.ts';
import { responseObject, responseXml } from '../support/docSamples.ts';
import { context, exchange } from './fixtures.ts';

const ISO = '2025-01-10T05:13:39.7555575-03:00';
const DAY_LATER = '2025-01-11T05:13:39.7555575-03:00';
const SENT = 'cmVmcmVzaC10b2tlbi0wMDE';
const good = { tokenType: 'bearer', expiresIn: '86400', issued: ISO, expires: DAY_LATER, accessToken: 'YWNjZXNzLXRva2VuLTAwMQ', refreshToken: 'cmVmcmVzaC10b2tlbi0wMDI', userName: 'ADMIN', company: '1' };
type Values = Record<string, string | number | boolean | null>;
const semantics = (values: Values, extra: Partial<ProbeExchange> = {}): Outcome[] =>
  checkById('token.semantics').run({ ...exchange({ body: JSON.stringify(responseObject('documented', { ...good, ...values })) }), ...extra }, context());
const failed = (title: string, message: string) => [{ status: 'fail', title, message }];
const PASS = [{ status: 'pass', title: 'lifetime, token types and distinct tokens agree', message: '' }];
const PASS_USER = [{ status: 'pass', title: 'lifetime, token types and distinct tokens agree, and the user is the login\'s', message: '' }];

describe('token.semantics, problem by problem', () => {
  it('passes a consistent response, saying whether the user was compared', () => {
    expect(semantics({})).to.deep.equal(PASS);
    expect(semantics({}, { identity: { username: 'admin', company: '1' } })).to.deep.equal(PASS_USER);
  });
  it('fails .expires at .issued (not after it), joined with the lifetime it then disagrees with', () => {
    expect(semantics({ expires: ISO })).to.deep.equal(failed('.expires not after .issued, expires_in disagrees with .expires - .issued',
      `Received: .expires "${ISO}", .issued "${ISO}" / Expected: .expires after .issued; Received: expires_in 86400 s, .expires - .issued 0 s / Expected: the same lifetime within 5 s`));
  });
  it('allows expires_in 5 s off the dates\' lifetime, not 6, read from a number or a padded string', () => {
    expect(semantics({ expiresIn: '86395' })).to.deep.equal(PASS);
    expect(semantics({ expiresIn: ' 86405 ' })).to.deep.equal(PASS);
    expect(semantics({ expiresIn: 86394 })).to.deep.equal(failed('expires_in disagrees with .expires - .issued', 'Received: expires_in 86394 s, .expires - .issued 86400 s / Expected: the same lifetime within 5 s'));
  });
  it('does not compare what cannot be compared: no expires_in, dates of different kinds or unreadable', () => {
    for (const expiresIn of ['', '  ', null, 'soon', true]) expect(semantics({ expiresIn }), String(expiresIn)).to.deep.equal(PASS);
    expect(semantics({ expires: '2025-01-09T00:00:00', expiresIn: '1' })).to.deep.equal(PASS);
    expect(semantics({ issued: 'yesterday', expiresIn: '1' })).to.deep.equal(PASS);
    expect(semantics({ expires: 'tomorrow', expiresIn: '1' })).to.deep.equal(PASS);
  });
  it('fails an access token equal to the refresh token and a presented refresh token handed back, not two missing ones', () => {
    expect(semantics({ accessToken: good.refreshToken })).to.deep.equal(failed('access token equals refresh token', 'Received: access_token equal to refresh_token / Expected: two different tokens (RFC 6749 §1.5)'));
    expect(semantics({ refreshToken: SENT }, { sentToken: SENT })).to.deep.equal(failed('the presented refresh token handed back', 'Received: refresh_token equal to the one presented / Expected: a new refresh token'));
    expect(semantics({ accessToken: null, refreshToken: null })).to.deep.equal(PASS);
    expect(semantics({ accessToken: '', refreshToken: '' })).to.deep.equal(PASS);
  });
  it('fails a token_type other than bearer, null included, in any letter case only bearer passing', () => {
    expect(semantics({ tokenType: 'BeArEr' })).to.deep.equal(PASS);
    expect(semantics({ tokenType: null })).to.deep.equal(failed('token_type not bearer', 'Received: token_type null / Expected: "bearer" (any letter case, RFC 6750 §4)'));
    expect(semantics({ tokenType: 'mac' })).to.deep.equal(failed('token_type not bearer', 'Received: token_type "mac" / Expected: "bearer" (any letter case, RFC 6750 §4)'));
  });
  describe('the user', () => {
    const as = (identity: Identity, values: Values = {}) => semantics(values, { identity });
    it('fails another user and another company, joined', () => {
      expect(as({ username: 'admin', company: '1' }, { userName: 'OUTRO', company: null })).to.deep.equal(failed('another user, another company',
        'Received: username "OUTRO" / Expected: "admin", the user the token was issued to; Received: company null / Expected: "1", the company of the login'));
      expect(as({ username: 'admin' }, { userName: null })).to.deep.equal(failed('another user', 'Received: username null / Expected: "admin", the user the token was issued to'));
    });
    it('no false positive: the name in another case, the company padded, a part of the identity the run does not know', () => {
      expect(as({ username: 'Admin', company: ' 1' }, { company: '1 ' })).to.deep.equal(PASS_USER);
      expect(as({ company: '1' })).to.deep.equal(PASS_USER);
      expect(as({ username: 'admin' })).to.deep.equal(PASS_USER);
    });
    it('no false positive: a member the body does not carry is the schema\'s finding', () => {
      const body = responseXml('documented', { ...good }, ['userName', 'company']);
      const e = { ...exchange({ mediaType: 'application/xml', body }), identity: { username: 'someone', company: '2' } };
      expect(checkById('token.semantics').run(e, context())).to.deep.equal(PASS_USER);
    });
  });
  it('judges only a complete 200', () => {
    expect(semantics({}, { transportError: 'cut off' })).to.deep.equal([]);
    expect(checkById('token.semantics').run(exchange({ noResponse: 'reset' }), context())).to.deep.equal([]);
    expect(checkById('token.semantics').run(exchange({ status: 400, body: JSON.stringify(responseObject('documented', { ...good, tokenType: 'mac' })) }), context())).to.deep.equal([]);
  });
});

describe('token.clock, at its bounds', () => {
  const at = (date: string | undefined, issued = ISO) => checkById('token.clock').run(exchange({ body: JSON.stringify(responseObject('documented', { ...good, issued })), ...(date ? { headers: { date } } : {}) }), context());
  const skew = (title: string, date: string) => [{ status: 'fail', title, message: `Received: .issued "${ISO}", Date ${date} / Expected: .issued within 120 s of Date (server clocks in sync, dates in the right zone)` }];
  it('passes 120 s apart either way, saying how far', () => {
    expect(at('Fri, 10 Jan 2025 08:15:40 GMT')).to.deep.equal([{ status: 'pass', title: '.issued 120 s from Date', message: '' }]);
    expect(at('Fri, 10 Jan 2025 08:11:40 GMT')).to.deep.equal([{ status: 'pass', title: '.issued 120 s from Date', message: '' }]);
  });
  it('fails 121 s apart, saying which way', () => {
    expect(at('Fri, 10 Jan 2025 08:15:41 GMT')).to.deep.equal(skew('.issued 121 s behind the Date header', 'Fri, 10 Jan 2025 08:15:41 GMT'));
    expect(at('Fri, 10 Jan 2025 08:11:38 GMT')).to.deep.equal(skew('.issued 122 s ahead of the Date header', 'Fri, 10 Jan 2025 08:11:38 GMT'));
  });
  it('judges nothing without a Date, a readable one, an absolute .issued, or a response', () => {
    expect(at(undefined)).to.deep.equal([]);
    expect(at('not a date')).to.deep.equal([]);
    expect(at('Fri, 10 Jan 2025 20:00:00 GMT', '2025-01-10T05:13:39')).to.deep.equal([]);
    expect(checkById('token.clock').run(exchange({ noResponse: 'reset' }), context())).to.deep.equal([]);
  });
});
