// fields.extra: members beyond the doc's TokenResponse (seen in the field: productLine) are
// reported as information, never as a failure: RFC 6749 clients must ignore unknown names.

import type { NamingMap } from '../naming/namingMap.ts';
import { wireOf } from './exchange.ts';
import type { Check } from './check.ts';
import { jsonObject, parseBody } from './body.ts';
import { info, pass } from './outcome.ts';

function knownNames(wire: NamingMap): Set<string> {
  return new Set(wire.response.members.flatMap((m) => [m.documented, m.jsonBackingField, m.xmlBackingField, m.xmlDocumented]));
}

export const fieldsExtra: Check = {
  id: 'fields.extra',
  title: 'Members beyond the doc (information only)',
  rule: 'RFC 6749 §5.1 (clients ignore unrecognized value names)',
  level: 'MAY',
  run(exchange) {
    const wire = wireOf(exchange);
    if (exchange.response?.status !== 200 || !wire) return [];
    const parsed = parseBody(exchange.response);
    const object = jsonObject(parsed);
    const names = object ? Object.keys(object)
      : parsed.format === 'xml' ? parsed.root.children.map((c) => c.localName) : undefined;
    if (!names) return [];
    const known = knownNames(wire);
    const extra = names.filter((n) => !known.has(n));
    return extra.length === 0 ? [pass('no members beyond the doc')] : [info(`${extra.length} member(s) beyond the doc`, `Extra members (clients should ignore them): ${extra.join(', ')}`)];
  },
};
