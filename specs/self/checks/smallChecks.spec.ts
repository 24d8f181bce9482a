// The small checks and the check plumbing, outcome by outcome: the exact title and message of a
// pass, a failure and an information, and the exchanges each check leaves alone (no response,
// an empty body, a generic endpoint, an error status), so a dropped condition or a changed
// message does not go unnoticed.

import { expect } from 'chai';
import { CHECKS, checkById } from '../../../src/checks/registry.ts';
import { recordedExchange } from '../../../src/checks/exchange.ts';
import { clearSecrets, registerSecret } from '../../../src/redaction/redactor.ts';
import { responseObject, responseXml } from '../support/docSamples.ts';
import { exchange } from './fixtures.ts';
import { onGenericEndpoint, outcomes } from './expectedOutcomes.ts';

const ISO = '2025-01-10T05:13:39.7555575-03:00';
const tokenObject = () => responseObject('backing-field', { issued: ISO, expires: ISO });

describe('status.documented, message by message', () => {
  it('passes the expected status with its number as the title', () => {
    expect(outcomes('status.documented', exchange({ status: 401, body: '{"Message":"x"}' }))).to.deep.equal([{ status: 'pass', title: 'status 401', message: '' }]);
  });
  it('fails a status other than the expected one', () => {
    expect(outcomes('status.documented', exchange({ status: 500, expectStatus: 400, body: '{"Message":"x"}' }))).to.deep.equal([
      { status: 'fail', title: 'status 500, expected 400', message: 'Received: status 500 / Expected: status 400' },
    ]);
  });
  it('fails a missing response, naming the transport error', () => {
    expect(outcomes('status.documented', exchange({ noResponse: 'ECONNRESET', expectStatus: 200 }))).to.deep.equal([
      { status: 'fail', title: 'no response, expected 200', message: 'Received: no response (ECONNRESET) / Expected: status 200' },
    ]);
  });
  it('where the doc allows several statuses, passes any of them saying which, and fails another listing them', () => {
    const oneOf = (status: number, e = exchange({ status, body: '{"Message":"x"}' })) => ({ ...e, expect: { ...e.expect, status: 400, oneOf: [400, 401] } });
    expect(outcomes('status.documented', oneOf(401))).to.deep.equal([{ status: 'pass', title: 'status 401 (one of 400, 401: the doc does not say which)', message: '' }]);
    expect(outcomes('status.documented', oneOf(500))).to.deep.equal([
      { status: 'fail', title: 'status 500, expected one of 400, 401', message: 'Received: status 500 / Expected: status one of 400, 401' },
    ]);
    expect(outcomes('status.documented', oneOf(0, exchange({ noResponse: 'timeout' })))).to.deep.equal([
      { status: 'fail', title: 'no response, expected one of 400, 401', message: 'Received: no response (timeout) / Expected: status one of 400, 401' },
    ]);
  });
});

describe('xml.no-doctype, message by message', () => {
  it('quotes the declaration from where it starts, at most 60 characters of it', () => {
    const body = `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TokenResponse [<!ENTITY boom "${'x'.repeat(80)}">]><TokenResponse>&boom;</TokenResponse>`;
    expect(outcomes('xml.no-doctype', exchange({ mediaType: 'application/xml', body }))).to.deep.equal([{
      status: 'fail',
      title: 'DOCTYPE in the response',
      message: `Received: "<!DOCTYPE TokenResponse [<!ENTITY boom \\"${'x'.repeat(20)}" / Expected: no DOCTYPE or ENTITY declaration`,
    }]);
  });
  it('finds an ENTITY declaration without a DOCTYPE in any case', () => {
    const [outcome] = outcomes('xml.no-doctype', exchange({ mediaType: 'text/xml', body: '<x><!entity e "v"></x>' }));
    expect(outcome).to.deep.equal({ status: 'fail', title: 'DOCTYPE in the response', message: 'Received: "<!entity e \\"v\\"></x>" / Expected: no DOCTYPE or ENTITY declaration' });
  });
  it('passes a plain document with its title, and leaves an empty body and a missing response alone', () => {
    expect(outcomes('xml.no-doctype', exchange({ mediaType: 'application/xml', body: responseXml('backing-field') }))).to.deep.equal([{ status: 'pass', title: 'no DOCTYPE', message: '' }]);
    expect(outcomes('xml.no-doctype', exchange({ status: 401, body: '' }))).to.deep.equal([]);
    expect(outcomes('xml.no-doctype', exchange({ noResponse: 'timeout' }))).to.deep.equal([]);
  });
});

describe('fields.extra, message by message', () => {
  it('names every extra JSON member, counted, as information', () => {
    const body = JSON.stringify({ ...tokenObject(), productLine: 'C5', tenant: 't1' });
    expect(outcomes('fields.extra', exchange({ body }))).to.deep.equal([
      { status: 'info', title: '2 member(s) beyond the doc', message: 'Extra members (clients should ignore them): productLine, tenant' },
    ]);
  });
  it('names extra XML elements in either naming, and passes the documented ones', () => {
    const xml = responseXml('documented').replace('</TokenResponse>', '<productLine>C5</productLine></TokenResponse>');
    expect(outcomes('fields.extra', exchange({ mediaType: 'application/xml', body: xml }))).to.deep.equal([
      { status: 'info', title: '1 member(s) beyond the doc', message: 'Extra members (clients should ignore them): productLine' },
    ]);
    expect(outcomes('fields.extra', exchange({ mediaType: 'application/xml', body: responseXml('backing-field') }))).to.deep.equal([
      { status: 'pass', title: 'no members beyond the doc', message: '' },
    ]);
  });
  it('leaves alone what is no token response: an error status, a generic endpoint, no response, a JSON array, a broken body', () => {
    const extra = JSON.stringify({ ...tokenObject(), productLine: 'C5' });
    expect(outcomes('fields.extra', exchange({ status: 400, body: '{"Message":"x","productLine":"C5"}' }))).to.deep.equal([]);
    expect(outcomes('fields.extra', onGenericEndpoint(exchange({ body: extra })))).to.deep.equal([]);
    expect(outcomes('fields.extra', exchange({ noResponse: 'timeout' }))).to.deep.equal([]);
    expect(outcomes('fields.extra', exchange({ body: '[{"productLine":"C5"}]' }))).to.deep.equal([]);
    expect(outcomes('fields.extra', exchange({ body: '{"productLine":' }))).to.deep.equal([]);
  });
});

describe('the check registry and the recorded exchange', () => {
  it('finds a check by id and refuses an unknown one, listing the known ids', () => {
    expect(checkById('fields.extra').id).to.equal('fields.extra');
    expect(() => checkById('status.undocumented')).to.throw(`no check "status.undocumented"; known: ${CHECKS.map((c) => c.id).join(', ')}`);
    expect(() => checkById('nope')).to.throw(/known: status\.documented, content-type\.negotiated, /);
  });

  describe('recordedExchange', () => {
    afterEach(clearSecrets);
    const intent = { caseId: 'c1', mediaType: 'application/json', role: 'documented' as const, expect: { status: 200, body: 'token' as const }, request: exchange().request };
    it('keeps the intent and the response, and the live secrets known now', () => {
      const response = exchange({ body: '{}' }).response!;
      registerSecret('a-live-refresh-token-0123456789');
      expect(recordedExchange(intent, { response })).to.deep.equal({ ...intent, response, secrets: ['a-live-refresh-token-0123456789'] });
    });
    it('keeps a transport error, with the partial response when one arrived, and adds neither when absent', () => {
      const response = exchange({ body: '{"a"' }).response!;
      expect(recordedExchange(intent, { transportError: 'reset' })).to.deep.equal({ ...intent, transportError: 'reset', secrets: [] });
      expect(recordedExchange(intent, { response, transportError: 'reset' })).to.deep.equal({ ...intent, response, transportError: 'reset', secrets: [] });
      expect(Object.keys(recordedExchange(intent, { response }))).to.not.include('transportError');
    });
  });
});
