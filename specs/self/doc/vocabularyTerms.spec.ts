// The vocabulary's smaller readers, each phrase as a copy writes it and as a damaged copy might:
// headings with marks, spacing and bilingual forms, damaged table headers, column titles,
// annotations at their edges, type phrases in any case, response codes, glued headings.
// Cases are data; each states the exact reading.

import { expect } from 'chai';
import {
  columnOf, headingOf, isNone, isStrongTypePhrase, partialHeader, readAnnotations, readResponseCode, readTypePhrase, splitGluedHeading, unmarked,
} from '../../../src/doc/vocabulary.ts';

const table = <I, O>(name: string, read: (input: I) => O, cases: [I, O][]) => describe(name, () => {
  for (const [input, expected] of cases) it(`reads ${JSON.stringify(input)} as ${JSON.stringify(expected)}`, () => expect(read(input)).to.deep.equal(expected));
});

describe('Help Page vocabulary terms', () => {
  table('headingOf', headingOf, [
    ['  URI Parameters ', 'URI Parameters'],
    ['URI   Parameters', 'URI Parameters'],
    ['## URI Parameters', 'URI Parameters'],
    ['#URI Parameters', 'URI Parameters'],
    ['**Request Formats**', 'Request Formats'],
    [' **Request Formats**', undefined],
    ['Request Formats#', undefined],
    ['Códigos do Recurso(Response Codes)', 'Response Codes'],
    ['Códigos do Recurso (Codes)', 'Response Codes'],
    ['Códigos (Response Codes) de novo', undefined],
    ['Something (Else)', undefined],
    ['Parâmetros do Corpo', 'Body Parameters'],
  ]);

  table('unmarked', unmarked, [
    ['### application/json', 'application/json'],
    ['**text/xml**', 'text/xml'],
    ['a ## b', 'a ## b'],
    ['**text/xml** x', '**text/xml** x'],
  ]);

  table('partialHeader', partialHeader, [
    ['Name | Type |', ['name', 'type']],
    ['Name | Type | API |', ['name', 'type']],
    ['NameTypeAdditional information', ['name', 'type', 'additional']],
    ['Name | Description |', undefined],
    ['Type | Additional information |', undefined],
    ['Description | Additional information |', undefined],
  ]);

  table('columnOf', columnOf, [
    ['Name', 'name'],
    ['NAME', 'name'],
    [' Type ', 'type'],
    ['Descrição (Description)', 'description'],
    ['Informações Adicionais (Additional Information)', 'additional'],
    ['Valor', 'value'],
    ['API', 'api'],
    ['Names', undefined],
    ['Colour', undefined],
  ]);

  table('isNone', isNone, [[' None. ', true], ['Não há.', true], ['nenhum.', true], ['None', false], ['None. Required', false]]);

  table('readAnnotations', readAnnotations, [
    ['', undefined],
    [' \n ', undefined],
    [' \nNone.', {}],
    ['None.\nRequired', undefined],
    ['required', { required: true }],
    ['Required.', { required: true }],
    ['Required yes', undefined],
    ['Data type: Password.', { dataType: 'Password' }],
    ['Data type: e.mail.', { dataType: 'e.mail' }],
    ['Data type:', undefined],
    ['Data type: .', undefined],
    ['Tipo de dado: senha', { dataType: 'senha' }],
    ['range: inclusive between 1 and 2', { range: { min: 1, max: 2 } }],
    ['Range: inclusive between 10 and 200', { range: { min: 10, max: 200 } }],
    ['Range: inclusive between -1.5 and 2.25', { range: { min: -1.5, max: 2.25 } }],
    ['Range: x inclusive between 1 and 2', undefined],
    ['Range: inclusive between 1 and 2 or so', undefined],
    ['String length: inclusive between 0 and 50', { stringLength: { min: 0, max: 50 } }],
    ['Max length: 10', { maxLength: 10 }],
    ['Max length: ten', undefined],
    ['Max length: 5x', undefined],
    ['Max length: x5', undefined],
    ['Min length: 2', { minLength: 2 }],
    ['Matching regular expression pattern:', undefined],
    ['Matching regular expression pattern: ^a$', { pattern: '^a$' }],
  ]);

  table('readTypePhrase', readTypePhrase, [
    ['STRING', { kind: 'primitive', name: 'string' }],
    ['Decimal Number', { kind: 'primitive', name: 'decimal number' }],
    ['decimal  number', { kind: 'primitive', name: 'decimal number' }],
    [' Collection  of  string ', { kind: 'collection', items: { kind: 'primitive', name: 'string' } }],
    ['Coleção de integer', { kind: 'collection', items: { kind: 'primitive', name: 'integer' } }],
    ['Collection of Bad Type', undefined],
    ['Dicionário de string [key] and integer [value]', { kind: 'dictionary', key: { kind: 'primitive', name: 'string' }, value: { kind: 'primitive', name: 'integer' } }],
    ['A Dictionary of string [key] and integer [value]', undefined],
    ['Dictionary of string [key] and integer [value] x', undefined],
    ['Dictionary of string [key] and Bad Type [value]', undefined],
    ['Dictionary of Bad Type [key] and string [value]', undefined],
    ['List`1', { kind: 'named', name: 'List`1' }],
  ]);

  table('readResponseCode', readResponseCode, [
    ['- OK (200)', { reason: 'OK', status: 200 }],
    ['OK (200)', { reason: 'OK', status: 200 }],
    ['-OK (200)', { reason: 'OK', status: 200 }],
    ['* Bad Request (400)', { reason: 'Bad Request', status: 400 }],
    ['OK (200) again', undefined],
    ['OK (20)', undefined],
    ['200 OK', { reason: 'OK', status: 200 }],
    ['- 200 OK: the token', { reason: 'OK', status: 200 }],
    ['-404 NotFound', { reason: 'NotFound', status: 404 }],
    ['• 500 Error:', { reason: 'Error', status: 500 }],
    ['x 200 OK', undefined],
    ['200 OK x', undefined],
    ['2000 OK', undefined],
    ['abc OK', undefined],
    ['200 !!', undefined],
  ]);

  table('isStrongTypePhrase', isStrongTypePhrase, [['integer', true], ['Collection of Order', true], ['Order', false], ['not a type!', false]]);

  table('splitGluedHeading', splitGluedHeading, [
    ['globally unique identifierResponse Formats', ['globally unique identifier', 'Response Formats']],
    ['None. Request Information', ['None.', 'Request Information']],
    ['Response Formats', undefined],
    ['Response Formats extra', undefined],
    ['Response formats', undefined],
  ]);
});
