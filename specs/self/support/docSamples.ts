// Test fixtures built from the doc's own samples, in either naming, so the schema tests use
// what the doc shows and what real servers send rather than hand-typed bodies.

import { refreshTokenEndpoint } from '../../../src/doc/endpoint.ts';
import type { Naming } from '../../../src/findings/types.ts';
import { ordinalSort } from '../../../src/naming/namingMap.ts';
import { namingMap } from '../../../src/schemas/load.ts';

const model = refreshTokenEndpoint();
const sample = (body: 'request' | 'response', format: 'json' | 'xml') => model[body].samples.find((s) => s.format === format)!.text;

export const REQUEST_JSON = sample('request', 'json');
export const REQUEST_XML = sample('request', 'xml');
export const RESPONSE_JSON = sample('response', 'json');
export const RESPONSE_XML = sample('response', 'xml');

type Value = string | number | boolean | null;

/** The doc's sample response as an object in the given naming, with values overridden by C# member name. */
export function responseObject(naming: Naming, overrides: Record<string, Value> = {}): Record<string, Value> {
  const sampleBody = JSON.parse(RESPONSE_JSON) as Record<string, Value>;
  return Object.fromEntries(namingMap().response.members.map((m) => [
    naming === 'documented' ? m.documented : m.jsonBackingField,
    m.member in overrides ? overrides[m.member]! : sampleBody[m.jsonBackingField]!,
  ]));
}

/**
 * The doc's sample response as DataContract XML in the given naming. Overrides by C# member:
 * a string sets the text, null writes i:nil, undefined (via `omit`) leaves the element out.
 */
export function responseXml(naming: Naming, overrides: Record<string, Value> = {}, omit: string[] = [], order?: (names: string[]) => string[]): string {
  const map = namingMap().response;
  const values = responseObject('backing-field', overrides);
  const byElement = new Map(map.members.map((m) => [naming === 'documented' ? m.xmlDocumented : m.xmlBackingField, m]));
  const names = (order ?? ordinalSort)([...byElement.keys()]).filter((n) => !omit.includes(byElement.get(n)!.member));
  const children = names.map((name) => {
    const value = values[byElement.get(name)!.jsonBackingField];
    return value === null ? `<${name} i:nil="true" />` : `<${name}>${String(value)}</${name}>`;
  });
  return `<TokenResponse xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="${map.xmlNamespace}">${children.join('')}</TokenResponse>`;
}
