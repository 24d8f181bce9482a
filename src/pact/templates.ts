// Request and response bodies of each interaction, from the endpoint's model through the generic
// schema-to-matchers function: a token endpoint's bodies from its naming map (request members
// with their JSON and DataContract names and order; the token response in the contract's
// naming, backing-field or documented), a generic endpoint's from its page's samples
// (sampleBodies.ts), Web API's error body from its schema.

import type { DocType } from '../doc/model.ts';
import type { Naming } from '../findings/types.ts';
import { ordinalSort, type NamingMap } from '../naming/namingMap.ts';
import { SCHEMA_FILES } from '../schemas/generate.ts';
import { responseSchema } from '../schemas/jsonSchemas.ts';
import { DOTNET_DATE_FORMAT } from '../schemas/jsonSchemas.ts';
import { loadJsonSchemaFile } from '../schemas/load.ts';
import { jsonTemplate, xmlTemplate, type BodyTemplate, type Overrides, type XmlShape } from './bodies.ts';
import type { InteractionCase } from './interactions.ts';
import type { WireFormat } from './client.ts';
import { sampleRequest, sampleResponse } from './sampleBodies.ts';
import { fieldMatchers, requiredFieldMatchers, type ObjectSchema, type PropertySchema } from './schemaMatchers.ts';

/** Web API's error body has no documented example; the contract carries this synthetic one. */
const errorExample = (name: string) => `sample ${name}`;

const REQUEST_TYPES: Record<DocType, PropertySchema> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  'decimal number': { type: 'number' },
  date: { type: 'string', format: DOTNET_DATE_FORMAT },
};

/** A token endpoint's request members as a schema: the doc's types, the default as the example where the doc gives one. */
function requestSchema(request: NamingMap['request']): ObjectSchema {
  return { properties: Object.fromEntries(request.members.map((m) => [m.json, { ...REQUEST_TYPES[m.type], ...(m.defaultValue !== undefined ? { default: m.defaultValue } : {}) }])) };
}

export function requestTemplate(c: InteractionCase): BodyTemplate {
  if (!c.endpoint.wire) return sampleRequest(c.endpoint, c.format, c.request.omit);
  const { request } = c.endpoint.wire.naming;
  const member = (json: string) => request.members.find((m) => m.json === json);
  const fields = fieldMatchers(requestSchema(request), (name) => member(name)?.example);
  // Literal values (a grant type) are sent as they are; the rest is matched by type.
  const overrides: Overrides = { ...c.request.values, ...(c.request.omit !== undefined ? { [c.request.omit]: null } : {}) };
  return render(c.format, fields, overrides, {
    root: request.typeName,
    namespace: request.xmlNamespace,
    elementOf: (name) => member(name)?.xml ?? name,
    order: (elements) => request.xmlOrder.filter((e) => elements.includes(e)),
  });
}

/** The response body the interaction expects; undefined when it expects none. */
export function responseTemplate(c: InteractionCase, naming: Naming): BodyTemplate | undefined {
  switch (c.response.body) {
    case 'none': return undefined;
    case 'sample': return sampleResponse(c.endpoint, c.format, naming);
    case 'error':
      return render(c.format, requiredFieldMatchers(loadJsonSchemaFile(SCHEMA_FILES.errorJson) as ObjectSchema, errorExample), {}, {
        root: 'Error',
        elementOf: (name) => name,
        order: (elements) => elements,
      });
    case 'token': {
      const wire = c.endpoint.wire!;
      const { typeName, xmlNamespace, members } = wire.naming.response;
      const byKey = new Map(members.map((m) => [naming === 'documented' ? m.documented : m.jsonBackingField, m]));
      return render(c.format, requiredFieldMatchers(responseSchema(wire.model, wire.naming, naming) as ObjectSchema), {}, {
        root: typeName,
        namespace: xmlNamespace,
        elementOf: (key) => (naming === 'documented' ? byKey.get(key)!.xmlDocumented : byKey.get(key)!.xmlBackingField),
        order: ordinalSort,
      });
    }
  }
}

function render(format: WireFormat, fields: Parameters<typeof jsonTemplate>[0], overrides: Overrides, shape: XmlShape): BodyTemplate {
  return format === 'json' ? jsonTemplate(fields, overrides) : xmlTemplate(fields, shape, overrides);
}
