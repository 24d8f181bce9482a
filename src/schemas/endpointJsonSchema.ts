// JSON Schema 2020-12 for one body of any Help Page endpoint, in one naming. Types follow the
// generator's vocabulary as Json.NET writes them; reference types may be null unless Required;
// complex types are $defs. Annotations become constraints (required, minLength/maxLength,
// minimum/maximum, pattern, format) unless `constraints` is off: the Help Page's sample
// generator ignores validation attributes, so its own samples are judged on shape alone.
// Members beyond the doc stay allowed (Json.NET ignores them; responses may grow).

import type { Annotations, Primitive, TypeRef } from '../doc/apiModel.ts';
import { DOTNET_DATE_FORMAT } from './jsonSchemas.ts';
import type { BodyLayout, WireNaming } from './wireLayout.ts';

type JsonSchema = Record<string, unknown>;

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const GUID_PATTERN = '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$';
/** TimeSpan as Json.NET writes it: [-][d.]hh:mm:ss[.fffffff]. */
const TIMESPAN_PATTERN = '^-?(\\d+\\.)?\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?$';
const BASE64_PATTERN = '^[A-Za-z0-9+/]*={0,2}$';

export interface JsonSchemaOptions {
  naming: WireNaming;
  /** Request bodies require only Required members; responses every member (Json.NET writes them all). */
  direction: 'request' | 'response';
  constraints: boolean;
  id: string;
}

export function bodyJsonSchema(layout: BodyLayout, options: JsonSchemaOptions): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const context = { layout, options, defs, pending: [] as string[] };
  const root = typeSchema(layout.body.type, {}, context, false);
  while (context.pending.length > 0) {
    const name = context.pending.shift()!;
    if (!(name in defs)) defs[name] = definitionSchema(name, context);
  }
  return {
    $schema: DIALECT,
    $id: options.id,
    title: `${layout.body.typeText} (${options.direction}, ${options.naming === 'documented' ? "the doc table's names" : "the doc sample's backing-field names"})`,
    ...(layout.body.caption ? { description: layout.body.caption } : {}),
    ...root,
    ...(Object.keys(defs).length > 0 ? { $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : 1))) } : {}),
  };
}

interface Context {
  layout: BodyLayout;
  options: JsonSchemaOptions;
  defs: Record<string, JsonSchema>;
  pending: string[];
}

function definitionSchema(name: string, context: Context): JsonSchema {
  const definition = context.layout.types.get(name);
  if (!definition) return { description: `${name}: not described by the doc set (any value)` };
  if (definition.kind === 'enum') {
    // Json.NET writes an enum's number by default, its name with StringEnumConverter.
    return { description: `${name} (enum)`, enum: [...definition.values.map((v) => v.name), ...definition.values.map((v) => Number(v.value))] };
  }
  if (definition.kind === 'scalar') return { description: `${name} (inferred from the sample)`, ...primitiveSchema(definition.primitive, {}, context, true) };
  const keys = context.layout.jsonKeys(name, context.options.naming);
  const properties = Object.fromEntries(definition.members.map((m, i) => [keys[i]!, {
    ...typeSchema(m.type, m.annotations, context, true),
    ...(m.description ? { description: m.description } : {}),
  }]));
  const required = definition.members.flatMap((m, i) => (context.options.direction === 'response' || m.annotations.required ? [keys[i]!] : []));
  return {
    type: 'object',
    ...(definition.origin === 'inferred' ? { description: `${name}: members inferred from the doc's sample` } : definition.description ? { description: definition.description } : {}),
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

function typeSchema(type: TypeRef, annotations: Annotations, context: Context, nullable: boolean): JsonSchema {
  const orNull = (schema: JsonSchema): JsonSchema => (nullable && !annotations.required ? { anyOf: [schema, { type: 'null' }] } : schema);
  switch (type.kind) {
    case 'primitive': return primitiveSchema(type.name, annotations, context, nullable);
    case 'named': {
      context.pending.push(type.name);
      const definition = context.layout.types.get(type.name);
      const reference = { $ref: `#/$defs/${type.name}` };
      return definition?.kind === 'complex' ? orNull(reference) : reference;
    }
    case 'collection':
      if (type.items.kind === 'primitive' && type.items.name === 'byte') {
        // byte[] is written as base64 text.
        return { type: nullable && !annotations.required ? ['string', 'null'] : 'string', contentEncoding: 'base64', pattern: BASE64_PATTERN };
      }
      return {
        type: nullable && !annotations.required ? ['array', 'null'] : 'array',
        items: typeSchema(type.items, {}, context, true),
        ...lengths(annotations, context, 'Items'),
      };
    case 'dictionary':
      return {
        type: nullable && !annotations.required ? ['object', 'null'] : 'object',
        ...(type.key.kind === 'primitive' && (type.key.name === 'integer' || type.key.name === 'byte') ? { propertyNames: { pattern: '^-?\\d+$' } } : {}),
        additionalProperties: typeSchema(type.value, {}, context, true),
      };
  }
}

function primitiveSchema(name: Primitive, annotations: Annotations, context: Context, nullable: boolean): JsonSchema {
  // Json.NET binds a JSON number or boolean to a string member (as its text): a request may send one.
  const textTypes = context.options.direction === 'request' && name === 'string' ? ['string', 'number', 'boolean'] : ['string'];
  const text = (extra: JsonSchema = {}): JsonSchema => ({
    type: nullable && !annotations.required ? [...textTypes, 'null'] : textTypes.length > 1 ? textTypes : 'string',
    ...extra,
    ...lengths(annotations, context, 'Length'),
    ...(context.options.constraints && annotations.pattern ? { pattern: annotations.pattern } : {}),
    ...(context.options.constraints ? dataTypeFormat(annotations.dataType) : {}),
  });
  const range = context.options.constraints && annotations.range ? { minimum: annotations.range.min, maximum: annotations.range.max } : {};
  switch (name) {
    case 'string': return text();
    case 'URI': return text({ format: 'uri-reference' });
    case 'character': return { type: 'string', minLength: 1, maxLength: 1 };
    case 'date': return { type: 'string', format: DOTNET_DATE_FORMAT };
    case 'globally unique identifier': return { type: 'string', format: 'uuid', pattern: GUID_PATTERN };
    case 'time interval': return { type: 'string', pattern: TIMESPAN_PATTERN };
    case 'integer': return { type: 'integer', ...range };
    case 'byte': return { type: 'integer', minimum: 0, maximum: 255, ...range };
    case 'decimal number': return { type: 'number', ...range };
    case 'boolean': return { type: 'boolean' };
    case 'Object': return { description: 'any value (Object)' };
  }
}

function lengths(annotations: Annotations, context: Context, unit: 'Length' | 'Items'): JsonSchema {
  if (!context.options.constraints) return {};
  const min = annotations.stringLength?.min ?? annotations.minLength;
  const max = annotations.stringLength?.max ?? annotations.maxLength;
  return {
    ...(min !== undefined && min > 0 ? { [`min${unit}`]: min } : {}),
    ...(max !== undefined ? { [`max${unit}`]: max } : {}),
  };
}

/** DataTypeAttribute values with a JSON Schema format. */
function dataTypeFormat(dataType: string | undefined): JsonSchema {
  switch (dataType?.toLowerCase()) {
    case 'emailaddress': return { format: 'email' };
    case 'url': return { format: 'uri' };
    case 'date': return { format: 'date' };
    case 'datetime': return { format: DOTNET_DATE_FORMAT };
    default: return {};
  }
}
