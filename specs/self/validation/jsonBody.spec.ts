// The JSON validator's verdicts and its Received/Expected wording: real calendar dates only,
// every problem located (JSON Pointer and member name, escapes decoded), values quoted short and
// redacted, and each naming judged by its own schema.

import { expect } from 'chai';
import { createAjv, describe as describeValue, forgetCompiledSchemas, jsonProblems, validateJsonBody } from '../../../src/validation/jsonBody.ts';
import { isDotnetDateTime } from '../../../src/validation/schemaFormats.ts';
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
    ['2025-01-10 05:13:39', false],
    ['2025-01-10T05:13:39-0300', false],
  ];
  for (const [value, valid] of cases) {
    it(`${valid ? 'accepts' : 'refuses'} ${value}`, () => expect(isDotnetDateTime(value)).to.equal(valid));
  }
});

describe('JSON bodies: problems as Received / Expected', () => {
  afterEach(clearSecrets);
  // Each case compiles the committed schemas itself, so what it asserts covers their compilation too.
  beforeEach(forgetCompiledSchemas);

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

  it('judges each kind of body by its own committed schema: request, error, and each naming\'s response', () => {
    const issued = '2025-01-10T05:13:39.7555575-03:00';
    const responses = { 'backing-field': responseObject('backing-field', { issued, expires: issued }), documented: responseObject('documented', { issued, expires: issued }) };
    expect(validateJsonBody('request', { refresh_token: 'x' })).to.deep.equal([]);
    expect(validateJsonBody('error', { Message: 'An error has occurred.' })).to.deep.equal([]);
    expect(validateJsonBody('error', {}).map((p) => p.expected)).to.deep.equal(['member "Message"']);
    expect(validateJsonBody('request', { Message: 'x' }).map((p) => p.expected)).to.deep.equal(['member "refresh_token"']);
    for (const naming of ['backing-field', 'documented'] as const) {
      expect(validateJsonBody('response', responses[naming], naming), naming).to.deep.equal([]);
      expect(validateJsonBody('error', responses[naming], naming), `${naming} response as an error`).to.not.deep.equal([]);
    }
    expect(validateJsonBody('response', responses['backing-field'], 'documented')).to.not.deep.equal([]);
  });

  it('compiles schemas strictly, reporting every problem, with union types and the formats the pages use', () => {
    const ajv = createAjv();
    expect(() => ajv.compile({ type: 'object', propertiez: {} }), 'an unknown keyword').to.throw(/strict mode: unknown keyword/);
    const both = ajv.compile({ type: 'object', required: ['a', 'b'], properties: { a: { type: 'integer' }, b: { type: 'integer' }, c: { type: ['string', 'null'] } } });
    expect(jsonProblems(both, { c: null }).map((p) => p.field)).to.deep.equal(['a', 'b']);
    expect(jsonProblems(both, { a: 1, b: 1, c: 'x' })).to.deep.equal([]);
    const formats: [string, string, string][] = [
      ['email', 'user@example.com', 'no-at-sign'],
      ['uri', 'https://example.com/a', '/relative'],
      ['uri-reference', '/relative', 'http://exa mple.com'],
      ['date', '2025-01-10', '2025-01-32'],
      ['uuid', '0f8fad5b-d9cb-469f-a165-70867728950e', 'not-a-uuid'],
      ['dotnet-date-time', '2025-01-10T05:13:39', '2025-01-10'],
    ];
    for (const [format, good, bad] of formats) {
      const validate = ajv.compile({ type: 'string', format });
      expect(jsonProblems(validate, good), `${format} ${good}`).to.deep.equal([]);
      expect(jsonProblems(validate, bad).map((p) => p.expected), `${format} ${bad}`).to.have.length(1);
    }
    expect(jsonProblems(ajv.compile({ type: 'integer', format: 'dotnet-date-time' }), 5), 'the .NET date format is for strings only').to.deep.equal([]);
  });

  it('quotes values as JSON, cut at 120 characters', () => {
    expect(describeValue(undefined)).to.equal('undefined');
    expect(describeValue('x'.repeat(118))).to.equal(`"${'x'.repeat(118)}"`);
    expect(describeValue('x'.repeat(119))).to.equal(`"${'x'.repeat(116)}...`);
  });
});
