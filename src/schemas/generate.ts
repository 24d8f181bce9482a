// From the Help Page to every file in schemas/: one function, so `npm run schemas` and the
// drift test produce byte-identical output from the same source.

import type { EndpointModel } from '../doc/model.ts';
import { buildNamingMap } from '../naming/namingMap.ts';
import { errorSchema, requestSchema, responseSchema } from './jsonSchemas.ts';
import { errorXsd, requestXsd, responseXsd } from './xsd.ts';

/** File names in schemas/, the interface the validators, contracts and probes load by. */
export const SCHEMA_FILES = {
  naming: 'naming.json',
  requestJson: 'refresh-token.request.schema.json',
  responseJson: { 'backing-field': 'token-response.backing-field.schema.json', documented: 'token-response.documented.schema.json' },
  errorJson: 'error.schema.json',
  requestXsd: 'refresh-token.request.xsd',
  responseXsd: { 'backing-field': 'token-response.backing-field.xsd', documented: 'token-response.documented.xsd' },
  errorXsd: 'error.xsd',
} as const;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function generateSchemaFiles(model: EndpointModel): Map<string, string> {
  const naming = buildNamingMap(model);
  const f = SCHEMA_FILES;
  return new Map([
    [f.naming, json(naming)],
    [f.requestJson, json(requestSchema(model))],
    [f.responseJson['backing-field'], json(responseSchema(model, naming, 'backing-field'))],
    [f.responseJson.documented, json(responseSchema(model, naming, 'documented'))],
    [f.errorJson, json(errorSchema())],
    [f.requestXsd, requestXsd(naming)],
    [f.responseXsd['backing-field'], responseXsd(naming, 'backing-field')],
    [f.responseXsd.documented, responseXsd(naming, 'documented')],
    [f.errorXsd, errorXsd()],
  ]);
}
