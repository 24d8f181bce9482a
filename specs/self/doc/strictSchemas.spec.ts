// A schema that accepts anything is a bug. For every readable corpus page, each body's schemas
// (contract and shape, every naming) accept the page's own samples and reject: a member of the
// wrong type, a missing required member, and (XML) elements out of DataContract order. Cases
// are derived from the page's own samples; all XML cases of the corpus go into one call.

import { expect } from 'chai';
import type { Sample } from '../../../src/doc/apiModel.ts';
import { loadDocPath } from '../../../src/doc/docSet.ts';
import { endpointSchemas, type BodySchemas, type NamedSchemas } from '../../../src/schemas/endpointSchemas.ts';
import { EndpointValidator, type MessageToValidate } from '../../../src/validation/endpointSamples.ts';
import { parseXmlDocument } from '../../../src/xml/safeParse.ts';
import { apiPages } from './corpus.ts';

interface StrictCase {
  page: string;
  description: string;
  message: MessageToValidate;
  valid: boolean;
}

/** A value of another JSON type than the one the member holds (Json.NET binds numbers and booleans to request strings). */
function wrongValue(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { wrong: [value] };
  return Array.isArray(value) ? 'not an array' : 12345;
}

function jsonCases(page: string, body: BodySchemas, named: NamedSchemas, sample: Sample): StrictCase[] {
  const value = JSON.parse(sample.text) as unknown;
  const object = (Array.isArray(value) ? value[0] : value) as Record<string, unknown> | undefined;
  const wrap = (changed: unknown) => (Array.isArray(value) ? [changed] : changed);
  const cases: StrictCase[] = [];
  const strictness = ['shape', 'contract'] as const;
  for (const mode of strictness) {
    const message = (text: string): MessageToValidate => ({ schemas: named, format: 'json', text, strictness: mode });
    if (mode === 'shape') cases.push({ page, description: `${body.direction} JSON sample accepted (${named.naming})`, message: message(sample.text), valid: true });
    if (!object || typeof object !== 'object') continue;
    const schemaRoot = rootDefinition(named);
    const typed = Object.keys(object).find((k) => schemaRoot?.properties?.[k] && !isAnything(schemaRoot.properties[k]));
    if (typed) cases.push({ page, description: `${body.direction} JSON with "${typed}" of the wrong type rejected (${named.naming}, ${mode})`, message: message(JSON.stringify(wrap({ ...object, [typed]: wrongValue(object[typed]) }))), valid: false });
    const required = schemaRoot?.required?.find((k) => k in object);
    if (required) {
      const { [required]: _dropped, ...rest } = object;
      cases.push({ page, description: `${body.direction} JSON without required "${required}" rejected (${named.naming}, ${mode})`, message: message(JSON.stringify(wrap(rest))), valid: false });
    }
  }
  return cases;
}

function xmlCases(page: string, body: BodySchemas, named: NamedSchemas, sample: Sample): StrictCase[] {
  const message = (text: string, strictness: 'shape' | 'contract'): MessageToValidate => ({ schemas: named, format: 'xml', text, strictness });
  const cases: StrictCase[] = [{ page, description: `${body.direction} XML sample accepted (${named.naming})`, message: message(sample.text, 'shape'), valid: true }];
  const root = parseXmlDocument(sample.text);
  const [first, second] = root.children;
  if (first && second && first.localName !== second.localName) {
    // Swap the first two elements' tags: DataContract order is broken, the content is not.
    const swapped = swapElements(sample.text, first.name, second.name);
    for (const mode of ['shape', 'contract'] as const) {
      cases.push({ page, description: `${body.direction} XML with ${second.localName} before ${first.localName} rejected (${named.naming}, ${mode})`, message: message(swapped, mode), valid: false });
    }
  }
  return cases;
}

function swapElements(xml: string, a: string, b: string): string {
  const element = (name: string) => new RegExp(`<${name}(?=[\\s>/])[\\s\\S]*?(?:</${name}>|/>)`);
  const first = element(a).exec(xml)!;
  const second = element(b).exec(xml.slice(first.index + first[0].length))!;
  const secondAt = first.index + first[0].length + second.index;
  return xml.slice(0, first.index) + second[0] + xml.slice(first.index + first[0].length, secondAt) + first[0] + xml.slice(secondAt + second[0].length);
}

interface ObjectSchema { properties?: Record<string, Record<string, unknown>>; required?: string[] }

function rootDefinition(named: NamedSchemas): ObjectSchema | undefined {
  const schema = named.jsonShape as ObjectSchema & { $ref?: string; items?: { $ref?: string }; $defs?: Record<string, ObjectSchema> };
  const ref = schema.$ref ?? schema.items?.$ref ?? (schema as { anyOf?: { $ref?: string }[] }).anyOf?.[0]?.$ref;
  return ref ? schema.$defs?.[ref.replace('#/$defs/', '')] : schema;
}

function isAnything(schema: Record<string, unknown>): boolean {
  return !('type' in schema) && !('$ref' in schema) && !('anyOf' in schema) && !('enum' in schema);
}

describe('strict schemas for every corpus page', function () {
  this.timeout(60000);
  const cases: StrictCase[] = [];
  const pagesWithoutRequired = new Set<string>();
  for (const page of apiPages.filter((p) => p.expect !== 'xml-serializer')) {
    const set = loadDocPath(page.path);
    if (set.failures.length > 0) continue;
    const schemas = endpointSchemas(set.endpoints[0]!);
    for (const body of schemas.bodies) {
      const named = body.schemas.find((s) => s.naming === body.sampleNaming);
      if (!named) continue;
      for (const sample of body.body.samples) {
        if (sample.format === 'json') cases.push(...jsonCases(page.file, body, named, sample));
        if (sample.format === 'xml') cases.push(...xmlCases(page.file, body, named, sample));
      }
    }
    if (!cases.some((c) => c.page === page.file && /without required/.test(c.description))) pagesWithoutRequired.add(page.file);
  }
  let results: boolean[] = [];
  before(async () => {
    const problems = await new EndpointValidator().validate(cases.map((c) => c.message));
    results = problems.map((p) => p.length === 0);
  });

  it('covers every kind of rejection across the corpus', () => {
    for (const kind of ['wrong type', 'without required', 'rejected (']) expect(cases.some((c) => c.description.includes(kind))).to.equal(true);
    expect(cases.filter((c) => /XML with .* before .* rejected/.test(c.description)).length).to.be.above(20);
  });

  cases.forEach((c, i) => {
    it(`${c.page}: ${c.description}`, () => {
      expect(results[i], c.message.text.slice(0, 300)).to.equal(c.valid);
    });
  });

  it('names the pages whose bodies have no required member (requests without Required, no response schema)', () => {
    for (const file of pagesWithoutRequired) {
      const page = apiPages.find((p) => p.file === file)!;
      const [endpoint] = loadDocPath(page.path).endpoints;
      const schemas = endpointSchemas(endpoint!);
      const requiredSomewhere = schemas.bodies.some((b) => b.schemas.some((s) => (rootDefinition(s)?.required?.length ?? 0) > 0 && b.body.samples.some((x) => x.format === 'json')));
      expect(requiredSomewhere, file).to.equal(false);
    }
  });
});
