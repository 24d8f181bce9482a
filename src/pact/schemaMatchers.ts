// The one bridge from our JSON Schemas to Pact: every property becomes an example value and
// the matching rule its schema implies (strings by type, integers, booleans, .NET dates by
// regex). Bodies and rules in the contracts are built from this list, never from field lists
// typed by hand, so a schema change shows up in the contract on the next run.

import { DOTNET_DATE_FORMAT, DOTNET_DATE_PATTERN } from '../schemas/jsonSchemas.ts';

export type Example = string | number | boolean;

/** A Pact matching rule in the pact file's own form (`{"match": ...}`). */
export type PactRule =
  | { match: 'type' | 'integer' | 'number' | 'boolean' | 'null' }
  | { match: 'regex'; regex: string };

export interface FieldMatcher {
  /** The property name in the schema (the JSON key). */
  name: string;
  example: Example;
  /** All must match. */
  matchers: PactRule[];
  /** The schema also allows null (a .NET null reference). */
  nullable: boolean;
}

export interface PropertySchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  examples?: unknown[];
  default?: unknown;
}

export interface ObjectSchema {
  properties?: Record<string, PropertySchema>;
  required?: string[];
}

export class SchemaMatcherError extends Error {
  constructor(message: string) {
    super(`schema to matchers: ${message}`);
    this.name = 'SchemaMatcherError';
  }
}

/**
 * The schema's properties in schema order, each with an example (the schema's `examples[0]`,
 * else its `default`, else `exampleFor(name)`) and its rule.
 */
export function fieldMatchers(schema: ObjectSchema, exampleFor: (name: string) => Example | undefined = () => undefined): FieldMatcher[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const example = firstExample(property) ?? exampleFor(name);
    if (example === undefined) throw new SchemaMatcherError(`"${name}" has no example in the schema and none was given`);
    const nullable = Array.isArray(property.type) && property.type.includes('null');
    return { name, example, matchers: scalarMatchers(name, property), nullable };
  });
}

/** Only the members the schema requires: what a response must carry. */
export function requiredFieldMatchers(schema: ObjectSchema, exampleFor?: (name: string) => Example | undefined): FieldMatcher[] {
  const required = Object.entries(schema.properties ?? {}).filter(([name]) => schema.required?.includes(name));
  return fieldMatchers({ ...schema, properties: Object.fromEntries(required) }, exampleFor);
}

function firstExample(property: PropertySchema): Example | undefined {
  const candidate = property.examples?.[0] ?? property.default;
  return typeof candidate === 'string' || typeof candidate === 'number' || typeof candidate === 'boolean' ? candidate : undefined;
}

/** The rule a scalar property's schema implies (a .NET date by its regex, else by its one JSON type). */
export function scalarMatchers(name: string, property: PropertySchema): PactRule[] {
  if (property.format === DOTNET_DATE_FORMAT) return [{ match: 'regex', regex: DOTNET_DATE_PATTERN }];
  if (property.pattern !== undefined) return [{ match: 'regex', regex: property.pattern }];
  const types = (Array.isArray(property.type) ? property.type : [property.type]).filter((t) => t !== 'null');
  if (types.length !== 1) throw new SchemaMatcherError(`"${name}" has type ${JSON.stringify(property.type)}; expected one type (plus null)`);
  switch (types[0]) {
    case 'string': return [{ match: 'type' }];
    case 'integer': return [{ match: 'integer' }];
    case 'number': return [{ match: 'number' }];
    // Pact's boolean matcher also takes the JSON string "true"; the type rule (example true) does not.
    // In XML every text is a string, so there the boolean matcher does the work.
    case 'boolean': return [{ match: 'boolean' }, { match: 'type' }];
    default: throw new SchemaMatcherError(`"${name}" has type ${types[0]}, which has no scalar Pact matcher`);
  }
}
