// Request and response bodies of each interaction, from the committed schemas and naming map
// through the generic schema-to-matchers function. The contract's naming (backing-field or
// documented) picks the response schema and the XML element names.

import type { Naming } from '../findings/types.ts';
import { ordinalSort } from '../naming/namingMap.ts';
import { SCHEMA_FILES } from '../schemas/generate.ts';
import { loadJsonSchemaFile, namingMap } from '../schemas/load.ts';
import { jsonTemplate, xmlTemplate, type BodyTemplate, type Overrides, type XmlShape } from './bodies.ts';
import type { InteractionCase } from './interactions.ts';
import { requestMembers, type WireFormat } from './client.ts';
import { fieldMatchers, requiredFieldMatchers, type ObjectSchema } from './schemaMatchers.ts';

const schema = (file: string) => loadJsonSchemaFile(file) as ObjectSchema;

/** Web API's error body has no documented example; the contract carries this synthetic one. */
const errorExample = (name: string) => `sample ${name}`;

export function requestTemplate(c: InteractionCase): BodyTemplate {
  const request = namingMap().request;
  const { token, grantType } = requestMembers();
  const member = (json: string) => request.members.find((m) => m.json === json);
  const fields = fieldMatchers(schema(SCHEMA_FILES.requestJson), (name) => member(name)?.example);
  // The token is matched by type (any token will do); the grant type is sent literally.
  const overrides: Overrides = { [grantType.json]: c.request.grantType, ...(c.request.withToken ? {} : { [token.json]: null }) };
  return render(c.format, fields, overrides, {
    root: request.typeName,
    namespace: request.xmlNamespace,
    elementOf: (name) => member(name)?.xml ?? name,
    order: (elements) => request.xmlOrder.filter((e) => elements.includes(e)),
  });
}

export function responseTemplate(c: InteractionCase, naming: Naming): BodyTemplate {
  if (c.response.body === 'error') {
    return render(c.format, requiredFieldMatchers(schema(SCHEMA_FILES.errorJson), errorExample), {}, {
      root: 'Error',
      elementOf: (name) => name,
      order: (elements) => elements,
    });
  }
  const { typeName, xmlNamespace, members } = namingMap().response;
  const byKey = new Map(members.map((m) => [naming === 'documented' ? m.documented : m.jsonBackingField, m]));
  return render(c.format, requiredFieldMatchers(schema(SCHEMA_FILES.responseJson[naming])), {}, {
    root: typeName,
    namespace: xmlNamespace,
    elementOf: (key) => (naming === 'documented' ? byKey.get(key)!.xmlDocumented : byKey.get(key)!.xmlBackingField),
    order: ordinalSort,
  });
}

function render(format: WireFormat, fields: Parameters<typeof jsonTemplate>[0], overrides: Overrides, shape: XmlShape): BodyTemplate {
  return format === 'json' ? jsonTemplate(fields, overrides) : xmlTemplate(fields, shape, overrides);
}
