// XSDs as the .NET DataContract exporter would give them: one xs:sequence in ordinal order of
// the element names, elementFormDefault="qualified", strings nillable, value types not,
// every member of a [Serializable] class required. Element names come from the naming map.

import type { DocType } from '../doc/model.ts';
import { ordinalSort, type NamingMap } from '../naming/namingMap.ts';
import type { ResponseNaming } from './jsonSchemas.ts';

const XSD_TYPES: Record<DocType, string> = {
  string: 'xs:string', integer: 'xs:int', boolean: 'xs:boolean', date: 'xs:dateTime', 'decimal number': 'xs:decimal',
};

interface XsdElement { name: string; type: DocType; optional: boolean }

function element({ name, type, optional }: XsdElement): string {
  const nillable = type === 'string' ? ' nillable="true"' : '';
  const occurs = optional ? ' minOccurs="0"' : '';
  return `      <xs:element${occurs} name="${name}" type="${XSD_TYPES[type]}"${nillable} />`;
}

function dataContractXsd(namespace: string, typeName: string, elements: XsdElement[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${namespace}" elementFormDefault="qualified" targetNamespace="${namespace}">`,
    `  <xs:complexType name="${typeName}">`,
    '    <xs:sequence>',
    ...elements.map(element),
    '    </xs:sequence>',
    '  </xs:complexType>',
    `  <xs:element name="${typeName}" nillable="true" type="tns:${typeName}" />`,
    '</xs:schema>',
    '',
  ].join('\n');
}

export function requestXsd(naming: NamingMap): string {
  const { request } = naming;
  const byName = new Map<string, XsdElement>();
  for (const m of request.members) if (m.xml) byName.set(m.xml, { name: m.xml, type: m.type, optional: true });
  for (const m of request.xmlOnly) byName.set(m.xml, { name: m.xml, type: m.type, optional: true });
  return dataContractXsd(request.xmlNamespace, request.typeName, ordinalSort([...byName.keys()]).map((n) => byName.get(n)!));
}

export function responseXsd(naming: NamingMap, which: ResponseNaming): string {
  const { response } = naming;
  const elements = response.members.map((m) => ({
    name: which === 'documented' ? m.xmlDocumented : m.xmlBackingField,
    type: m.type,
    optional: false,
  }));
  const byName = new Map(elements.map((e) => [e.name, e]));
  return dataContractXsd(response.xmlNamespace, response.typeName, ordinalSort([...byName.keys()]).map((n) => byName.get(n)!));
}

/** Web API's HttpError as XML: <Error> in no namespace, Message first, then whatever the error carries. */
export function errorXsd(): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">',
    '  <xs:element name="Error">',
    '    <xs:complexType>',
    '      <xs:sequence>',
    '        <xs:element name="Message" type="xs:string" />',
    '        <xs:any minOccurs="0" maxOccurs="unbounded" namespace="##any" processContents="skip" />',
    '      </xs:sequence>',
    '    </xs:complexType>',
    '  </xs:element>',
    '</xs:schema>',
    '',
  ].join('\n');
}
