// DataContractSerializer as Web API's XML formatter runs it: root TokenResponse (or
// TokenCorpResponse) in the class's contract namespace from the doc's sample, elements in ordinal order of their encoded names, nulls as
// i:nil="true", no XML declaration. Error bodies are Web API's <Error>. The XML faults are
// injected here.

import { ordinalSort, type ResponseMember } from '../naming/namingMap.ts';
import type { ResponseContract } from './contract.ts';
import { formatNetDate } from './dates.ts';
import type { HttpError } from './httpError.ts';
import type { WireOptions } from './serializeJson.ts';
import type { MemberValue, TokenValues } from './tokenResponse.ts';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export function tokenResponseXml(values: TokenValues, response: ResponseContract, options: WireOptions): string {
  const { faults, naming } = options;
  const byName = new Map(response.members.map((m) => [naming === 'documented' ? m.xmlDocumented : m.xmlBackingField, m]));
  const names = faults.has('xml-declaration-order') ? [...byName.keys()] : ordinalSort([...byName.keys()]);
  const children = names.map((name) => {
    const member = byName.get(name)!;
    const value = values.get(member.member) ?? null;
    if (value !== null) return `<${name}>${escapeText(xmlText(member, value, options))}</${name}>`;
    return faults.has('xml-nil-omitted') ? '' : `<${name} i:nil="true"/>`;
  });
  const namespace = faults.has('xml-wrong-namespace') ? response.xmlNamespace.replace(/\.[^./]+$/, '') : response.xmlNamespace;
  const prolog =
    (faults.has('xml-utf16-declaration') ? '<?xml version="1.0" encoding="utf-16"?>' : '') +
    (faults.has('xml-doctype') ? `<!DOCTYPE ${response.typeName}>` : '');
  const root = response.typeName;
  return `${prolog}<${root} xmlns:i="${XSI}" xmlns="${namespace}">${children.join('')}</${root}>`;
}

export function httpErrorXml(error: HttpError): string {
  const parts = Object.entries(error).map(([name, value]) =>
    typeof value === 'string'
      ? `<${name}>${escapeText(value)}</${name}>`
      : `<${name}>${Object.entries(value as Record<string, string[]>).map(([key, messages]) => `<${key}>${escapeText(messages.join(' '))}</${key}>`).join('')}</${name}>`,
  );
  return `<Error>${parts.join('')}</Error>`;
}

function xmlText(member: ResponseMember, value: Exclude<MemberValue, null>, { utcOffsetMinutes, faults }: WireOptions): string {
  if (member.type === 'date') return formatNetDate(Number(value), utcOffsetMinutes, faults.has('dates-without-offset') ? 'unspecified' : 'offset');
  return String(value);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
