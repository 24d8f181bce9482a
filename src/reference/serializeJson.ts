// Json.NET as Web API configures it: compact output, keys in declaration order, ISO dates with
// the server's offset. For the [Serializable] token classes (TokenResponse, TokenCorpResponse)
// the backing-field names, or the documented ones once the class is fixed; a generic page's
// response has one set of names, the ones its samples show. The JSON faults are injected here.

import type { Naming } from '../findings/types.ts';
import type { ResponseMember } from '../naming/namingMap.ts';
import type { ResponseContract } from './contract.ts';
import { formatNetDate } from './dates.ts';
import type { ActiveFaults } from './faults.ts';
import type { HttpError } from './httpError.ts';
import type { MemberValue, MemberValues } from './tokenResponse.ts';

export interface WireOptions {
  naming: Naming;
  utcOffsetMinutes: number;
  faults: ActiveFaults;
}

/** The documented members the type and naming faults act on (the TokenResponse ones only where they exist). */
const RENAMED = 'userCode';
const MISSING = 'companyType';
const ID = 'id';
const IS_EXT = 'isExt';
const EXPIRES_IN = 'expires_in';

export function responseJson(values: MemberValues, response: ResponseContract, options: WireOptions): string {
  const members = options.faults.has('missing-field') ? response.members.filter((m) => m.documented !== MISSING) : response.members;
  const mixedUpToOrder = Math.ceil(response.members.length / 2);
  const entries = members.map((m) => `${JSON.stringify(jsonKey(m, mixedUpToOrder, options))}:${jsonValue(m, values.get(m.member) ?? null, options)}`);
  return `{${entries.join(',')}}`;
}

export function httpErrorJson(error: HttpError): string {
  return JSON.stringify(error);
}

function jsonKey(member: ResponseMember, mixedUpToOrder: number, { naming, faults }: WireOptions): string {
  const mixedUp = faults.has('mixed-naming') && member.order <= mixedUpToOrder;
  const effective: Naming = mixedUp ? (naming === 'documented' ? 'backing-field' : 'documented') : naming;
  const key = effective === 'documented' ? member.documented : member.jsonBackingField;
  return faults.has('renamed-field') && member.documented === RENAMED ? capitalised(key) : renamedByFault(key, member, faults);
}

/** generic-member-renamed: the first member written under its name capitalised (`Model_code`), in JSON and XML. */
export function renamedByFault(name: string, member: ResponseMember, faults: ActiveFaults): string {
  return faults.has('generic-member-renamed') && member.order === 1 ? capitalised(name) : name;
}

function capitalised(name: string): string {
  return name.replace(/[a-z]/, (c) => c.toUpperCase());
}

function jsonValue(member: ResponseMember, value: MemberValue, { utcOffsetMinutes, faults }: WireOptions): string {
  if (value === null) return 'null';
  if (member.type === 'date') {
    if (faults.has('dates-ms-ajax')) return JSON.stringify(formatNetDate(Number(value), utcOffsetMinutes, 'ms-ajax')).replaceAll('/', '\\/');
    return JSON.stringify(formatNetDate(Number(value), utcOffsetMinutes, faults.has('dates-without-offset') ? 'unspecified' : 'offset'));
  }
  if ((faults.has('id-as-string') && member.documented === ID) || (faults.has('isext-as-string') && member.documented === IS_EXT)) {
    return JSON.stringify(String(value));
  }
  if (faults.has('expires-in-as-number') && member.documented === EXPIRES_IN) return String(Number(value));
  return JSON.stringify(value);
}
