// How the evaluator turns what checks say into findings, and how an outcome is worded: the worst
// status wins, its titles and messages are kept once each, a check that does not apply leaves no
// finding, and every message is redacted. Checks here are small stand-ins given as data.

import { expect } from 'chai';
import type { Check } from '../../../src/checks/check.ts';
import { evaluateProbe, evaluateRun, judges, RUN_CASE, RUN_MEDIA_TYPE } from '../../../src/checks/evaluate.ts';
import type { ProbeExchange } from '../../../src/checks/exchange.ts';
import { fail, failWith, info, pass, quote, skip as skipOutcome, type Outcome } from '../../../src/checks/outcome.ts';
import { clearSecrets, registerSecret, tokenShape } from '../../../src/redaction/redactor.ts';
import { context, exchange } from './fixtures.ts';
import { packageEndpoint } from '../../../src/endpoints/packageEndpoints.ts';

const skip = (title: string, message = ''): Outcome => ({ status: 'skip', title, message });

/** A check that says `outcomes` about every exchange it is asked about. */
function saying(outcomes: Outcome[], extra: Partial<Check> = {}): Check {
  return { id: 'stand.in', title: 'stand-in', rule: 'none', level: 'SHOULD', run: () => outcomes, ...extra };
}

function findingOf(check: Check, exchanges: ProbeExchange[] = [exchange()]) {
  return evaluateProbe('case-1', 'application/xml', exchanges, context(), [check]);
}

describe('evaluateProbe: which endpoints a check judges', () => {
  const generic = { ...exchange(), endpoint: { ...packageEndpoint('refresh-token'), role: 'generic' as const, wire: undefined } };
  it('asks a token-endpoints-only check about a token endpoint\'s exchange, never about a generic one\'s', () => {
    const tokenOnly = saying([fail('f', 'a', 'b')], { tokenEndpointsOnly: true });
    expect(findingOf(tokenOnly, [exchange()]).map((f) => f.status)).to.deep.equal(['fail']);
    expect(findingOf(tokenOnly, [{ ...exchange(), endpoint: packageEndpoint('login') }]).map((f) => f.status)).to.deep.equal(['fail']);
    expect(findingOf(tokenOnly, [generic])).to.deep.equal([]);
  });
  it('asks every other check about any endpoint\'s exchange', () => {
    expect(findingOf(saying([fail('f', 'a', 'b')]), [generic]).map((f) => f.status)).to.deep.equal(['fail']);
  });
});

describe('evaluateProbe: merging outcomes into findings', () => {
  const ranked: [string, Outcome, Outcome][] = [
    ['info over pass', pass('p'), info('i', 'm')],
    ['skip over info', info('i', 'm'), skip('s')],
    ['fail over skip', skip('s'), fail('f', 'a', 'b')],
    ['fail over pass', pass('p'), fail('f', 'a', 'b')],
  ];
  for (const [name, lower, higher] of ranked) {
    it(`lets the worse status win: ${name}, in either order`, () => {
      expect(findingOf(saying([lower, higher]))[0]).to.include({ status: higher.status, title: higher.title });
      expect(findingOf(saying([higher, lower]))[0]).to.include({ status: higher.status, title: higher.title });
    });
  }

  it('stamps the check\'s id and level and the probe\'s case and media type', () => {
    expect(findingOf(saying([pass('ok')]))).to.deep.equal([
      { check: 'stand.in', caseId: 'case-1', mediaType: 'application/xml', status: 'pass', level: 'SHOULD', title: 'ok', message: '' },
    ]);
  });

  it('keeps each title and message of the worst outcomes once, drops empty messages and the better outcomes', () => {
    const outcomes = [fail('bad a', '1', '2'), pass('fine', 'not shown'), fail('bad a', '1', '2'), failWith('bad b', ''), fail('bad c', '3', '4')];
    expect(findingOf(saying(outcomes))[0]).to.include({
      status: 'fail',
      title: 'bad a; bad b; bad c',
      message: 'Received: 1 / Expected: 2 | Received: 3 / Expected: 4',
    });
  });

  it('merges the outcomes of every exchange of the probe', () => {
    let asked = 0;
    const check = saying([], { run: () => (asked++ === 0 ? [pass('first')] : [fail('second', 'x', 'y')]) });
    expect(findingOf(check, [exchange(), exchange({ role: 'replay' })])[0]).to.include({ status: 'fail', title: 'second' });
  });

  it('leaves no finding for a check that has nothing to say', () => {
    expect(findingOf(saying([]))).to.deep.equal([]);
  });

  it('asks a check only about the roles it judges', () => {
    const asked: string[] = [];
    const check = saying([], { roles: ['replay'], run: (e) => { asked.push(e.role); return [pass(e.role)]; } });
    const findings = findingOf(check, [exchange(), exchange({ role: 'replay' }), exchange({ role: 'after-replay' })]);
    expect(asked).to.deep.equal(['replay']);
    expect(findings.map((f) => f.title)).to.deep.equal(['replay']);
  });

  it('judges every role when a check names none, and only its own roles when it names some', () => {
    expect(judges(saying([]), 'after-replay')).to.equal(true);
    expect(judges(saying([], { roles: ['documented', 'replay'] }), 'replay')).to.equal(true);
    expect(judges(saying([], { roles: ['documented'] }), 'replay')).to.equal(false);
  });
});

describe('evaluateRun: run-level findings', () => {
  it('reports what a check says across the run under the run case and every media type', () => {
    const check = saying([], { acrossRun: (all) => [info('seen', `${all.length} exchanges`)] });
    expect(evaluateRun([exchange(), exchange()], context(), [check])).to.deep.equal([
      { check: 'stand.in', caseId: RUN_CASE, mediaType: RUN_MEDIA_TYPE, status: 'info', level: 'SHOULD', title: 'seen', message: '2 exchanges' },
    ]);
    expect([RUN_CASE, RUN_MEDIA_TYPE]).to.deep.equal(['run', '*']);
  });

  it('leaves no finding for checks that do not judge the run, or say nothing about it', () => {
    expect(evaluateRun([exchange()], context(), [saying([pass('per exchange')]), saying([], { acrossRun: () => [] })])).to.deep.equal([]);
  });
});

describe('outcomes', () => {
  it('words a skip by its reason alone: a skip has no Received / Expected', () => {
    expect(skipOutcome('the page documents no response body')).to.deep.equal({ status: 'skip', title: 'the page documents no response body', message: '' });
  });

  afterEach(clearSecrets);
  const token = 'Zq9xLiveToken_123';

  it('word a failure as Received / Expected and a pass with an optional message', () => {
    expect(fail('t', 'a 500', 'a 200')).to.deep.equal({ status: 'fail', title: 't', message: 'Received: a 500 / Expected: a 200' });
    expect(pass('t')).to.deep.equal({ status: 'pass', title: 't', message: '' });
    expect(pass('t', 'why')).to.deep.equal({ status: 'pass', title: 't', message: 'why' });
  });

  it('redact live tokens in failure and info messages', () => {
    registerSecret(token);
    expect(fail('t', token, 'x').message).to.equal(`Received: ${tokenShape(token)} / Expected: x`);
    expect(failWith('t', `got ${token}`).message).to.equal(`got ${tokenShape(token)}`);
    expect(info('t', `got ${token}`)).to.deep.equal({ status: 'info', title: 't', message: `got ${tokenShape(token)}` });
  });

  it('quote a value as JSON, cut to the given length with an ellipsis only when longer', () => {
    expect(quote('a"b')).to.equal('"a\\"b"');
    expect(quote('abcd', 6)).to.equal('"abcd"');
    expect(quote('abcde', 6)).to.equal('"ab...');
    expect(quote('x'.repeat(118))).to.equal(`"${'x'.repeat(118)}"`);
    expect(quote('x'.repeat(119))).to.equal(`"${'x'.repeat(116)}...`);
  });

  it('quote redacts a live token inside the value', () => {
    registerSecret(token);
    expect(quote(`id ${token}`)).to.equal(`"id ${tokenShape(token)}"`);
  });
});
