// Completes an endpoint's types: every complex or enum type its bodies reach gets a definition,
// from the page's own table, from a ResourceModel page of the same doc set, or (when neither
// exists) inferred from the page's JSON sample and marked `inferred`. The Help Page sample
// generator fills every member, so a sample shows the shape even where no table does.

import type { ApiEndpoint, Member, Primitive, Sample, SourceLocation, TypeDefinition, TypeRef } from './apiModel.ts';
import { isObject } from '../json/object.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const BACKING_FIELD = /^<(\w+)>k__BackingField$/;

export function resolveTypes(endpoint: ApiEndpoint, known: ReadonlyMap<string, TypeDefinition> = new Map()): void {
  for (const body of [endpoint.request, endpoint.response]) {
    if (!body) continue;
    const sample = firstJson(body.samples);
    walk(body.type, sample.value, { endpoint, known, at: sample.at ?? endpoint.at, seen: new Set() });
  }
  for (const parameter of endpoint.uriParameters) walk(parameter.type, undefined, { endpoint, known, at: parameter.at, seen: new Set() });
}

interface Walk {
  endpoint: ApiEndpoint;
  known: ReadonlyMap<string, TypeDefinition>;
  at: SourceLocation;
  seen: Set<string>;
}

/** The first JSON sample's value and place; nothing when there is none or it does not parse. */
function firstJson(samples: readonly Sample[]): { value?: unknown; at?: SourceLocation } {
  const json = samples.find((s) => s.format === 'json');
  if (!json) return {};
  try {
    return { value: JSON.parse(json.text) as unknown, at: json.at };
  } catch {
    return {};
  }
}

function walk(type: TypeRef, sample: unknown, context: Walk): void {
  switch (type.kind) {
    case 'primitive': return;
    case 'collection': return walk(type.items, Array.isArray(sample) ? sample[0] : undefined, context);
    case 'dictionary': return walk(type.value, isObject(sample) ? Object.values(sample)[0] : undefined, context);
    case 'named': return walkNamed(type.name, sample, context);
  }
}

function walkNamed(name: string, sample: unknown, context: Walk): void {
  if (context.seen.has(name)) return;
  context.seen.add(name);
  const { types } = context.endpoint;
  let definition = types.get(name);
  // A table with no rows says nothing: a ResourceModel page or the sample describes the type instead.
  const empty = definition?.kind === 'complex' && definition.members.length === 0;
  if (!definition || empty) {
    definition = context.known.get(name) ?? inferred(name, sample, context);
    if (definition) types.set(name, definition);
  }
  if (definition?.kind !== 'complex') return;
  const object = isObject(sample) ? sample : undefined;
  const keys = object ? Object.keys(object) : [];
  definition.members.forEach((member, index) => walk(member.type, object?.[sampleKey(member.name, keys, index)], context));
}

/** The sample key of a member: its own name, or the backing field at its position. */
export function sampleKey(name: string, keys: readonly string[], index: number): string {
  if (keys.includes(name)) return name;
  const positional = keys[index];
  return positional && BACKING_FIELD.test(positional) ? positional : name;
}

function inferred(name: string, sample: unknown, context: Walk): TypeDefinition | undefined {
  if (sample === undefined) return undefined;
  if (isObject(sample)) {
    const members = Object.entries(sample).map(([key, value]): Member => ({
      name: key,
      description: '',
      type: inferType(value, `${name}_${key.replace(/\W/g, '')}`),
      typeText: '(inferred from the sample)',
      annotations: {},
      at: context.at,
    }));
    return { kind: 'complex', name, description: '', members, origin: 'inferred', at: context.at };
  }
  const primitive = inferType(sample, name);
  return primitive.kind === 'primitive' ? { kind: 'scalar', name, primitive: primitive.name, at: context.at } : undefined;
}

/** A JSON value's type as the generator would have named it (an empty array's items, like null, are Object). */
export function inferType(value: unknown, nameForObject: string): TypeRef {
  const primitive = (name: Primitive): TypeRef => ({ kind: 'primitive', name });
  if (typeof value === 'boolean') return primitive('boolean');
  if (typeof value === 'number') return primitive(Number.isInteger(value) ? 'integer' : 'decimal number');
  if (typeof value === 'string') return primitive(GUID.test(value) ? 'globally unique identifier' : DATE.test(value) ? 'date' : 'string');
  if (Array.isArray(value)) return { kind: 'collection', items: inferType(value[0], nameForObject) };
  if (isObject(value)) return { kind: 'named', name: nameForObject };
  return primitive('Object');
}
