// JSON Schemas (2020-12) for the request, the token response in both namings, and the Web API
// error body. Types follow the doc's table; string members may be null (a .NET null reference);
// additional properties stay allowed (RFC 6749 clients ignore them; the probes report them).

import type { DocType, EndpointModel } from '../doc/model.ts';
import type { NamingMap, ResponseMember } from '../naming/namingMap.ts';

export const DOTNET_DATE_FORMAT = 'dotnet-date-time';
/** Json.NET's ISO form: 0 to 7 fractional digits; `Z`, an offset, or none (unspecified kind). */
export const DOTNET_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?(Z|[+-]\\d{2}:\\d{2})?$';

type JsonSchema = Record<string, unknown>;
const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const ID_BASE = 'urn:consinco-auth:schemas:';

function typeSchema(type: DocType): JsonSchema {
  switch (type) {
    case 'string': return { type: ['string', 'null'] };
    case 'integer': return { type: 'integer' };
    case 'boolean': return { type: 'boolean' };
    case 'decimal number': return { type: 'number' };
    case 'date': return { type: 'string', format: DOTNET_DATE_FORMAT };
  }
}

export function requestSchema(model: EndpointModel): JsonSchema {
  const fields = model.request.fields;
  return {
    $schema: DIALECT,
    $id: `${ID_BASE}refresh-token.request`,
    title: `${model.method} ${model.path} request (${model.request.typeName})`,
    description: model.request.caption,
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, {
      type: 'string',
      description: f.description,
      ...(f.defaultValue !== undefined ? { default: f.defaultValue } : {}),
    }])),
    required: fields.filter((f) => !f.optional).map((f) => f.name),
  };
}

export type ResponseNaming = 'backing-field' | 'documented';

export function responseSchema(model: EndpointModel, naming: NamingMap, which: ResponseNaming): JsonSchema {
  const keyOf = (m: ResponseMember) => (which === 'documented' ? m.documented : m.jsonBackingField);
  return {
    $schema: DIALECT,
    $id: `${ID_BASE}token-response.${which}`,
    title: `${naming.response.typeName}, ${which === 'documented' ? "the doc table's names" : "the doc sample's backing-field names"}`,
    description: model.response.caption,
    type: 'object',
    properties: Object.fromEntries(naming.response.members.map((m) => [keyOf(m), {
      ...typeSchema(m.type),
      description: `${m.documented} (C# ${m.member})`,
      examples: [m.example],
    }])),
    required: naming.response.members.map(keyOf),
  };
}

/** ASP.NET Web API's HttpError as JSON: Message always, the rest depending on the error and on error detail. */
export function errorSchema(): JsonSchema {
  const text = { type: ['string', 'null'] };
  return {
    $schema: DIALECT,
    $id: `${ID_BASE}error`,
    title: 'ASP.NET Web API error body (HttpError)',
    type: 'object',
    properties: {
      Message: { type: 'string' },
      MessageDetail: text,
      ModelState: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
      ExceptionMessage: text,
      ExceptionType: text,
      StackTrace: text,
      InnerException: { type: 'object' },
    },
    required: ['Message'],
  };
}
