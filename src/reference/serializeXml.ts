// DataContractSerializer as Web API's XML formatter runs it: the root (TokenResponse,
// TokenCorpResponse, a generic page's type) in the class's contract namespace from the doc's
// sample, elements in ordinal order of their encoded names (or the order a generic page's
// sample shows), nulls as i:nil="true", no XML declaration; a member value holding a character
// XML cannot carry makes the writer throw, which the server answers 500. Error bodies are Web
// API's <Error>, written as they are. The XML faults are injected here.

import { ordinalSort, type ResponseMember } from '../naming/namingMap.ts';
import type { ResponseContract } from './contract.ts';
import { formatNetDate } from './dates.ts';
import type { HttpError } from './httpError.ts';
import { renamedByFault, type WireOptions } from './serializeJson.ts';
import type { MemberValue, MemberValues } from './tokenResponse.ts';
import { XSI_NAMESPACE } from '../xml/dataContract.ts';
import { escapeXmlText } from '../xml/text.ts';

export function responseXml(values: MemberValues, response: ResponseContract, options: WireOptions): string {
  const { faults, naming } = options;
  const byName = new Map(response.members.map((m) => [naming === 'documented' ? m.xmlDocumented : m.xmlBackingField, m]));
  const names = faults.has('xml-declaration-order') ? [...byName.keys()] : (response.xmlOrder ?? ordinalSort([...byName.keys()]));
  const children = names.map((element) => {
    const member = byName.get(element)!;
    const name = renamedByFault(element, member, faults);
    const value = values.get(member.member) ?? null;
    if (value !== null) return `<${name}>${escapeXmlText(writable(xmlText(member, value, options)))}</${name}>`;
    return faults.has('xml-nil-omitted') ? '' : `<${name} i:nil="true"/>`;
  });
  const namespace = faults.has('xml-wrong-namespace') ? response.xmlNamespace.replace(/\.[^./]+$/, '') : response.xmlNamespace;
  const prolog =
    (faults.has('xml-utf16-declaration') ? '<?xml version="1.0" encoding="utf-16"?>' : '') +
    (faults.has('xml-doctype') ? `<!DOCTYPE ${response.typeName}>` : '');
  const root = response.typeName;
  return `${prolog}<${root} xmlns:i="${XSI_NAMESPACE}" xmlns="${namespace}">${children.join('')}</${root}>`;
}

export function httpErrorXml(error: HttpError): string {
  const parts = Object.entries(error).map(([name, value]) =>
    typeof value === 'string'
      ? `<${name}>${escapeXmlText(value)}</${name}>`
      : `<${name}>${Object.entries(value as Record<string, string[]>).map(([key, messages]) => `<${key}>${escapeXmlText(messages.join(' '))}</${key}>`).join('')}</${name}>`,
  );
  return `<Error>${parts.join('')}</Error>`;
}

function xmlText(member: ResponseMember, value: Exclude<MemberValue, null>, { utcOffsetMinutes, faults }: WireOptions): string {
  if (member.type === 'date') return formatNetDate(Number(value), utcOffsetMinutes, faults.has('dates-without-offset') ? 'unspecified' : 'offset');
  return String(value);
}

/** Outside XML 1.0's Char production: controls, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** A member value the XML writer accepts; it throws on one XML cannot carry (error bodies are written as they are). */
function writable(text: string): string {
  if (NOT_XML_CHAR.test(text)) throw new Error('a value holds a character XML 1.0 cannot carry');
  return text;
}
