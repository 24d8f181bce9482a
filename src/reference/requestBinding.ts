// How the server's formatters bind a request body to its model. JSON (Json.NET): key names
// matched case-insensitively, unknown keys ignored, scalars converted to strings, an int
// member read from a JSON integer or from a string holding one ("1"), the last duplicate wins. XML (DataContractSerializer): root name and namespace must match, element
// names are case-sensitive, members are read in contract order and an element that comes
// after a later member was already read is skipped, as are unknown ones. Results live in a
// Map, so hostile keys such as __proto__ touch nothing. Form data (Web API's form formatters
// and model binding): keys matched ignoring case, the first of repeated keys, an empty value
// binds null, an int member from its text.

import type { BindingModel } from './contract.ts';
import type { BodyFormat } from './negotiation.ts';
import { parseXmlDocument, type XmlElement } from '../xml/safeParse.ts';
import { XSI_NAMESPACE } from '../xml/dataContract.ts';

export type BoundValue = string | number | null;
/** Bound members by `key`; a member that was not in the body is absent. */
export type BoundModel = ReadonlyMap<string, BoundValue>;

/** The body cannot be bound: a 400 with this model-state key and message. */
export class ModelBindingError extends Error {
  constructor(readonly modelStateKey: string, message: string) {
    super(message);
    this.name = 'ModelBindingError';
  }
}

/** The body is not well-formed JSON / XML at all. */
export class MalformedBodyError extends ModelBindingError {
  constructor(message: string) {
    super('model', message);
    this.name = 'MalformedBodyError';
  }
}

const INT32 = /^[+-]?\d{1,10}$/;
const INT32_RANGE = [-(2 ** 31), 2 ** 31 - 1] as const;

/** A converter that throws while reading (the corp-group-id-string-500 fault): the action never runs. */
export class ConverterError extends Error {}

export interface BindOptions {
  /** A JSON string for an int member throws instead of converting (a server's own converter). */
  refuseTextIntegers?: boolean;
}

/** An empty body binds nothing (Web API passes a null model). */
export function bindBody(text: string, format: BodyFormat | undefined, model: BindingModel, options: BindOptions = {}): BoundModel {
  if (text.trim() === '' || format === undefined) return new Map();
  if (format === 'form') return bindForm(text, model);
  return format === 'json' ? bindJson(text, model, options) : bindXml(text, model);
}

/** The members a name binds to, by that name in lower case (Json.NET and model binding ignore case). */
function membersByName(model: BindingModel): Map<string, BindingModel['members'][number]> {
  const byName = new Map<string, BindingModel['members'][number]>();
  for (const m of model.members) if (m.json !== undefined && !byName.has(m.json.toLowerCase())) byName.set(m.json.toLowerCase(), m);
  return byName;
}

function bindForm(text: string, model: BindingModel): BoundModel {
  const byName = membersByName(model);
  const bound = new Map<string, BoundValue>();
  for (const [key, value] of new URLSearchParams(text)) {
    const member = byName.get(key.toLowerCase());
    if (!member || bound.has(member.key)) continue;
    bound.set(member.key, value === '' ? null : member.type === 'integer' ? jsonInteger(value, member.key) : value);
  }
  return bound;
}

function bindJson(text: string, model: BindingModel, options: BindOptions): BoundModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MalformedBodyError('The request body is not valid JSON.');
  }
  const bound = new Map<string, BoundValue>();
  if (parsed === null) return bound;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ModelBindingError('model', `The request body must be a JSON object (${model.typeName}).`);
  }
  // A body may carry thousands of other keys: one whose length no member name has is passed
  // over before it is lower-cased (lower-casing keeps the length of any key that can match).
  const byName = membersByName(model);
  const nameLengths = new Set([...byName.keys()].map((name) => name.length));
  for (const key of Object.keys(parsed)) {
    if (!nameLengths.has(key.length)) continue;
    const member = byName.get(key.toLowerCase());
    if (!member) continue;
    const value = (parsed as Record<string, unknown>)[key];
    if (member.type !== 'integer') bound.set(member.key, jsonScalar(value, member.key));
    else if (typeof value === 'string' && options.refuseTextIntegers) throw new ConverterError(`a string for the int member ${member.key}`);
    else bound.set(member.key, jsonInteger(value, member.key));
  }
  return bound;
}

/** Json.NET reading an int member: an integer, or a string holding one; null, fractions, booleans and text fail. */
function jsonInteger(value: unknown, key: string): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!INT32.test(text) || Number(text) < INT32_RANGE[0] || Number(text) > INT32_RANGE[1]) {
    throw new ModelBindingError(`model.${key}`, `The ${key} field must be an integer.`);
  }
  return Number(text);
}

/** Json.NET reading a string member: scalars become their text, objects and arrays fail. */
function jsonScalar(value: unknown, key: string): BoundValue {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  throw new ModelBindingError(`model.${key}`, `The ${key} field must be a string.`);
}

function bindXml(text: string, model: BindingModel): BoundModel {
  let root: XmlElement;
  try {
    root = parseXmlDocument(text);
  } catch {
    throw new MalformedBodyError('The request body is not well-formed XML.');
  }
  if (root.localName !== model.typeName || root.namespace !== model.xmlNamespace) {
    throw new ModelBindingError('model', `Expecting element '${model.typeName}' from namespace '${model.xmlNamespace}'.`);
  }
  const bound = new Map<string, BoundValue>();
  const rootPrefixes = xsiPrefixes(root, []);
  if (isNil(root, rootPrefixes)) return bound;
  let next = 0;
  for (const child of root.children) {
    if (child.namespace !== model.xmlNamespace) continue;
    const position = model.xmlOrder.indexOf(child.localName, next);
    if (position < 0) continue;
    next = position + 1;
    const member = model.members.find((m) => m.xml === child.localName);
    if (member) bound.set(member.key, xmlValue(child, member.type, isNil(child, xsiPrefixes(child, rootPrefixes))));
  }
  return bound;
}

function xmlValue(element: XmlElement, type: string, nil: boolean): BoundValue {
  if (element.children.length > 0) throw new ModelBindingError(`model.${element.localName}`, `The ${element.localName} element must hold text only.`);
  if (type !== 'integer') return nil ? null : unescapeXml(element.text);
  const text = element.text.trim();
  if (nil || !INT32.test(text) || Number(text) < INT32_RANGE[0] || Number(text) > INT32_RANGE[1]) {
    throw new ModelBindingError(`model.${element.localName}`, `The ${element.localName} element must be an integer.`);
  }
  return Number(text);
}

/** Prefixes bound to the XML Schema instance namespace in scope at `element`. */
function xsiPrefixes(element: XmlElement, inherited: readonly string[]): string[] {
  const prefixes = new Set(inherited);
  for (const [name, value] of Object.entries(element.attributes)) {
    if (!name.startsWith('xmlns:')) continue;
    if (value === XSI_NAMESPACE) prefixes.add(name.slice(6));
    else prefixes.delete(name.slice(6));
  }
  return [...prefixes];
}

function isNil(element: XmlElement, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => element.attributes[`${p}:nil`] === 'true');
}

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The safe parser leaves entities as written; the five predefined ones and character references are decoded here. */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, ref: string) => {
    if (!ref.startsWith('#')) return PREDEFINED_ENTITIES[ref]!;
    const codePoint = ref.startsWith('#x') ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    if (!(codePoint <= 0x10ffff)) throw new MalformedBodyError('The request body is not well-formed XML.');
    return String.fromCodePoint(codePoint);
  });
}
