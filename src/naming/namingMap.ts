// The naming map: for every member of the token response, the name the doc's table promises
// (Json.NET's [JsonProperty]) and the names the real serializers emit for the compiler's
// backing field, derived from the doc's table and its samples, never typed by hand.
// The Help Page's sample generator numbers values in declaration order ("sample string N"),
// so position N of the table is checked against the sample's value N.

import type { DocType, EndpointModel } from '../doc/model.ts';
import { parseXmlDocument, type XmlElement } from '../xml/safeParse.ts';

export interface ResponseMember {
  /** 1-based position in the class declaration (the table's and the JSON sample's order). */
  order: number;
  type: DocType;
  /** The name in the doc's table, e.g. `access_token` or `.issued`. */
  documented: string;
  /** The C# auto-property, e.g. `accessToken`. */
  member: string;
  /** Json.NET's key for the backing field, e.g. `<accessToken>k__BackingField`. */
  jsonBackingField: string;
  /** DataContractSerializer's element for the backing field, e.g. `_x003C_accessToken_x003E_k__BackingField`. */
  xmlBackingField: string;
  /** The element a fixed class would use: XmlConvert.EncodeLocalName of the documented name. */
  xmlDocumented: string;
  /** The doc sample's value (strings "sample string N", numbers, booleans, dates). */
  example: string | number | boolean;
}

export interface RequestMember {
  /** JSON key, e.g. `refresh_token`. */
  json: string;
  /** DataContract element, e.g. `Refreshtoken`; absent when the member is JSON-only. */
  xml?: string;
  type: DocType;
  optional: boolean;
  defaultValue?: string;
  /** The doc's `Data type: X` annotation (a Password is compared exactly, an EmailAddress is not checked by Web API). */
  dataType?: string;
  example: string | number | boolean;
}

export interface NamingMap {
  response: { typeName: string; xmlNamespace: string; members: ResponseMember[] };
  request: {
    typeName: string;
    xmlNamespace: string;
    members: RequestMember[];
    /** XML-only members the doc's XML sample carries (e.g. ControllerVersion), in sample order. */
    xmlOnly: { xml: string; type: DocType; example: string }[];
    /** Element order DataContractSerializer expects in the request XML. */
    xmlOrder: string[];
  };
}

export class NamingMapError extends Error {
  constructor(message: string) {
    super(`naming map: ${message}`);
    this.name = 'NamingMapError';
  }
}

const BACKING_FIELD = /^<(\w+)>k__BackingField$/;

export function buildNamingMap(model: EndpointModel): NamingMap {
  return { response: responseMembers(model), request: requestMembers(model) };
}

function responseMembers(model: EndpointModel) {
  const json = jsonSample(model.response.samples, 'response');
  const xml = xmlSample(model.response.samples, 'response');
  const keys = Object.keys(json);
  const fields = model.response.fields;
  if (keys.length !== fields.length) {
    throw new NamingMapError(`the table lists ${fields.length} response fields but the JSON sample has ${keys.length} keys`);
  }
  const members = fields.map((field, index): ResponseMember => {
    const key = keys[index]!;
    const backing = BACKING_FIELD.exec(key);
    if (!backing) throw new NamingMapError(`JSON sample key "${key}" is not a compiler backing field`);
    const example = json[key] as string | number | boolean;
    checkExample(field.name, field.type, example, index + 1);
    const xmlBackingField = encodeLocalName(key);
    const element = xml.children.find((c) => c.localName === xmlBackingField);
    if (!element) throw new NamingMapError(`XML sample has no element ${xmlBackingField} for "${field.name}"`);
    if (element.text !== String(example)) {
      throw new NamingMapError(`XML sample's ${xmlBackingField} is "${element.text}", the JSON sample's is "${String(example)}"`);
    }
    return {
      order: index + 1,
      type: field.type,
      documented: field.name,
      member: backing[1]!,
      jsonBackingField: key,
      xmlBackingField,
      xmlDocumented: encodeLocalName(field.name),
      example,
    };
  });
  if (xml.children.length !== members.length) {
    throw new NamingMapError(`XML sample has ${xml.children.length} elements, the table ${members.length} fields`);
  }
  return { typeName: model.response.typeName, xmlNamespace: xml.namespace, members };
}

/** Sample values say where a member sits: "sample string N" and numbers carry N. */
function checkExample(name: string, type: DocType, example: unknown, position: number): void {
  const expected: Record<DocType, string> = { string: 'string', integer: 'number', boolean: 'boolean', date: 'string', 'decimal number': 'number' };
  if (typeof example !== expected[type]) {
    throw new NamingMapError(`"${name}" is documented as ${type} but the sample holds ${JSON.stringify(example)}`);
  }
  const numbered = typeof example === 'number' ? example : /^sample string (\d+)$/.exec(String(example))?.[1];
  if (numbered !== undefined && Number(numbered) !== position) {
    throw new NamingMapError(`"${name}" is row ${position} of the table but its sample value ${JSON.stringify(example)} is numbered ${numbered}`);
  }
}

function requestMembers(model: EndpointModel): NamingMap['request'] {
  const json = jsonSample(model.request.samples, 'request');
  const xml = xmlSample(model.request.samples, 'request');
  const used = new Set<string>();
  const members = model.request.fields.map((field): RequestMember => {
    if (!(field.name in json)) throw new NamingMapError(`request JSON sample has no "${field.name}"`);
    const example = json[field.name] as string | number | boolean;
    const element = xml.children.find((c) => c.text === String(example));
    if (element) used.add(element.localName);
    return {
      json: field.name,
      ...(element ? { xml: element.localName } : {}),
      type: field.type,
      optional: field.optional,
      ...(field.defaultValue !== undefined ? { defaultValue: field.defaultValue } : {}),
      ...(field.dataType !== undefined ? { dataType: field.dataType } : {}),
      example,
    };
  });
  const xmlOnly = xml.children
    .filter((c) => !used.has(c.localName))
    .map((c) => ({ xml: c.localName, type: (/^-?\d+$/.test(c.text) ? 'integer' : 'string') as DocType, example: c.text }));
  return {
    typeName: model.request.typeName,
    xmlNamespace: xml.namespace,
    members,
    xmlOnly,
    xmlOrder: xml.children.map((c) => c.localName),
  };
}

function jsonSample(samples: EndpointModel['request']['samples'], what: string): Record<string, unknown> {
  const sample = samples.find((s) => s.format === 'json');
  if (!sample) throw new NamingMapError(`the doc has no JSON ${what} sample`);
  try {
    return JSON.parse(sample.text) as Record<string, unknown>;
  } catch (error) {
    throw new NamingMapError(`the JSON ${what} sample (doc line ${sample.line}) does not parse: ${(error as Error).message}`);
  }
}

function xmlSample(samples: EndpointModel['request']['samples'], what: string): XmlElement {
  const sample = samples.find((s) => s.format === 'xml');
  if (!sample) throw new NamingMapError(`the doc has no XML ${what} sample`);
  try {
    return parseXmlDocument(sample.text);
  } catch (error) {
    throw new NamingMapError(`the XML ${what} sample (doc line ${sample.line}) does not parse: ${(error as Error).message}`);
  }
}

/**
 * System.Xml.XmlConvert.EncodeLocalName: characters not allowed in an XML name become
 * `_xHHHH_` (a leading character must also be a valid name start).
 */
export function encodeLocalName(name: string): string {
  let out = '';
  for (const [index, char] of [...name].entries()) {
    const allowed = index === 0 ? /[A-Za-z_]/ : /[A-Za-z0-9_.-]/;
    out += allowed.test(char) ? char : `_x${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}_`;
  }
  return out;
}

/** DataContractSerializer writes members in ordinal (UTF-16 code unit) order of their names. */
export function ordinalSort(names: readonly string[]): string[] {
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
