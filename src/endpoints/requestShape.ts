// What a request body is made of, as the probes derive cases from it: its top-level members
// (JSON key, DataContract element, simple type, required) and, where the page shows XML, the
// document's root start tag and element order. A token endpoint's comes from its naming map
// (the Consinco convention: a member the doc does not mark OPTIONAL is required), any other
// endpoint's from the general model and its samples (required: the Required annotation).

import type { Member } from '../doc/apiModel.ts';
import { parseJsonObject } from '../json/object.ts';
import type { TestedEndpoint } from './testedEndpoint.ts';
import { bodyLayout } from '../schemas/wireLayout.ts';
import { dataContractRoot } from '../xml/dataContract.ts';
import { validValue } from './validValues.ts';
import { escapeXmlText } from '../xml/text.ts';

export type MemberType = 'string' | 'integer' | 'decimal number' | 'boolean' | 'date' | 'other';

export interface RequestMemberShape {
  json: string;
  /** Absent when the member has no XML element (JSON-only). */
  xml?: string;
  type: MemberType;
  required: boolean;
  /** The doc's `Data type: X` (Password, EmailAddress). */
  dataType?: string;
}

/** An XML request: the root's start and end tags as written, and each top-level element's inner XML, in order. */
export interface XmlFrame {
  open: string;
  close: string;
  children: [string, string][];
}

export interface RequestShape {
  members: RequestMemberShape[];
  /** The XML element order DataContractSerializer reads; absent without an XML sample. */
  xmlOrder?: string[];
  /** The page's own request samples: the JSON object and the XML frame. */
  sample: { json?: Record<string, unknown>; xml?: XmlFrame };
}

const SIMPLE: readonly string[] = ['string', 'integer', 'decimal number', 'boolean', 'date'];
const simple = (name: string): MemberType => (SIMPLE.includes(name) ? name as MemberType : 'other');

export function xmlText(frame: XmlFrame, children: readonly [string, string][] = frame.children): string {
  return `${frame.open}${children.map(([name, inner]) => `<${name}>${inner}</${name}>`).join('')}${frame.close}`;
}

/** Splits a sample document into its root tags and top-level elements (inner XML kept verbatim). */
export function xmlFrame(sample: string): XmlFrame | undefined {
  const text = sample.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>)?\s*/, '').trim();
  const open = /^<([\w.:-]+)[^>]*>/.exec(text);
  if (!open) return undefined;
  const close = `</${open[1]}>`;
  if (!text.endsWith(close)) return undefined;
  const inner = text.slice(open[0].length, text.length - close.length);
  const children: [string, string][] = [];
  const tag = /<(\/?)([\w.:-]+)[^>]*?(\/?)>/g;
  let depth = 0;
  let name = '';
  let contentStart = 0;
  for (let m = tag.exec(inner); m; m = tag.exec(inner)) {
    const [whole, closing, tagName, selfClosing] = m;
    if (!closing && depth === 0) {
      name = tagName!;
      contentStart = m.index + whole.length;
      if (selfClosing) {
        children.push([name, '']);
        continue;
      }
    }
    if (!closing && !selfClosing) depth++;
    if (closing) {
      depth--;
      if (depth === 0) children.push([name, inner.slice(contentStart, m.index)]);
    }
    if (depth < 0) return undefined;
  }
  return { open: open[0], close, children };
}

function tokenShape(endpoint: TestedEndpoint): RequestShape {
  const { request } = endpoint.wire!.naming;
  const members = request.members.map((m): RequestMemberShape => ({
    json: m.json, ...(m.xml ? { xml: m.xml } : {}), type: m.type, required: !m.optional, ...(m.dataType ? { dataType: m.dataType } : {}),
  }));
  return { members, xmlOrder: request.xmlOrder, sample: { xml: { ...dataContractRoot(request.typeName, request.xmlNamespace), children: [] } } };
}

function generalShape(endpoint: TestedEndpoint): RequestShape | undefined {
  const body = endpoint.api.request;
  if (!body || body.type.kind !== 'named') return undefined;
  const definition = endpoint.api.types.get(body.type.name);
  if (definition?.kind !== 'complex') return undefined;
  const layout = bodyLayout(body, endpoint.api.types);
  const keys = layout.jsonKeys(definition.name, 'documented');
  const elements = layout.xml?.types('documented').get(definition.name)?.elements ?? [];
  const elementOf = (m: Member) => elements.find((e) => e.member === m)?.name;
  const members = definition.members.map((m, i): RequestMemberShape => ({
    json: keys[i] ?? m.name,
    ...(elementOf(m) ? { xml: elementOf(m)! } : {}),
    type: m.type.kind === 'primitive' ? simple(m.type.name) : 'other',
    required: m.annotations.required === true,
    ...(m.annotations.dataType ? { dataType: m.annotations.dataType } : {}),
  }));
  const jsonSample = body.samples.find((s) => s.format === 'json');
  const xmlSample = body.samples.find((s) => s.format === 'xml');
  const json = jsonSample && parseJsonObject(jsonSample.text);
  const xml = xmlSample && xmlFrame(xmlSample.text);
  const valid = validSample(definition.members, members, json, xml);
  return { members, ...(xml ? { xmlOrder: xml.children.map(([n]) => n) } : {}), sample: { ...(valid.json ? { json: valid.json } : {}), ...(valid.xml ? { xml: valid.xml } : {}) } };
}

/** The samples with every value the member's own attributes refuse replaced by one they accept. */
function validSample(model: readonly Member[], members: readonly RequestMemberShape[], json: Record<string, unknown> | undefined, xml: XmlFrame | undefined): { json?: Record<string, unknown>; xml?: XmlFrame } {
  const fixedJson = json && { ...json };
  const fixedXml = xml && { ...xml, children: xml.children.map(([n, t]): [string, string] => [n, t]) };
  model.forEach((member, i) => {
    const shape = members[i]!;
    if (fixedJson && shape.json in fixedJson) fixedJson[shape.json] = validValue(member, fixedJson[shape.json]) ?? fixedJson[shape.json];
    const child = fixedXml?.children.find(([n]) => n === shape.xml);
    if (child && shape.type === 'string') {
      const value = validValue(member, child[1]);
      if (typeof value === 'string') child[1] = escapeXmlText(value);
    }
  });
  return { ...(fixedJson ? { json: fixedJson } : {}), ...(fixedXml ? { xml: fixedXml } : {}) };
}

const shapes = new WeakMap<TestedEndpoint, RequestShape | undefined>();

/** Undefined when the endpoint takes no complex body (a GET, a body of a simple type); made once per endpoint (the probes and the contract share it). */
export function requestShape(endpoint: TestedEndpoint): RequestShape | undefined {
  if (!shapes.has(endpoint)) shapes.set(endpoint, endpoint.wire ? tokenShape(endpoint) : generalShape(endpoint));
  return shapes.get(endpoint);
}
