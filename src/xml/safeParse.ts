// Untrusted XML is parsed one way everywhere: no entity expansion, every value kept as the
// string it was (an opaque token like `1e5` must not become a number), attributes kept
// (`xmlns`, `i:nil`), and well-formedness checked before anything reads the tree.
// A run reads the same body several times (the provider binds it, the client, the checks, the
// XSD batch, the leak scan): about 650 parses of 170 documents. The trees are frozen, so the
// recent ones are kept and handed out again.

import { XMLParser, XMLValidator } from 'fast-xml-parser';

export class XmlSyntaxError extends Error {
  constructor(message: string, readonly line?: number) {
    super(line === undefined ? message : `${message} (line ${line})`);
    this.name = 'XmlSyntaxError';
  }
}

/** One element in document order: its qualified name, attributes, text and children. */
export interface XmlElement {
  readonly name: string;
  /** Namespace URI the element is in, resolved from `xmlns` / `xmlns:p` in scope. */
  readonly namespace: string;
  readonly localName: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly XmlElement[];
}

const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: false,
  ignorePiTags: true,
});

export function hasDoctype(xml: string): boolean {
  return DOCTYPE.test(xml);
}

/** Documents kept: the most recent ones, and only small ones (a run's bodies are a few hundred bytes). */
const KEPT_DOCUMENTS = 256;
const KEPT_DOCUMENT_CHARS = 64 * 1024;
const parsedBefore = new Map<string, XmlElement>();

/** Parses one XML document into its root element (frozen); refuses DOCTYPEs and malformed input. */
export function parseXmlDocument(xml: string): XmlElement {
  const known = parsedBefore.get(xml);
  if (known) return known;
  const root = deepFreeze(parseFresh(xml));
  if (xml.length <= KEPT_DOCUMENT_CHARS) {
    if (parsedBefore.size >= KEPT_DOCUMENTS) parsedBefore.delete(parsedBefore.keys().next().value!);
    parsedBefore.set(xml, root);
  }
  return root;
}

function deepFreeze(element: XmlElement): XmlElement {
  element.children.forEach(deepFreeze);
  Object.freeze(element.attributes);
  Object.freeze(element.children);
  return Object.freeze(element);
}

function parseFresh(xml: string): XmlElement {
  if (hasDoctype(xml)) throw new XmlSyntaxError('DOCTYPE and entity declarations are refused');
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) throw new XmlSyntaxError(verdict.err.msg, verdict.err.line);
  const roots = toElements(parser.parse(xml) as OrderedNode[], new Map()).filter((e) => e.name !== '?xml');
  if (roots.length !== 1) throw new XmlSyntaxError(`expected one root element, found ${roots.length}`);
  return roots[0]!;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Prefixes bound without a declaration (Namespaces in XML 1.0 §3). */
const PREDECLARED = new Set(['xml', 'xmlns']);

function prefixOf(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? '' : qname.slice(0, colon);
}

/** An undeclared prefix is a fatal error for Xerces too; refused here, it never costs the XSD batch a JVM of its own. */
function assertBound(qname: string, scope: ReadonlyMap<string, string>): void {
  const prefix = prefixOf(qname);
  if (prefix && !PREDECLARED.has(prefix) && !scope.has(prefix)) throw new XmlSyntaxError(`the namespace prefix "${prefix}" of ${qname} is not declared`);
}

/** `scope` maps prefixes in scope to namespace URIs ('' the default); a Map, so that a prefix
 * like `constructor` or `__proto__` never resolves through Object.prototype. */
function toElements(nodes: OrderedNode[], scope: ReadonlyMap<string, string>): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@')!;
    if (name === '#text') continue;
    const attributes = node[':@'] ?? {};
    const inner = new Map(scope);
    for (const [attr, value] of Object.entries(attributes)) {
      if (attr === 'xmlns') inner.set('', value);
      else if (attr.startsWith('xmlns:')) inner.set(attr.slice(6), value);
    }
    [name, ...Object.keys(attributes)].forEach((qname) => assertBound(qname, inner));
    const prefix = prefixOf(name);
    const childNodes = (node[name] ?? []) as OrderedNode[];
    elements.push({
      name,
      namespace: inner.get(prefix) ?? '',
      localName: prefix ? name.slice(prefix.length + 1) : name,
      attributes,
      text: childNodes.filter((c) => '#text' in c).map((c) => String(c['#text'])).join(''),
      children: name === '?xml' ? [] : toElements(childNodes, inner),
    });
  }
  return elements;
}
