// The JSON validator's verdicts and its Received/Expected wording: real calendar dates only,
// every problem located (JSON Pointer and member name, escapes decoded), values quoted short and
// redacted, and each naming judged by its own schema.

import { expect } from 'chai';
import { createAjv, describe as describeValue, isDotnetDateTime, jsonProblems, validateJsonBody } from '../../../src/validation/jsonBody.ts';
import { clearSecrets, registerSecret, tokenShape } from '../../../src/redaction/redactor.ts';
import { responseObject } from '../support/docSamples.ts';

describe('JSON bodies: .NET dates', () => {
  const cases: [string, boolean][] = [
    ['2025-01-10T05:13:39.7555575-03:00', true],
    ['2024-02-29T00:00:00', true],
    ['2025-02-29T00:00:00', false],
    ['2025-04-30T23:59:59Z', true],
    ['2025-04-31T00:00:00', false],
    ['2025-12-31T00:00:00', true],
    ['2025-00-10T00:00:00', false],
    ['2025-13-10T00:00:00', false],
    ['2025-01-00T00:00:00', false],
    ['2025-01-01T24:00:00', false],
    ['2025-01-01T00:60:00', false],
    ['2025-01-01T00:00:60', false],
    ['10/01/2025 05:13:39', false],
  ];
  for (const [value, valid] of cases) {
    it(`${valid ? 'accepts' : 'refuses'} ${value}`, () => expect(isDotnetDateTime(value)).to.equal(valid));
  }
});

describe('JSON bodies: problems as Received / Expected', () => {
  afterEach(clearSecrets);

  it('names a missing member at the object that lacks it', () => {
    expect(validateJsonBody('request', {})).to.deep.equal([{ field: 'refresh_token', path: '/', received: 'no such member', expected: 'member "refresh_token"' }]);
  });

  it('names a member of the wrong type with its value and the types allowed', () => {
    expect(validateJsonBody('request', { refresh_token: 5 })).to.deep.equal([{ field: 'refresh_token', path: '/refresh_token', received: '5', expected: 'a value of type string' }]);
    expect(validateJsonBody('error', { Message: 1 })).to.deep.equal([{ field: 'Message', path: '/Message', received: '1', expected: 'a value of type string' }]);
  });

  it('decodes the pointer escapes in member names, lists union types and explains the date format', () => {
    const validate = createAjv().compile({
      type: 'object',
      properties: { 'a/b': { type: 'integer' }, 'c~d': { type: ['integer', 'null'] }, e: { type: 'string', format: 'dotnet-date-time' } },
    });
    expect(jsonProblems(validate, { 'a/b': 'x', 'c~d': 'y', e: '2025-13-01T00:00:00' })).to.deep.equal([
      { field: 'a/b', path: '/a~1b', received: '"x"', expected: 'a value of type integer' },
      { field: 'c~d', path: '/c~0d', received: '"y"', expected: 'a value of type integer or null' },
      { field: 'e', path: '/e', received: '"2025-13-01T00:00:00"', expected: 'a dotnet-date-time (.NET form yyyy-MM-ddTHH:mm:ss[.fffffff][Z|±hh:mm])' },
    ]);
    expect(jsonProblems(validate, { e: '2025-12-01T00:00:00' })).to.deep.equal([]);
  });

  it('words other keywords by ajv\'s message, and a body of the wrong type at the root', () => {
    const validate = createAjv().compile({ type: 'object', properties: { n: { type: 'integer', minimum: 3 } } });
    expect(jsonProblems(validate, { n: 1 })).to.deep.equal([{ field: 'n', path: '/n', received: '1', expected: 'must be >= 3' }]);
    expect(jsonProblems(validate, [1])).to.deep.equal([{ path: '/', received: '[1]', expected: 'a value of type object' }]);
  });

  it('redacts a live token quoted as a received value', () => {
    const token = 'Zq9xLiveToken_123';
    registerSecret(token);
    expect(validateJsonBody('request', { refresh_token: [token] })[0]!.received).to.equal(`["${tokenShape(token)}"]`);
  });

  it('judges a token response by the schema of the naming it is told', () => {
    const issued = '2025-01-10T05:13:39.7555575-03:00';
    const documented = responseObject('documented', { issued, expires: issued });
    expect(validateJsonBody('response', documented, 'documented')).to.deep.equal([]);
    expect(validateJsonBody('response', documented, 'backing-field')).to.not.deep.equal([]);
    expect(validateJsonBody('response', responseObject('backing-field', { issued, expires: issued }))).to.deep.equal([]);
  });

  it('quotes values as JSON, cut at 120 characters', () => {
    expect(describeValue(undefined)).to.equal('undefined');
    expect(describeValue('x'.repeat(118))).to.equal(`"${'x'.repeat(118)}"`);
    expect(describeValue('x'.repeat(119))).to.equal(`"${'x'.repeat(116)}...`);
  });
});
