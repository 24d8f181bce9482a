// Which naming a token response really uses, and what to tell the server's owner. docs/wire-format.md:
// Json.NET with IgnoreSerializableAttribute=false emits the compiler's backing fields in
// declaration order (the doc's sample); a fixed class emits the documented names (the doc's
// table); DataContractJsonSerializer emits backing fields sorted, with "\/Date(...)\/" dates;
// a raw OWIN token endpoint emits documented names with token_type "bearer", a numeric
// expires_in and RFC 1123 dates.

import type { NamingVerdict } from '../findings/types.ts';
import type { NamingMap } from './namingMap.ts';
import { ordinalSort } from './namingMap.ts';

const MS_DATE = /^\/Date\(-?\d+([+-]\d{4})?\)\/$/;
const RFC1123 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

export const NAMING_ADVICE: Record<NamingVerdict, string> = {
  'backing-field': 'The server emits the compiler\'s backing-field names (<accessToken>k__BackingField), as the doc\'s samples show, not the documented names of its table (access_token). Cause: the response class is [Serializable] and Web API\'s Json.NET resolver has IgnoreSerializableAttribute = false, so [JsonProperty] names are ignored. Fix on the server: set IgnoreSerializableAttribute = true on the JSON formatter\'s DefaultContractResolver, or mark the class [JsonObject] (JSON only), or use [DataContract] with [DataMember(Name = "access_token")] (JSON and XML), or drop [Serializable]. Until then clients must read the backing-field names.',
  documented: '',
  'datacontract-json': 'The server serializes JSON with DataContractJsonSerializer: backing-field names in sorted order and "\\/Date(ms-offset)\\/" dates, which neither the doc\'s table nor its samples promise. Fix on the server: use Web API\'s default Json.NET formatter with IgnoreSerializableAttribute = true, or [DataContract] + [DataMember(Name = ...)] on the class.',
  owin: 'The response comes from a raw OWIN OAuth token endpoint: documented names but token_type "bearer", a numeric expires_in and RFC 1123 .issued/.expires, not the doc\'s TokenResponse types (expires_in is documented as a string, dates in ISO 8601). Fix on the server: return the documented TokenResponse from the Web API action, or document the OWIN shape.',
  mixed: 'One response mixes backing-field and documented names, so no client can rely on either. Fix on the server: serialize the whole class one way (IgnoreSerializableAttribute = true, or [DataContract] + [DataMember(Name = ...)] on every member).',
  unknown: 'The response carries none of the documented or backing-field names; it is not a TokenResponse the doc describes.',
};

/** When no refresh answered 200, there is no naming to classify: say so, and how to get a live token. */
export const NO_TOKEN_RESPONSE_ADVICE = 'No token response was seen (no refresh answered 200 with a body), so the naming could not be classified. Give the run a live refresh token: set LOGIN_COMPANY, LOGIN_USERNAME and LOGIN_PASSWORD so it can log in, or REFRESH_TOKEN.';

export function classifyJsonNaming(body: Record<string, unknown>, naming: NamingMap): NamingVerdict {
  const keys = Object.keys(body);
  const members = naming.response.members;
  const backing = keys.filter((k) => members.some((m) => m.jsonBackingField === k));
  const documented = keys.filter((k) => members.some((m) => m.documented === k));
  if (backing.length > 0 && documented.length > 0) return 'mixed';
  if (backing.length > 0) {
    const msDates = Object.values(body).some((v) => typeof v === 'string' && MS_DATE.test(v));
    const sorted = backing.length > 1 && backing.join('\n') === ordinalSort(backing).join('\n') && !isDeclarationOrder(backing, members.map((m) => m.jsonBackingField));
    return msDates || sorted ? 'datacontract-json' : 'backing-field';
  }
  if (documented.length > 0) {
    const type = members.find((m) => m.member === 'tokenType')?.documented;
    const expires = members.find((m) => m.member === 'expiresIn')?.documented;
    const dates = members.filter((m) => m.type === 'date').map((m) => body[m.documented]);
    const owin = (type !== undefined && body[type] === 'bearer' && expires !== undefined && typeof body[expires] === 'number')
      || dates.some((d) => typeof d === 'string' && RFC1123.test(d));
    return owin ? 'owin' : 'documented';
  }
  return 'unknown';
}

/** XML element names (local names of the root's children) tell the naming the same way. */
export function classifyXmlNaming(elementNames: readonly string[], naming: NamingMap): NamingVerdict {
  const members = naming.response.members;
  const backing = elementNames.some((n) => members.some((m) => m.xmlBackingField === n));
  const documented = elementNames.some((n) => members.some((m) => m.xmlDocumented === n));
  if (backing && documented) return 'mixed';
  return backing ? 'backing-field' : documented ? 'documented' : 'unknown';
}

function isDeclarationOrder(keys: string[], declared: string[]): boolean {
  const positions = keys.map((k) => declared.indexOf(k));
  return positions.every((p, i) => i === 0 || p > positions[i - 1]!);
}
