// dates.format: .issued and .expires in Json.NET's ISO form (0-7 fractional digits) carrying
// the server's offset or Z; a date without offset (unspecified kind), the MS AJAX "\/Date()\/"
// form or an RFC 1123 date cannot be read back to the same instant by every client.

import { isDotnetDateTime } from '../validation/schemaFormats.ts';
import { wireOf } from './exchange.ts';
import type { Check } from './check.ts';
import { jsonObject, parseBody } from './body.ts';
import { fail, pass, quote } from './outcome.ts';

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const EXPECTED = '.NET ISO 8601 date with offset, e.g. "2025-01-10T05:13:39.7555575-03:00" or "...Z"';

function dateValues(exchange: Parameters<Check['run']>[0]): { name: string; value: unknown }[] {
  const response = exchange.response;
  if (response?.status !== 200) return [];
  const wire = wireOf(exchange);
  if (!wire) return [];
  const parsed = parseBody(response);
  const members = wire.response.members.filter((m) => m.type === 'date');
  const body = jsonObject(parsed);
  if (body) {
    return members.flatMap((m) => [m.jsonBackingField, m.documented].filter((k) => k in body).map((k) => ({ name: k, value: body[k] })));
  }
  if (parsed.format === 'xml') {
    return members.flatMap((m) => parsed.root.children
      .filter((c) => c.localName === m.xmlBackingField || c.localName === m.xmlDocumented)
      .map((c) => ({ name: c.localName, value: c.text })));
  }
  return [];
}

export const datesFormat: Check = {
  id: 'dates.format',
  title: 'Dates in the .NET ISO form with an offset',
  rule: 'Help Page type "date" as Json.NET / DataContractSerializer write it (ISO 8601 with offset, RFC 3339 §5.6)',
  level: 'MUST',
  run(exchange) {
    const dates = dateValues(exchange);
    if (dates.length === 0) return [];
    const bad = dates.filter((d) => typeof d.value !== 'string' || !isDotnetDateTime(d.value) || !OFFSET.test(d.value));
    if (bad.length === 0) return [pass(`${dates.length} date(s) in ISO form with offset`)];
    const received = bad.map((d) => `${d.name} = ${typeof d.value === 'string' ? quote(d.value) : JSON.stringify(d.value)}${typeof d.value === 'string' ? ` (${describeForm(d.value)})` : ''}`).join('; ');
    return [fail(`${bad.length} date(s) not in ISO form with offset`, received, EXPECTED)];
  },
};

function describeForm(value: string): string {
  if (/^\/Date\(/.test(value)) return 'DataContractJsonSerializer form';
  if (/GMT$/.test(value)) return 'RFC 1123 form';
  if (isDotnetDateTime(value)) return 'no offset: unspecified kind';
  return 'not a .NET date';
}
