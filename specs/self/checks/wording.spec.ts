// What a report says, word for word, for the checks whose verdicts tell a reader most in their
// titles: a crash or a hang of the server, a slow answer, a refresh token handed out or not, a
// body that does not decode, and which JSON type a member is bound from. A report that named the
// wrong thing (or nothing) would send the server's owner the wrong way.

import { expect } from 'chai';
import { judges } from '../../../src/checks/evaluate.ts';
import { checkById } from '../../../src/checks/registry.ts';
import type { ProbeExchange } from '../../../src/checks/exchange.ts';
import type { Outcome } from '../../../src/checks/outcome.ts';
import { responseObject } from '../support/docSamples.ts';
import { context, exchange } from './fixtures.ts';

const ISO = '2025-01-10T05:13:39.7555575-03:00';

function outcomes(id: string, e: ProbeExchange, budgetMs = 1000): Outcome[] {
  const check = checkById(id);
  return judges(check, e.role) ? check.run(e, context({ responseTimeBudgetMs: budgetMs })) : [];
}

describe('check wording', () => {
  describe('input.no-server-error', () => {
    it('names a missing answer, a server error by its status, and a clean answer by its status', () => {
      expect(outcomes('input.no-server-error', exchange({ noResponse: 'timeout' }))).to.deep.equal([
        { status: 'fail', title: 'no answer', message: 'Received: no response (timeout) / Expected: a 4xx or 2xx response within REQUEST_TIMEOUT_MS' },
      ]);
      expect(outcomes('input.no-server-error', exchange({ role: 'hostile', status: 503, body: '' }))).to.deep.equal([
        { status: 'fail', title: 'server error 503', message: 'Received: status 503 / Expected: a 4xx status (the request is the client\'s fault)' },
      ]);
      expect(outcomes('input.no-server-error', exchange({ role: 'hostile', status: 400, body: '{"Message":"x"}' }))).to.deep.equal([
        { status: 'pass', title: 'status 400, no server error', message: '' },
      ]);
    });
  });

  describe('response.time', () => {
    it('gives the time (and the run\'s requests in flight), within or over the budget it names', () => {
      const timed = (elapsedMs: number, inFlight?: number) => {
        const e = exchange({ elapsedMs, body: '{}' });
        return { ...e, response: { ...e.response!, ...(inFlight === undefined ? {} : { inFlight }) } };
      };
      expect(outcomes('response.time', timed(1000))).to.deep.equal([{ status: 'pass', title: '1000 ms', message: '' }]);
      expect(outcomes('response.time', timed(40, 7))).to.deep.equal([{ status: 'pass', title: '40 ms with 7 of the run\'s requests in flight', message: '' }]);
      expect(outcomes('response.time', timed(1001, 3))).to.deep.equal([
        { status: 'fail', title: '1001 ms, over budget', message: 'Received: 1001 ms with 3 of the run\'s requests in flight / Expected: at most 1000 ms (RESPONSE_TIME_BUDGET_MS)' },
      ]);
      expect(outcomes('response.time', exchange({ noResponse: 'timeout' })), 'no answer: nothing to time').to.deep.equal([]);
    });
  });

  describe('token.issued', () => {
    it('says whether a 200 handed out a refresh token, and says nothing of a request that got no answer', () => {
      expect(outcomes('token.issued', exchange({ body: JSON.stringify(responseObject('backing-field', { issued: ISO, expires: ISO })) }))).to.deep.equal([
        { status: 'pass', title: 'a refresh token was issued', message: '' },
      ]);
      expect(outcomes('token.issued', exchange({ body: JSON.stringify(responseObject('backing-field', { issued: ISO, expires: ISO, refreshToken: '' })) }))).to.deep.equal([
        { status: 'fail', title: '200 without a usable refresh token', message: 'Received: no refresh token, or a null or empty one / Expected: a non-empty refresh token for the next refresh' },
      ]);
      expect(outcomes('token.issued', exchange({ noResponse: 'timeout' }))).to.deep.equal([]);
    });
  });

  describe('body.charset', () => {
    it('names the charset the body decoded in, or failed to', () => {
      expect(outcomes('body.charset', exchange({ body: '{}', charset: 'utf-16' }))).to.deep.equal([{ status: 'pass', title: 'text in utf-16', message: '' }]);
      expect(outcomes('body.charset', exchange({ body: '{}' }))).to.deep.equal([{ status: 'pass', title: 'text in utf-8', message: '' }]);
      expect(outcomes('body.charset', exchange({ body: '{"a":"\uFFFD"}', undecodable: 'bytes that are not valid utf-8 (near byte 6: c3 28)' }))).to.deep.equal([
        { status: 'fail', title: 'body not valid utf-8', message: 'Received: bytes that are not valid utf-8 (near byte 6: c3 28) / Expected: text in utf-8, the charset the Content-Type names (with none named: its byte order mark\'s, else utf-8)' },
      ]);
    });
  });

  describe('input.member-types', () => {
    it('says which answer the member sent as a string got, against the documented type\'s', () => {
      const e = { ...exchange({ status: 401, expectStatus: 401, body: '{"Message":"x"}' }), typeVariant: { member: 'groupId', documented: 'integer', sent: 'string' } };
      expect(outcomes('input.member-types', e)).to.deep.equal([
        { status: 'info', title: 'groupId is accepted as a JSON string too', message: 'groupId sent as a JSON string got 401, the answer the body gets with the integer the page documents: the server binds both' },
      ]);
    });
  });
});
