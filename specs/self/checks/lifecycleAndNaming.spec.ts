// token.rotation, token.replay-detection, token.expiry and naming.consistent, outcome by
// outcome: each verdict's exact title and Received / Expected, the run's naming verdict for
// every mix of formats and namings, and the exchanges that prove nothing (no earlier refresh,
// no response, an error status), so a changed rule or message shows here.

import { expect } from 'chai';
import { checkById } from '../../../src/checks/registry.ts';
import type { ProbeExchange } from '../../../src/checks/exchange.ts';
import { namingReport } from '../../../src/checks/naming.ts';
import { NAMING_ADVICE } from '../../../src/naming/classify.ts';
import { responseObject, responseXml } from '../support/docSamples.ts';
import { context, exchange } from './fixtures.ts';
import { failed, onGenericEndpoint, outcomes, passed } from './expectedOutcomes.ts';

const ISO = '2025-01-10T05:13:39.7555575-03:00';
const USED = 'b2xkLXJlZnJlc2gtdG9rZW4tMDAx';
const NEXT = 'bmV3LXJlZnJlc2gtdG9rZW4tMDAy';
const jsonToken = (naming: 'backing-field' | 'documented' = 'backing-field', overrides = {}) => JSON.stringify(responseObject(naming, { issued: ISO, expires: ISO, ...overrides }));
/** An exchange that recorded neither a response nor why (the check's own fallback wording). */
function unanswered(e: ProbeExchange): ProbeExchange {
  const { response: _dropped, ...rest } = e;
  return rest;
}

describe('token.rotation, outcome by outcome', () => {
  const refresh = exchange({ body: jsonToken('backing-field', { refreshToken: NEXT }), sentToken: USED });
  const replay = (previous: ProbeExchange | undefined, status = 401) => exchange({ role: 'replay', status, body: '{"Message":"x"}', sentToken: USED, ...(previous ? { previous } : {}) });
  it('passes a refused replay after a rotating refresh, saying whether the successor was read', () => {
    expect(outcomes('token.rotation', replay(refresh))).to.deep.equal(passed('a new refresh token was issued and the used one is refused with 401'));
    const unreadable = exchange({ body: jsonToken().slice(0, 30), sentToken: USED });
    expect(outcomes('token.rotation', replay(unreadable))).to.deep.equal(passed('the used refresh token is refused with 401 (its successor could not be read: see body.schema)'));
  });
  it('fails an accepted replay, and one that got no response at all', () => {
    expect(outcomes('token.rotation', replay(refresh, 200))).to.deep.equal(failed('a used refresh token is not refused', 'status 200', 'status 401 for a refresh token already used'));
    expect(outcomes('token.rotation', unanswered(replay(refresh)))).to.deep.equal(failed('a used refresh token is not refused', 'no response (unknown transport error)', 'status 401 for a refresh token already used'));
  });
  it('fails when the refresh before the replay did not succeed or handed the same token back', () => {
    const before = 'status 200 with a new refresh token';
    expect(outcomes('token.rotation', replay(undefined))).to.deep.equal(failed('the refresh before the replay failed', 'no refresh', before));
    expect(outcomes('token.rotation', replay(exchange({ status: 400, body: '{"Message":"x"}' })))).to.deep.equal(failed('the refresh before the replay failed', 'status 400', before));
    expect(outcomes('token.rotation', replay(exchange({ noResponse: 'reset' })))).to.deep.equal(failed('the refresh before the replay failed', 'no response (reset)', before));
    const same = exchange({ body: jsonToken('documented', { refreshToken: USED }), sentToken: USED });
    expect(outcomes('token.rotation', replay(same))).to.deep.equal(failed('the refresh returned the same refresh token', 'the used refresh token handed back unchanged', 'a new refresh token (rotation)'));
  });
});

describe('token.replay-detection, outcome by outcome', () => {
  const refused = exchange({ role: 'replay', status: 401, body: '{"Message":"x"}' });
  const successor = (status: number, previous?: ProbeExchange) => exchange({ role: 'after-replay', status, body: '{"Message":"x"}', ...(previous ? { previous } : {}) });
  it('passes a successor refused too, fails one still accepted or unanswered', () => {
    const expected = 'status 401: the token family revoked after a replay (RFC 9700 §4.14.2)';
    expect(outcomes('token.replay-detection', successor(401, refused))).to.deep.equal(passed('replay detected: the successor token was revoked too'));
    expect(outcomes('token.replay-detection', successor(200, refused))).to.deep.equal(failed('no replay detection', 'status 200 for the successor of a replayed refresh token', expected));
    expect(outcomes('token.replay-detection', unanswered(successor(200, refused)))).to.deep.equal(failed('no replay detection', 'no response (unknown transport error) for the successor of a replayed refresh token', expected));
  });
  it('judges nothing without a refused replay before, or without an answer', () => {
    expect(outcomes('token.replay-detection', successor(200))).to.deep.equal([]);
    expect(outcomes('token.replay-detection', successor(200, exchange({ role: 'replay', noResponse: 'reset' })))).to.deep.equal([]);
    expect(outcomes('token.replay-detection', successor(200, unanswered(refused)))).to.deep.equal([]);
    expect(outcomes('token.replay-detection', successor(200, exchange({ role: 'replay', status: 400, body: '{"Message":"x"}' })))).to.deep.equal([]);
    expect(outcomes('token.replay-detection', { ...successor(200, refused), transportError: 'cut off' })).to.deep.equal([]);
  });
});

describe('token.expiry, outcome by outcome', () => {
  const expired = (status: number) => exchange({ role: 'expired', status, body: '{"Message":"x"}' });
  it('passes 401 and fails anything else, an unanswered request included', () => {
    const expected = 'status 401 for a refresh token past its lifetime';
    expect(outcomes('token.expiry', expired(401))).to.deep.equal(passed('expired refresh token refused with 401'));
    expect(outcomes('token.expiry', expired(400))).to.deep.equal(failed('an expired refresh token is not refused', 'status 400', expected));
    expect(outcomes('token.expiry', unanswered(expired(401)))).to.deep.equal(failed('an expired refresh token is not refused', 'no response (unknown transport error)', expected));
  });
});

describe('naming.consistent, outcome by outcome', () => {
  const json = (naming: 'backing-field' | 'documented') => exchange({ body: jsonToken(naming) });
  const xml = (naming: 'backing-field' | 'documented') => exchange({ mediaType: 'application/xml', body: responseXml(naming) });
  const mixedBody = exchange({ body: JSON.stringify({ ...responseObject('backing-field'), access_token: 'x' }) });
  const unknownBody = exchange({ body: '{"foo":1}' });
  const ONE = 'one naming throughout: all backing-field or all documented names';

  it('passes one naming with its name as the title, and the one NAMING asks for', () => {
    expect(outcomes('naming.consistent', json('backing-field'))).to.deep.equal(passed('backing-field naming'));
    expect(outcomes('naming.consistent', xml('documented'), context({ naming: 'documented' }))).to.deep.equal(passed('documented naming'));
  });
  it('fails a mixed body, a body in no naming, and a naming NAMING does not ask for', () => {
    expect(outcomes('naming.consistent', mixedBody)).to.deep.equal(failed('mixed naming', 'backing-field and documented names in one body', ONE));
    expect(outcomes('naming.consistent', unknownBody)).to.deep.equal(failed('unknown naming', 'none of the documented or backing-field names', ONE));
    expect(outcomes('naming.consistent', json('backing-field'), context({ naming: 'documented' }))).to.deep.equal(
      failed('backing-field naming, NAMING=documented', 'backing-field names', 'documented names (NAMING=documented)'));
  });
  it('judges only a 200 token body of a token endpoint', () => {
    expect(outcomes('naming.consistent', exchange({ status: 400, body: jsonToken() }))).to.deep.equal([]);
    expect(outcomes('naming.consistent', exchange({ noResponse: 'reset' }))).to.deep.equal([]);
    expect(outcomes('naming.consistent', onGenericEndpoint(json('backing-field')))).to.deep.equal([]);
    expect(outcomes('naming.consistent', exchange({ body: '[1]' }))).to.deep.equal([]);
  });

  describe('the run\'s naming', () => {
    it('is the one naming both formats share', () => {
      expect(namingReport([json('backing-field'), xml('backing-field'), exchange({ status: 401, body: '{"Message":"x"}' })])).to.deep.equal(
        { verdict: 'backing-field', byFormat: { json: 'backing-field', xml: 'backing-field' }, advice: NAMING_ADVICE['backing-field'] });
      expect(namingReport([json('documented')])).to.deep.equal({ verdict: 'documented', byFormat: { json: 'documented' }, advice: NAMING_ADVICE.documented });
      expect(namingReport([xml('documented')])).to.deep.equal({ verdict: 'documented', byFormat: { xml: 'documented' }, advice: NAMING_ADVICE.documented });
    });
    it('is mixed across formats, with advice naming both', () => {
      expect(namingReport([json('documented'), xml('backing-field')])).to.deep.equal({
        verdict: 'mixed',
        byFormat: { json: 'documented', xml: 'backing-field' },
        advice: 'JSON responses use documented names but XML responses use backing-field names, so a client cannot switch formats. '
          + 'A fix on the JSON side only (IgnoreSerializableAttribute = true, or [JsonObject]) leaves DataContractSerializer writing backing fields; '
          + 'put [DataContract] on the class and [DataMember(Name = "access_token")] etc. on every member to name both formats the same way.',
      });
    });
    it('is mixed when one format changes naming from response to response', () => {
      expect(namingReport([json('backing-field'), json('documented')])).to.deep.equal({ verdict: 'mixed', byFormat: { json: 'mixed' }, advice: NAMING_ADVICE.mixed });
    });
    it('is the worst verdict of a format: mixed or unknown before a clean naming, whichever format it is in', () => {
      expect(namingReport([mixedBody, xml('documented')])).to.deep.equal({ verdict: 'mixed', byFormat: { json: 'mixed', xml: 'documented' }, advice: NAMING_ADVICE.mixed });
      const mixedXml = exchange({ mediaType: 'application/xml', body: responseXml('documented').replace(/access_token>/g, '_x003C_accessToken_x003E_k__BackingField>') });
      expect(namingReport([json('documented'), mixedXml])).to.deep.equal({ verdict: 'mixed', byFormat: { json: 'documented', xml: 'mixed' }, advice: NAMING_ADVICE.mixed });
      expect(namingReport([json('backing-field'), { ...unknownBody, mediaType: 'application/xml', response: { ...unknownBody.response!, headers: { 'content-type': 'application/xml' }, body: '<TokenResponse><foo>1</foo></TokenResponse>' } }]))
        .to.deep.equal({ verdict: 'unknown', byFormat: { json: 'backing-field', xml: 'unknown' }, advice: NAMING_ADVICE.unknown });
      expect(namingReport([unknownBody, xml('backing-field')])).to.deep.equal({ verdict: 'unknown', byFormat: { json: 'unknown', xml: 'backing-field' }, advice: NAMING_ADVICE.unknown });
    });
    it('passes across the run with each format\'s naming, fails a mix, and says nothing without token responses', () => {
      const acrossRun = checkById('naming.consistent').acrossRun!;
      expect(acrossRun([json('documented'), xml('documented')], context())).to.deep.equal(passed('documented naming across the run (json: documented, xml: documented)'));
      expect(acrossRun([json('documented'), xml('backing-field')], context())).to.deep.equal(
        failed('mixed naming across the run', 'json: documented, xml: backing-field', 'one naming in every response and both formats'));
      expect(acrossRun([exchange({ status: 401, body: '{"Message":"x"}' })], context())).to.deep.equal([]);
    });
  });
});
