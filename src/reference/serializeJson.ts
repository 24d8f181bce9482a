// Json.NET as Web API configures it for this [Serializable] class: compact output, keys in
// declaration order, the backing-field names (or the documented ones once the class is
// fixed), ISO dates with the server's offset. The JSON faults are injected here.

import type { Naming } from '../findings/types.ts';
import type { ResponseMember } from '../naming/namingMap.ts';
import { TOKEN_RESPONSE, responseMember } from './contract.ts';
import { formatNetDate } from './dates.ts';
import type { ActiveFaults } from './faults.ts';
import type { HttpError } from './httpError.ts';
import type { MemberValue, TokenValues } from './tokenResponse.ts';

export interface WireOptions {
  naming: Naming;
  utcOffsetMinutes: number;
  faults: ActiveFaults;
}

const RENAMED = responseMember('userCode');
const MISSING = responseMember('companyType');
const ID = responseMember('id');
const IS_EXT = responseMember('isExt');
const EXPIRES_IN = responseMember('expires_in');
const MIXED_UP_TO_ORDER = Math.ceil(TOKEN_RESPONSE.members.length / 2);

export function tokenResponseJson(values: TokenValues, options: WireOptions): string {
  const members = options.faults.has('missing-field') ? TOKEN_RESPONSE.members.filter((m) => m !== MISSING) : TOKEN_RESPONSE.members;
  const entries = members.map((m) => `${JSON.stringify(jsonKey(m, options))}:${jsonValue(m, values.get(m.member) ?? null, options)}`);
  return `{${entries.join(',')}}`;
}

export function httpErrorJson(error: HttpError): string {
  return JSON.stringify(error);
}

function jsonKey(member: ResponseMember, { naming, faults }: WireOptions): string {
  const mixedUp = faults.has('mixed-naming') && member.order <= MIXED_UP_TO_ORDER;
  const effective: Naming = mixedUp ? (naming === 'documented' ? 'backing-field' : 'documented') : naming;
  const key = effective === 'documented' ? member.documented : member.jsonBackingField;
  return faults.has('renamed-field') && member === RENAMED ? key.replace(/[a-z]/, (c) => c.toUpperCase()) : key;
}

function jsonValue(member: ResponseMember, value: MemberValue, { utcOffsetMinutes, faults }: WireOptions): string {
  if (value === null) return 'null';
  if (member.type === 'date') {
    if (faults.has('dates-ms-ajax')) return JSON.stringify(formatNetDate(Number(value), utcOffsetMinutes, 'ms-ajax')).replaceAll('/', '\\/');
    return JSON.stringify(formatNetDate(Number(value), utcOffsetMinutes, faults.has('dates-without-offset') ? 'unspecified' : 'offset'));
  }
  if ((faults.has('id-as-string') && member === ID) || (faults.has('isext-as-string') && member === IS_EXT)) {
    return JSON.stringify(String(value));
  }
  if (faults.has('expires-in-as-number') && member === EXPIRES_IN) return String(Number(value));
  return JSON.stringify(value);
}
