// The generator's vocabulary, phrase by phrase: type phrases, annotations (English and
// Portuguese, one per paragraph or run together), headings in both languages. Cases are data.

import { expect } from 'chai';
import { headingOf, readAnnotations, readTypePhrase } from '../../../src/doc/vocabulary.ts';

describe('Help Page vocabulary', () => {
  const types: [string, unknown][] = [
    ['string', { kind: 'primitive', name: 'string' }],
    ['globally unique identifier', { kind: 'primitive', name: 'globally unique identifier' }],
    ['time interval', { kind: 'primitive', name: 'time interval' }],
    ['URI', { kind: 'primitive', name: 'URI' }],
    ['Collection of Order', { kind: 'collection', items: { kind: 'named', name: 'Order' } }],
    ['Collection of Collection of integer', { kind: 'collection', items: { kind: 'collection', items: { kind: 'primitive', name: 'integer' } } }],
    ['Dictionary of string [key] and Collection of byte [value]', { kind: 'dictionary', key: { kind: 'primitive', name: 'string' }, value: { kind: 'collection', items: { kind: 'primitive', name: 'byte' } } }],
    ['ApiSuccessOfLoginResult', { kind: 'named', name: 'ApiSuccessOfLoginResult' }],
    ['Array of decimal', undefined],
    ['Refresh token from last Response', undefined],
  ];
  for (const [phrase, expected] of types) {
    it(`reads the Type "${phrase}"`, () => expect(readTypePhrase(phrase)).to.deep.equal(expected));
  }

  const annotations: [string, unknown][] = [
    ['None.', {}],
    ['Não há.', {}],
    ['Required', { required: true }],
    ['Obrigatório', { required: true }],
    ['Obrigatório. Tipo de dado: senha', { required: true, dataType: 'senha' }],
    ['Required Data type: Password String length: inclusive between 6 and 100', { required: true, dataType: 'Password', stringLength: { min: 6, max: 100 } }],
    ['Required\nMax length: 256\nMin length: 2', { required: true, maxLength: 256, minLength: 2 }],
    ['Range: inclusive between 1 and 100', { range: { min: 1, max: 100 } }],
    ['Matching regular expression pattern: ^\\d{5}(-\\d{4})?$', { pattern: '^\\d{5}(-\\d{4})?$' }],
    ['Required Matching regular expression pattern: ^[yn]{1}$ String length: inclusive between 0 and 1', { required: true, pattern: '^[yn]{1}$', stringLength: { min: 0, max: 1 } }],
    ['Matching regular expression pattern: ^[A-Z ]+$ Max length: 10 Min length: 2', { pattern: '^[A-Z ]+$', maxLength: 10, minLength: 2 }],
    ['Matching regular expression pattern: ^a String length: b$', { pattern: '^a String length: b$' }],
    ['Required field', undefined],
    ['Range: 1 to 100', undefined],
    ['string', undefined],
  ];
  for (const [cell, expected] of annotations) {
    it(`reads the Additional information "${cell.replace(/\n/g, ' / ')}"`, () => expect(readAnnotations(cell)).to.deep.equal(expected));
  }

  const headings: [string, string | undefined][] = [
    ['Response Codes', 'Response Codes'],
    ['Códigos do Recurso (Response Codes)', 'Response Codes'],
    ['Informações para Resposta (Response Information)', 'Response Information'],
    ['Descrição dos Recursos', 'Resource Description'],
    ['## Request Formats', 'Request Formats'],
    ['Response Kodes', undefined],
  ];
  for (const [text, expected] of headings) {
    it(`reads the heading "${text}"`, () => expect(headingOf(text)).to.equal(expected));
  }
});
