// Bodies of a generic endpoint's interactions: the page's own samples. A request is sent as the
// page shows it, values its attributes refuse made valid (no request rule), with a left-out member removed. A JSON
// response carries a rule at every scalar of the sample, taken from the JSON Schema the suite
// generates for the page (src/schemas/endpointSchemas.ts), so any value of the documented type
// passes; an XML response a type rule at every leaf element, keyed by namespace URI the way
// Pact's verifier names namespaced elements (see bodies.ts).

import type { Naming } from '../findings/types.ts';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import { responseSchemasIn } from '../schemas/endpointSchemas.ts';
import { parseXmlDocument, type XmlElement } from '../xml/safeParse.ts';
import { segment, type BodyTemplate, type RuleList } from './bodies.ts';
import { MEDIA_TYPE, type WireFormat } from './client.ts';
import { sampleOf } from './genericInteractions.ts';
import { requestShape, xmlText } from '../endpoints/requestShape.ts';
import { scalarMatchers, type PropertySchema } from './schemaMatchers.ts';

type Schema = PropertySchema & { $ref?: string; anyOf?: Schema[]; properties?: Record<string, Schema>; items?: Schema; additionalProperties?: Schema | boolean };

/**
 * The page's request sample with every value its own validation attributes refuse replaced by
 * one they accept (src/endpoints/requestShape.ts, as the probes send it); an empty body when the
 * action takes none.
 */
export function sampleRequest(endpoint: TestedEndpoint, format: WireFormat, omit: string | undefined): BodyTemplate {
  const { sample, members } = requestShape(endpoint) ?? { sample: {}, members: [] };
  if (format === 'json') {
    if (!sample.json) return { contentType: MEDIA_TYPE.json, text: '', rules: {} };
    const body = { ...sample.json };
    if (omit !== undefined) delete body[omit];
    return { contentType: MEDIA_TYPE.json, text: JSON.stringify(body), rules: {} };
  }
  if (!sample.xml) return { contentType: MEDIA_TYPE.xml, text: '', rules: {} };
  const element = members.find((m) => m.json === omit)?.xml;
  return { contentType: MEDIA_TYPE.xml, text: xmlText(sample.xml, sample.xml.children.filter(([name]) => name !== element)), rules: {} };
}

export function sampleResponse(endpoint: TestedEndpoint, format: WireFormat, naming: Naming): BodyTemplate {
  const text = sampleOf(endpoint, 'response', format)!.text;
  if (format === 'xml') return { contentType: MEDIA_TYPE.xml, text: text.trim(), rules: xmlRules(parseXmlDocument(text), '$') };
  const value = JSON.parse(text) as unknown;
  const rules: Record<string, RuleList> = {};
  jsonRules(responseSchema(endpoint, naming), value, '$', rules);
  return { contentType: MEDIA_TYPE.json, text: JSON.stringify(value), rules };
}

/** The generated response schema in the contract's naming, else in the naming the page's samples use. */
function responseSchema(endpoint: TestedEndpoint, naming: Naming): Schema {
  return (responseSchemasIn(endpoint.api, naming)?.json ?? {}) as Schema;
}

function jsonRules(root: Schema, value: unknown, path: string, rules: Record<string, RuleList>, at: Schema = root): void {
  const schema = resolve(root, at, value);
  if (value === null || schema === undefined) return;
  if (Array.isArray(value)) {
    if (value.length > 0 && schema.items) jsonRules(root, value[0], `${path}[*]`, rules, schema.items);
    return;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const property = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (property) jsonRules(root, child, `${path}${segment(key)}`, rules, property);
    }
    return;
  }
  // A member with no JSON type (Object, an enum) stays literal: the sample's value is the only one the page shows.
  if (schema.type === undefined && schema.format === undefined && schema.pattern === undefined) return;
  const matchers = scalarMatchers(path, schema);
  rules[path] = nullable(at) && matchers.length === 1 ? { combine: 'OR', matchers: [...matchers, { match: 'null' }] } : { combine: 'AND', matchers };
}

/** Follows `$ref` into `$defs` and picks the `anyOf` branch the value's kind fits. */
function resolve(root: Schema, schema: Schema, value: unknown): Schema | undefined {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/$defs/', '');
    const target = (root as { $defs?: Record<string, Schema> }).$defs?.[name];
    return target && resolve(root, target, value);
  }
  if (schema.anyOf) {
    const branch = schema.anyOf.find((b) => !(b.type === 'null'));
    return branch && resolve(root, branch, value);
  }
  return schema;
}

function nullable(schema: Schema): boolean {
  return (schema.anyOf?.some((b) => b.type === 'null') ?? false) || (Array.isArray(schema.type) && schema.type.includes('null'));
}

function xmlRules(element: XmlElement, parent: string): Record<string, RuleList> {
  const path = `${parent}${segment(element.namespace ? `${element.namespace}:${element.localName}` : element.localName)}`;
  if (element.children.length === 0) return element.text === '' ? {} : { [`${path}['#text']`]: { combine: 'AND', matchers: [{ match: 'type' }] } };
  return Object.assign({}, ...element.children.map((child) => xmlRules(child, path)));
}
