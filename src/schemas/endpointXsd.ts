// XSD in DataContract form for one body of any Help Page endpoint, in one naming: what the
// .NET exporter gives for the classes (docs/wire-format.md): one schema per namespace, a named
// complexType per class with one xs:sequence in DataContract order, elementFormDefault
// qualified, reference types nillable, value types not, collections as ArrayOfX, dictionaries as
// ArrayOfKeyValueOfXY (Serialization/Arrays namespace), Guid/char/TimeSpan as the Serialization
// namespace's types. Request members are optional unless Required (the binder skips what is
// missing); a response carries every member (DataContractSerializer writes nulls as i:nil).

import type { Annotations, Primitive, TypeRef } from '../doc/apiModel.ts';
import type { BodyLayout, WireNaming, XmlTypeLayout } from './wireLayout.ts';

const ARRAYS_NS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const SERIALIZATION_NS = 'http://schemas.microsoft.com/2003/10/Serialization/';

const PRIMITIVE_XSD: Record<Primitive, { ns: 'xs' | 'ser'; local: string; nillable: boolean }> = {
  string: { ns: 'xs', local: 'string', nillable: true },
  integer: { ns: 'xs', local: 'int', nillable: false },
  boolean: { ns: 'xs', local: 'boolean', nillable: false },
  date: { ns: 'xs', local: 'dateTime', nillable: false },
  'decimal number': { ns: 'xs', local: 'decimal', nillable: false },
  'globally unique identifier': { ns: 'ser', local: 'guid', nillable: false },
  'time interval': { ns: 'ser', local: 'duration', nillable: false },
  byte: { ns: 'xs', local: 'unsignedByte', nillable: false },
  character: { ns: 'ser', local: 'char', nillable: false },
  URI: { ns: 'xs', local: 'anyURI', nillable: true },
  Object: { ns: 'xs', local: 'anyType', nillable: true },
};

const SERIALIZATION_TYPES: Record<string, string> = {
  guid: '<xs:simpleType name="guid"><xs:restriction base="xs:string"><xs:pattern value="[\\da-fA-F]{8}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{12}" /></xs:restriction></xs:simpleType>',
  char: '<xs:simpleType name="char"><xs:restriction base="xs:int" /></xs:simpleType>',
  duration: '<xs:simpleType name="duration"><xs:restriction base="xs:duration" /></xs:simpleType>',
};

export interface XsdOptions {
  naming: WireNaming;
  direction: 'request' | 'response';
  constraints: boolean;
  /** File name of the main schema (`x.xsd`); schemas of other namespaces are `x.2.xsd`, `x.3.xsd`, ... */
  fileName: string;
}

export interface XsdSet {
  /** The schema that declares the root element. */
  main: string;
  root: { name: string; namespace: string };
  files: Map<string, string>;
  /** Every namespace with the file that defines it. */
  namespaces: Map<string, string>;
}

interface SchemaDoc {
  file: string;
  definitions: Map<string, string>;
  references: Set<string>;
}

interface Context {
  layout: BodyLayout;
  types: ReadonlyMap<string, XmlTypeLayout>;
  options: XsdOptions;
  docs: Map<string, SchemaDoc>;
  prefixes: Map<string, string>;
}

/** Undefined when the page has no XML sample (no DataContract namespace to use). */
export function bodyXsd(layout: BodyLayout, options: XsdOptions): XsdSet | undefined {
  if (!layout.xml) return undefined;
  const context: Context = { layout, types: layout.xml.types(options.naming), options, docs: new Map(), prefixes: new Map() };
  const root = layout.xml;
  doc(root.namespace, context); // the root's schema is the main file
  const rootType = xsdType(layout.body.type, root.namespace, context);
  doc(root.namespace, context).definitions.set(`element:${root.root}`, `<xs:element name="${root.root}" nillable="true" type="${rootType.qname}" />`);
  const files = new Map<string, string>();
  const namespaces = new Map<string, string>();
  for (const [ns, d] of context.docs) {
    files.set(d.file, render(ns, d, context));
    namespaces.set(ns, d.file);
  }
  return { main: doc(root.namespace, context).file, root: { name: root.root, namespace: root.namespace }, files, namespaces };
}

function doc(ns: string, context: Context): SchemaDoc {
  let found = context.docs.get(ns);
  if (!found) {
    const base = context.options.fileName.replace(/\.xsd$/, '');
    found = { file: context.docs.size === 0 ? context.options.fileName : `${base}.${context.docs.size + 1}.xsd`, definitions: new Map(), references: new Set() };
    context.docs.set(ns, found);
  }
  return found;
}

function prefix(ns: string, context: Context): string {
  let p = context.prefixes.get(ns);
  if (!p) {
    p = `q${context.prefixes.size + 1}`;
    context.prefixes.set(ns, p);
  }
  return p;
}

function qname(ns: string, local: string, from: string, context: Context): string {
  if (ns !== from) doc(from, context).references.add(ns);
  // No namespace: an unprefixed name (the schemas declare no default namespace).
  return ns ? `${prefix(ns, context)}:${local}` : local;
}

interface XsdTypeUse {
  qname: string;
  nillable: boolean;
  /** The local name DataContract uses for this type as an item of a collection. */
  itemName: string;
  /** For facets: the built-in base a restriction may use, when the type is a simple one. */
  simple?: Primitive;
}

/** The XSD type for a type reference used from a schema of namespace `from`, defining what it needs. */
function xsdType(type: TypeRef, from: string, context: Context): XsdTypeUse {
  switch (type.kind) {
    case 'primitive': return primitiveType(type.name, from, context);
    case 'collection': {
      if (type.items.kind === 'primitive' && type.items.name === 'byte') return { qname: 'xs:base64Binary', nillable: true, itemName: 'base64Binary' };
      const itemNs = type.items.kind === 'named' && context.types.get(type.items.name) ? context.types.get(type.items.name)!.namespace
        : type.items.kind === 'named' ? from : ARRAYS_NS;
      const item = xsdType(type.items, itemNs, context);
      const name = `ArrayOf${item.itemName}`;
      doc(itemNs, context).definitions.set(`type:${name}`, [
        `<xs:complexType name="${name}">`,
        '  <xs:sequence>',
        `    <xs:element minOccurs="0" maxOccurs="unbounded" name="${item.itemName}"${item.nillable ? ' nillable="true"' : ''} type="${item.qname}" />`,
        '  </xs:sequence>',
        '</xs:complexType>',
      ].join('\n'));
      return { qname: qname(itemNs, name, from, context), nillable: true, itemName: name };
    }
    case 'dictionary': {
      const key = xsdType(type.key, ARRAYS_NS, context);
      const value = xsdType(type.value, ARRAYS_NS, context);
      const pair = `KeyValueOf${key.itemName}${value.itemName}`;
      doc(ARRAYS_NS, context).definitions.set(`type:ArrayOf${pair}`, [
        `<xs:complexType name="ArrayOf${pair}">`,
        '  <xs:sequence>',
        `    <xs:element minOccurs="0" maxOccurs="unbounded" name="${pair}">`,
        '      <xs:complexType><xs:sequence>',
        `        <xs:element name="Key"${key.nillable ? ' nillable="true"' : ''} type="${key.qname}" />`,
        `        <xs:element name="Value"${value.nillable ? ' nillable="true"' : ''} type="${value.qname}" />`,
        '      </xs:sequence></xs:complexType>',
        '    </xs:element>',
        '  </xs:sequence>',
        '</xs:complexType>',
      ].join('\n'));
      return { qname: qname(ARRAYS_NS, `ArrayOf${pair}`, from, context), nillable: true, itemName: `ArrayOf${pair}` };
    }
    case 'named': return namedType(type.name, from, context);
  }
}

function primitiveType(name: Primitive, from: string, context: Context): XsdTypeUse {
  const p = PRIMITIVE_XSD[name];
  if (p.ns === 'xs') return { qname: `xs:${p.local}`, nillable: p.nillable, itemName: p.local, simple: name };
  doc(SERIALIZATION_NS, context).definitions.set(`type:${p.local}`, SERIALIZATION_TYPES[p.local]!);
  return { qname: qname(SERIALIZATION_NS, p.local, from, context), nillable: p.nillable, itemName: p.local, simple: name };
}

function namedType(name: string, from: string, context: Context): XsdTypeUse {
  const definition = context.layout.types.get(name);
  if (!definition) return { qname: 'xs:anyType', nillable: true, itemName: 'anyType' };
  if (definition.kind === 'scalar') return primitiveType(definition.primitive, from, context);
  if (definition.kind === 'enum') {
    // DataContractSerializer writes an enum member's name.
    doc(from, context).definitions.set(`type:${name}`, [
      `<xs:simpleType name="${name}">`,
      '  <xs:restriction base="xs:string">',
      ...definition.values.map((v) => `    <xs:enumeration value="${escapeAttribute(v.name)}" />`),
      '  </xs:restriction>',
      '</xs:simpleType>',
    ].join('\n'));
    return { qname: qname(from, name, from, context), nillable: false, itemName: name };
  }
  const layout = context.types.get(name);
  const ns = layout?.namespace ?? from;
  const key = `type:${name}`;
  const target = doc(ns, context);
  if (!target.definitions.has(key)) {
    target.definitions.set(key, ''); // placeholder: a type that refers to itself stops here
    const elements = (layout?.elements ?? definition.members.map((m) => ({ name: m.name, type: m.type, member: m })))
      .map((e) => element(e.name, e.type, e.member?.annotations ?? {}, ns, context));
    target.definitions.set(key, [
      `<xs:complexType name="${name}">`,
      '  <xs:sequence>',
      ...elements.map((e) => `    ${e}`),
      '  </xs:sequence>',
      '</xs:complexType>',
    ].join('\n'));
  }
  return { qname: qname(ns, name, from, context), nillable: true, itemName: name };
}

function element(name: string, type: TypeRef, annotations: Annotations, ns: string, context: Context): string {
  const use = xsdType(type, ns, context);
  const optional = context.options.direction === 'request' && !annotations.required;
  const head = `<xs:element${optional ? ' minOccurs="0"' : ''} name="${name}"${use.nillable ? ' nillable="true"' : ''}`;
  const restriction = context.options.constraints && use.simple ? facets(use.simple, annotations) : [];
  if (restriction.length === 0) return `${head} type="${use.qname}" />`;
  return `${head}><xs:simpleType><xs:restriction base="${use.qname}">${restriction.join('')}</xs:restriction></xs:simpleType></xs:element>`;
}

function facets(simple: Primitive, annotations: Annotations): string[] {
  const out: string[] = [];
  if (simple === 'string') {
    const min = annotations.stringLength?.min ?? annotations.minLength;
    const max = annotations.stringLength?.max ?? annotations.maxLength;
    if (min !== undefined && min > 0) out.push(`<xs:minLength value="${min}" />`);
    if (max !== undefined) out.push(`<xs:maxLength value="${max}" />`);
    const pattern = annotations.pattern && xsdPattern(annotations.pattern);
    if (pattern) out.push(`<xs:pattern value="${escapeAttribute(pattern)}" />`);
  }
  if ((simple === 'integer' || simple === 'decimal number' || simple === 'byte') && annotations.range) {
    out.push(`<xs:minInclusive value="${annotations.range.min}" />`, `<xs:maxInclusive value="${annotations.range.max}" />`);
  }
  return out;
}

/**
 * An XSD pattern matches the whole value and knows no anchors or lookarounds: a .NET pattern
 * anchored at both ends converts; one that is not, or uses constructs XSD lacks, is left to the
 * JSON Schema (which keeps it) rather than turned into a different rule.
 */
function xsdPattern(pattern: string): string | undefined {
  const inner = pattern.replace(/^\^/, '').replace(/\$$/, '');
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) return undefined;
  if (/\(\?|\\[bBAzZG]|(?<!\\)[$^]/.test(inner)) return undefined;
  return inner;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function render(ns: string, d: SchemaDoc, context: Context): string {
  const declarations = [...context.prefixes].map(([n, p]) => ` xmlns:${p}="${n}"`).join('');
  const imports = [...d.references].sort().map((n) => `  <xs:import ${n ? `namespace="${n}" ` : ''}schemaLocation="${context.docs.get(n)!.file}" />`);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"${declarations} elementFormDefault="qualified"${ns ? ` targetNamespace="${ns}"` : ''}>`,
    ...imports,
    ...[...d.definitions.values()].map((text) => text.split('\n').map((line) => `  ${line}`).join('\n')),
    '</xs:schema>',
    '',
  ].join('\n');
}
