// Completing an endpoint's types, case by case: what a table, a ResourceModel page and the JSON
// sample each contribute, which sample is read, how members find their sample values (own name
// or backing field), and what a JSON value is inferred as. Each case builds its endpoint inside
// the test, so every run reads it afresh.

import { expect } from 'chai';
import type { ApiEndpoint, ComplexType, Member, Sample, SourceLocation, TypeDefinition, TypeRef } from '../../../src/doc/apiModel.ts';
import { inferType, resolveTypes, sampleKey } from '../../../src/doc/resolveTypes.ts';

const PAGE: SourceLocation = { source: 'orders.txt', line: 1 };
const AT_JSON: SourceLocation = { source: 'orders.txt', line: 40 };
const AT_XML: SourceLocation = { source: 'orders.txt', line: 30 };
const named = (name: string): TypeRef => ({ kind: 'named', name });
const primitive = (name: 'string' | 'integer' | 'boolean'): TypeRef => ({ kind: 'primitive', name });

const json = (value: unknown, at = AT_JSON): Sample => ({ mediaTypes: ['application/json'], format: 'json', text: JSON.stringify(value), at });
const xml = (text: string): Sample => ({ mediaTypes: ['application/xml'], format: 'xml', text, at: AT_XML });

function member(name: string, type: TypeRef, line = 10): Member {
  return { name, description: '', type, typeText: type.kind === 'named' ? type.name : 'string', annotations: {}, at: { source: 'orders.txt', line } };
}

function table(name: string, members: Member[]): ComplexType {
  return { kind: 'complex', name, description: 'from the table', members, origin: 'table', at: { source: 'orders.txt', line: 8 } };
}

function endpoint(response: { type: TypeRef; samples: Sample[] } | undefined, types: TypeDefinition[] = [], extra: Partial<ApiEndpoint> = {}): ApiEndpoint {
  return {
    method: 'GET',
    path: 'api/orders',
    description: '',
    uriParameters: [],
    ...(response ? { response: { caption: '', typeText: 'Order', ...response } } : {}),
    responseCodes: [],
    types: new Map(types.map((t) => [t.name, t])),
    notes: [],
    at: PAGE,
    ...extra,
  };
}

/** A member as inference writes it: the sample's key, no description, no annotations, the sample's place. */
function inferredMember(name: string, type: TypeRef, at = AT_JSON): Member {
  return { name, description: '', type, typeText: '(inferred from the sample)', annotations: {}, at };
}

describe('Help Page types completed from tables, ResourceModel pages and samples', () => {
  it('infers an undescribed response type from its JSON sample, member by member, in the sample\'s order', () => {
    const guid = '8f2b6a54-1c3d-4e5f-9a7b-0c1d2e3f4a5b';
    const sample = {
      Number: 1, Total: 1.5, Paid: true, Note: 'sample string 4', Id: guid, Placed: '2025-01-10T05:13:39.7555575-03:00',
      Lines: [{ Sku: 'sample string 1' }], Tags: [], Customer: { Name: 'sample string 1' }, Extra: null, 'Ship-To': { City: 'x' },
    };
    const e = endpoint({ type: named('Order'), samples: [json(sample)] });
    resolveTypes(e);
    expect(e.types.get('Order')).to.deep.equal({
      kind: 'complex', name: 'Order', description: '', origin: 'inferred', at: AT_JSON,
      members: [
        inferredMember('Number', primitive('integer')),
        inferredMember('Total', { kind: 'primitive', name: 'decimal number' }),
        inferredMember('Paid', primitive('boolean')),
        inferredMember('Note', primitive('string')),
        inferredMember('Id', { kind: 'primitive', name: 'globally unique identifier' }),
        inferredMember('Placed', { kind: 'primitive', name: 'date' }),
        inferredMember('Lines', { kind: 'collection', items: named('Order_Lines') }),
        inferredMember('Tags', { kind: 'collection', items: { kind: 'primitive', name: 'Object' } }),
        inferredMember('Customer', named('Order_Customer')),
        inferredMember('Extra', { kind: 'primitive', name: 'Object' }),
        inferredMember('Ship-To', named('Order_ShipTo')),
      ],
    });
  });

  it('infers the nested objects the inferred members name, each from its own part of the sample', () => {
    const e = endpoint({ type: named('Order'), samples: [json({ Lines: [{ Sku: 'a', Qty: 2 }], 'Ship-To': { City: 'x' } })] });
    resolveTypes(e);
    expect([...e.types.keys()]).to.deep.equal(['Order', 'Order_Lines', 'Order_ShipTo']);
    expect(e.types.get('Order_Lines')).to.deep.equal({
      kind: 'complex', name: 'Order_Lines', description: '', origin: 'inferred', at: AT_JSON,
      members: [inferredMember('Sku', primitive('string')), inferredMember('Qty', primitive('integer'))],
    });
    expect((e.types.get('Order_ShipTo') as ComplexType).members).to.deep.equal([inferredMember('City', primitive('string'))]);
  });

  it('reads the first JSON sample, skipping the XML one before it, and places inferred types on it', () => {
    const later: SourceLocation = { source: 'orders.txt', line: 52 };
    const e = endpoint({ type: named('Order'), samples: [xml('<Order><Number>1</Number></Order>'), json({ Number: 1 }), json({ Other: 'x' }, later)] });
    resolveTypes(e);
    expect(e.types.get('Order')).to.deep.equal({ kind: 'complex', name: 'Order', description: '', origin: 'inferred', at: AT_JSON, members: [inferredMember('Number', primitive('integer'))] });
  });

  it('leaves a type undefined when no JSON sample shows it: only XML, a JSON sample that does not parse, or none', () => {
    const samples: Sample[][] = [[xml('<Order><Number>1</Number></Order>')], [{ ...json({}), text: '{ "Number": 1, ' }], []];
    for (const s of samples) {
      const e = endpoint({ type: named('Order'), samples: s });
      resolveTypes(e);
      expect(e.types.size, JSON.stringify(s)).to.equal(0);
    }
  });

  it('names an undescribed type shown as a plain value a scalar of that value\'s type (an enum written by name or number)', () => {
    const e = endpoint({ type: named('Order'), samples: [json({ Status: 'Open', Priority: 2 })] }, [table('Order', [member('Status', named('OrderStatus')), member('Priority', named('Priority'))])]);
    resolveTypes(e);
    expect(e.types.get('OrderStatus')).to.deep.equal({ kind: 'scalar', name: 'OrderStatus', primitive: 'string', at: AT_JSON });
    expect(e.types.get('Priority')).to.deep.equal({ kind: 'scalar', name: 'Priority', primitive: 'integer', at: AT_JSON });
  });

  it('leaves a named type undefined when its sample value is an array (no generator writes a named type so)', () => {
    const e = endpoint({ type: named('Order'), samples: [json({ Codes: [1, 2] })] }, [table('Order', [member('Codes', named('CodeList'))])]);
    resolveTypes(e);
    expect([...e.types.keys()]).to.deep.equal(['Order']);
  });

  it('keeps the page\'s own table over a ResourceModel page and the sample, and completes the types its members reach', () => {
    const order = table('Order', [member('Number', primitive('integer')), member('Customer', named('Customer'))]);
    const fromResourceModel = table('Order', [member('Other', primitive('string'))]);
    const e = endpoint({ type: named('Order'), samples: [json({ Number: 1, Customer: { Name: 'sample string 1' } })] }, [order]);
    resolveTypes(e, new Map([['Order', fromResourceModel]]));
    expect(e.types.get('Order')).to.equal(order);
    expect(e.types.get('Customer')).to.deep.equal({ kind: 'complex', name: 'Customer', description: '', origin: 'inferred', at: AT_JSON, members: [inferredMember('Name', primitive('string'))] });
  });

  it('takes a type the page only links to from the doc set\'s ResourceModel pages, before the sample, and walks its members', () => {
    const customer = { ...table('Customer', [member('Address', named('Address'))]), origin: 'resource-model' as const };
    const status = { kind: 'enum' as const, name: 'Status', description: '', values: [{ name: 'Open', value: '0', description: '' }], at: PAGE };
    const order = table('Order', [member('Customer', named('Customer')), member('Status', named('Status'))]);
    const e = endpoint({ type: named('Order'), samples: [json({ Customer: { Address: { Street: 's' } }, Status: 0 })] }, [order]);
    resolveTypes(e, new Map<string, TypeDefinition>([['Customer', customer], ['Status', status]]));
    expect(e.types.get('Customer')).to.equal(customer);
    expect(e.types.get('Status')).to.equal(status);
    expect(e.types.get('Address')).to.deep.equal({ kind: 'complex', name: 'Address', description: '', origin: 'inferred', at: AT_JSON, members: [inferredMember('Street', primitive('string'))] });
  });

  it('replaces a table with no rows by the ResourceModel page, or else by the sample, and keeps it when neither says more', () => {
    const resourceModel = { ...table('Order', [member('Number', primitive('integer'))]), origin: 'resource-model' as const };
    const withKnown = endpoint({ type: named('Order'), samples: [] }, [table('Order', [])]);
    resolveTypes(withKnown, new Map([['Order', resourceModel]]));
    expect(withKnown.types.get('Order')).to.equal(resourceModel);

    const withSample = endpoint({ type: named('Order'), samples: [json({ Number: 1 })] }, [table('Order', [])]);
    resolveTypes(withSample);
    expect(withSample.types.get('Order')).to.deep.include({ origin: 'inferred', members: [inferredMember('Number', primitive('integer'))] });

    const empty = table('Order', []);
    const alone = endpoint({ type: named('Order'), samples: [] }, [empty]);
    resolveTypes(alone);
    expect(alone.types.get('Order')).to.equal(empty);
  });

  it('reads a collection body\'s item type from the sample\'s first element, and a dictionary\'s value type from its first value', () => {
    const collection = endpoint({ type: { kind: 'collection', items: named('Order') }, samples: [json([{ Number: 1 }, { Other: 'x' }])] });
    resolveTypes(collection);
    expect((collection.types.get('Order') as ComplexType).members).to.deep.equal([inferredMember('Number', primitive('integer'))]);

    const dictionary = endpoint({ type: { kind: 'dictionary', key: primitive('string'), value: named('Order') }, samples: [json({ a: { Number: 1 }, b: { Other: 'x' } })] });
    resolveTypes(dictionary);
    expect((dictionary.types.get('Order') as ComplexType).members).to.deep.equal([inferredMember('Number', primitive('integer'))]);
  });

  it('infers nothing for a collection or dictionary whose sample is of another shape', () => {
    const notArray = endpoint({ type: { kind: 'collection', items: named('Order') }, samples: [json({ Number: 1 })] });
    resolveTypes(notArray);
    expect(notArray.types.size).to.equal(0);
    for (const value of [[{ Number: 1 }], 'x', null]) {
      const notObject = endpoint({ type: { kind: 'dictionary', key: primitive('string'), value: named('Order') }, samples: [json(value)] });
      resolveTypes(notObject);
      expect(notObject.types.size, JSON.stringify(value)).to.equal(0);
    }
  });

  it('completes the request body too, from its own sample', () => {
    const e = endpoint(undefined, [], { request: { caption: '', typeText: 'Query', type: named('Query'), samples: [json({ Text: 'x' })] } });
    resolveTypes(e);
    expect((e.types.get('Query') as ComplexType).members).to.deep.equal([inferredMember('Text', primitive('string'))]);
  });

  it('takes URI parameters\' named types from the ResourceModel pages (a URI has no sample to infer from)', () => {
    const status = { kind: 'enum' as const, name: 'Status', description: '', values: [], at: PAGE };
    const e = endpoint(undefined, [], { uriParameters: [member('status', named('Status')), member('kind', named('Kind'))] });
    resolveTypes(e, new Map([['Status', status]]));
    expect([...e.types.entries()]).to.deep.equal([['Status', status]]);
  });

  it('finds a member\'s sample value under its backing field when the sample uses that naming', () => {
    const token = table('TokenResponse', [member('access_token', primitive('string')), member('user', named('User'))]);
    const e = endpoint({ type: named('TokenResponse'), samples: [json({ '<accessToken>k__BackingField': 'x', '<userInfo>k__BackingField': { Name: 'n' } })] }, [token]);
    resolveTypes(e);
    expect((e.types.get('User') as ComplexType).members).to.deep.equal([inferredMember('Name', primitive('string'))]);
  });

  it('stops at a type it has already walked (a type that contains itself)', () => {
    const node = table('Node', [member('Child', named('Node')), member('Leaf', named('Leaf'))]);
    const e = endpoint({ type: named('Node'), samples: [json({ Child: { Child: null, Leaf: null }, Leaf: { Value: 1 } })] }, [node]);
    resolveTypes(e);
    expect([...e.types.keys()]).to.deep.equal(['Node', 'Leaf']);
  });

  describe('sampleKey', () => {
    const cases: [string, string[], number, string][] = [
      ['Number', ['Number', 'Name'], 5, 'Number'],
      ['Number', ['<number>k__BackingField'], 0, '<number>k__BackingField'],
      ['access_token', ['<tokenType>k__BackingField', '<accessToken>k__BackingField', 'access_token'], 0, 'access_token'],
      ['Number', ['Other'], 0, 'Number'],
      ['Number', ['<number>k__BackingField'], 1, 'Number'],
      ['Number', ['x<number>k__BackingField'], 0, 'Number'],
      ['Number', ['<number>k__BackingFieldx'], 0, 'Number'],
      ['Number', ['<a-b>k__BackingField'], 0, 'Number'],
      ['Number', [''], 0, 'Number'],
    ];
    for (const [name, keys, index, expected] of cases) {
      it(`finds "${name}" at ${index} of ${JSON.stringify(keys)} as "${expected}"`, () => expect(sampleKey(name, keys, index)).to.equal(expected));
    }
  });

  describe('inferType', () => {
    const cases: [unknown, TypeRef][] = [
      [true, primitive('boolean')],
      [false, primitive('boolean')],
      [0, primitive('integer')],
      [-3, primitive('integer')],
      [0.5, { kind: 'primitive', name: 'decimal number' }],
      ['sample string 1', primitive('string')],
      ['', primitive('string')],
      ['8F2B6A54-1C3D-4E5F-9A7B-0C1D2E3F4A5B', { kind: 'primitive', name: 'globally unique identifier' }],
      ['x8f2b6a54-1c3d-4e5f-9a7b-0c1d2e3f4a5b', primitive('string')],
      ['8f2b6a54-1c3d-4e5f-9a7b-0c1d2e3f4a5bx', primitive('string')],
      ['8f2b6a541c3d4e5f9a7b0c1d2e3f4a5b', primitive('string')],
      ['2025-01-10T05:13:39', { kind: 'primitive', name: 'date' }],
      ['on 2025-01-10T05:13:39', primitive('string')],
      ['2025-01-10 05:13:39', primitive('string')],
      [[], { kind: 'collection', items: { kind: 'primitive', name: 'Object' } }],
      [[2, 'x'], { kind: 'collection', items: primitive('integer') }],
      [[[true]], { kind: 'collection', items: { kind: 'collection', items: primitive('boolean') } }],
      [[{ a: 1 }], { kind: 'collection', items: named('Row') }],
      [{}, named('Row')],
      [null, { kind: 'primitive', name: 'Object' }],
      [undefined, { kind: 'primitive', name: 'Object' }],
    ];
    for (const [value, expected] of cases) {
      it(`infers ${JSON.stringify(value)} as ${JSON.stringify(expected)}`, () => expect(inferType(value, 'Row')).to.deep.equal(expected));
    }
  });
});
