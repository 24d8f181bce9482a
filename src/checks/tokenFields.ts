// The members of a parsed token body by their documented name (`access_token`, `.issued`), read
// through the naming map so the backing-field and the documented naming, JSON and XML, all
// answer the same question. An XML i:nil member reads as null; an absent one is not in the map.

import type { NamingMap } from '../naming/namingMap.ts';
import type { ParsedBody } from './body.ts';
import { jsonObject } from './body.ts';

export type TokenFields = ReadonlyMap<string, unknown>;

export function tokenFields(parsed: ParsedBody, wire: NamingMap | undefined): TokenFields | undefined {
  if (!wire) return undefined;
  const members = wire.response.members;
  const body = jsonObject(parsed);
  if (body) {
    return new Map(members.flatMap((m) => [m.jsonBackingField, m.documented].filter((k) => Object.hasOwn(body, k)).slice(0, 1).map((k) => [m.documented, body[k]] as const)));
  }
  if (parsed.format === 'xml') {
    const children = parsed.root.children;
    return new Map(members.flatMap((m) => {
      const element = children.find((c) => c.localName === m.xmlBackingField || c.localName === m.xmlDocumented);
      if (!element) return [];
      const nil = Object.entries(element.attributes).some(([name, value]) => name.endsWith(':nil') && value === 'true');
      return [[m.documented, nil ? null : element.text] as const];
    }));
  }
  return undefined;
}

/** A non-empty string member, else undefined. */
export function textField(fields: TokenFields, documented: string): string | undefined {
  const value = fields.get(documented);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
