// How one body of an endpoint looks on the wire, per naming: the JSON key of every member and
// the DataContract elements (name, order, namespace) of every complex type. The table gives the
// documented names; the samples are real serializer output, so they give the backing-field keys
// (Json.NET on a [Serializable] class), the XML element names (C# names, encoded), their
// DataContract order and namespaces (`d2p1:` for members of another namespace), and the root
// element (generic types carry a hash suffix: ApiSuccessOfLoginResultgLC8bFpX).

import type { BodyDescription, Member, TypeDefinition, TypeRef } from '../doc/apiModel.ts';
import { inferType, sampleKey } from '../doc/resolveTypes.ts';
import { encodeLocalName, ordinalSort } from '../naming/namingMap.ts';
import { parseXmlDocument, type XmlElement } from '../xml/safeParse.ts';

export type WireNaming = 'documented' | 'backing-field';

const BACKING_FIELD = /^<(\w+)>k__BackingField$/;

export interface XmlElementLayout {
  name: string;
  type: TypeRef;
  /** The table's member, when the element is one; absent for elements only the XML sample shows. */
  member?: Member;
}

export interface XmlTypeLayout {
  namespace: string;
  elements: XmlElementLayout[];
}

export interface BodyLayout {
  body: BodyDescription;
  types: ReadonlyMap<string, TypeDefinition>;
  /** `documented` always; `backing-field` too when the JSON sample shows compiler backing fields. */
  namings: WireNaming[];
  jsonKeys: (type: string, naming: WireNaming) => string[];
  /** Absent when the page has no XML sample (a JSON-only page): no DataContract namespace to use. */
  xml?: {
    root: string;
    namespace: string;
    types: (naming: WireNaming) => ReadonlyMap<string, XmlTypeLayout>;
  };
}

export function bodyLayout(body: BodyDescription, types: ReadonlyMap<string, TypeDefinition>): BodyLayout {
  const json = jsonEvidence(body, types);
  const backing = [...json.values()].some((object) => Object.keys(object).some((k) => BACKING_FIELD.test(k)));
  const namings: WireNaming[] = backing ? ['documented', 'backing-field'] : ['documented'];
  const jsonKeys = (type: string, naming: WireNaming): string[] => {
    const definition = types.get(type);
    if (definition?.kind !== 'complex') return [];
    const seen = Object.keys(json.get(type) ?? {});
    // A camelCase contract resolver writes `userName` for the table's `UserName`: the sample's spelling is the wire's.
    const spelled = (name: string) => seen.find((k) => k !== name && k.toLowerCase() === name.toLowerCase() && !seen.includes(name)) ?? name;
    return definition.members.map((m, i) => (naming === 'backing-field' ? sampleKey(m.name, seen, i) : spelled(m.name)));
  };
  const root = firstXml(body);
  if (!root) return { body, types, namings, jsonKeys };
  const sampled = xmlEvidence(root, body, types, json);
  const documentedLayout = new Map([...sampled].map(([name, layout]) => [name, backing ? documentedElements(layout, types.get(name)) : layout]));
  return {
    body, types, namings, jsonKeys,
    xml: { root: root.localName, namespace: root.namespace, types: (naming) => (naming === 'backing-field' ? sampled : documentedLayout) },
  };
}

type JsonObject = Record<string, unknown>;

/** The first XML sample that parses (one that does not is reported when the samples are checked). */
function firstXml(body: BodyDescription): XmlElement | undefined {
  for (const sample of body.samples.filter((s) => s.format === 'xml')) {
    try {
      return parseXmlDocument(sample.text);
    } catch {
      continue;
    }
  }
  return undefined;
}

/** For each complex type, its JSON sample object (the keys in the serializer's order). */
function jsonEvidence(body: BodyDescription, types: ReadonlyMap<string, TypeDefinition>): Map<string, JsonObject> {
  const found = new Map<string, JsonObject>();
  const sample = body.samples.find((s) => s.format === 'json');
  if (!sample) return found;
  let value: unknown;
  try {
    value = JSON.parse(sample.text);
  } catch {
    return found;
  }
  const visit = (type: TypeRef, v: unknown): void => {
    if (type.kind === 'collection') return Array.isArray(v) ? visit(type.items, v[0]) : undefined;
    if (type.kind === 'dictionary') return v && typeof v === 'object' ? visit(type.value, Object.values(v)[0]) : undefined;
    if (type.kind !== 'named' || found.has(type.name) || !v || typeof v !== 'object' || Array.isArray(v)) return;
    const definition = types.get(type.name);
    if (definition?.kind !== 'complex') return;
    const keys = Object.keys(v);
    found.set(type.name, v as JsonObject);
    definition.members.forEach((m, i) => visit(m.type, (v as JsonObject)[sampleKey(m.name, keys, i)]));
  };
  visit(body.type, value);
  return found;
}

/** Walks the XML sample along the types: each complex type's elements, in the sample's order. */
function xmlEvidence(root: XmlElement, body: BodyDescription, types: ReadonlyMap<string, TypeDefinition>, json: Map<string, JsonObject>): Map<string, XmlTypeLayout> {
  const layouts = new Map<string, XmlTypeLayout>();
  const visit = (type: TypeRef, element: XmlElement): void => {
    if (type.kind === 'collection') return element.children.forEach((c) => visit(type.items, c));
    if (type.kind !== 'named' || layouts.has(type.name)) return;
    const definition = types.get(type.name);
    if (definition?.kind !== 'complex') return;
    const namespace = element.children[0]?.namespace ?? element.namespace;
    const layout = { namespace, elements: matchElements(definition.members, element.children, json.get(type.name) ?? {}) };
    layouts.set(type.name, layout);
    for (const e of layout.elements) {
      const child = element.children.find((c) => c.localName === e.name);
      if (child && e.member) visit(e.member.type, child);
    }
  };
  visit(body.type, root);
  return layouts;
}

/**
 * Pairs table members with sample elements: by name, by the encoded backing field at the
 * member's position, by name ignoring case (C# `GroupId` for JSON `groupId`), then by the
 * sample generator's value. Elements left over are members only the XML shows
 * (ControllerVersion); members the sample lacks go after the ones it shows.
 */
function matchElements(members: Member[], children: readonly XmlElement[], sample: JsonObject): XmlElementLayout[] {
  const used = new Set<XmlElement>();
  const byMember = new Map<Member, XmlElement>();
  const keys = Object.keys(sample);
  const free = () => children.filter((c) => !used.has(c));
  const rules: ((m: Member, i: number) => XmlElement | undefined)[] = [
    (m) => free().find((c) => c.localName === m.name),
    (m, i) => free().find((c) => c.localName === encodeLocalName(sampleKey(m.name, keys, i))),
    (m) => free().find((c) => c.localName.toLowerCase() === encodeLocalName(m.name).toLowerCase()),
    (m, i) => {
      const value = sample[sampleKey(m.name, keys, i)];
      const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
      return scalar ? free().find((c) => c.children.length === 0 && c.text === String(value)) : undefined;
    },
  ];
  for (const rule of rules) {
    members.forEach((m, i) => {
      if (byMember.has(m)) return;
      const found = rule(m, i);
      if (found) {
        byMember.set(m, found);
        used.add(found);
      }
    });
  }
  const elementOf = new Map([...byMember].map(([m, e]) => [e, m]));
  const layout: XmlElementLayout[] = children.map((c) => {
    const member = elementOf.get(c);
    return member ? { name: c.localName, type: member.type, member } : { name: c.localName, type: xmlOnlyType(c) };
  });
  // The sample is the serializer's output for a fully populated object: a member it leaves out
  // is not part of the XML contract ([IgnoreDataMember], or not a [DataMember]).
  return layout;
}

/** An element only the XML sample shows: its type guessed from the sample text. */
function xmlOnlyType(element: XmlElement): TypeRef {
  if (element.children.length > 0) return { kind: 'primitive', name: 'Object' };
  if (/^-?\d+$/.test(element.text)) return { kind: 'primitive', name: 'integer' };
  if (element.text === 'true' || element.text === 'false') return { kind: 'primitive', name: 'boolean' };
  return inferType(element.text, 'Object');
}

/** A fixed class would use the documented names, encoded, in ordinal order. */
function documentedElements(layout: XmlTypeLayout, definition: TypeDefinition | undefined): XmlTypeLayout {
  if (definition?.kind !== 'complex') return layout;
  const elements = definition.members.map((m) => ({ name: encodeLocalName(m.name), type: m.type, member: m }));
  const byName = new Map(elements.map((e) => [e.name, e]));
  return { namespace: layout.namespace, elements: ordinalSort([...byName.keys()]).map((n) => byName.get(n)!) };
}
