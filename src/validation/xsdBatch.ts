// XML documents against any XSD through xsd-schema-validator's Xerces helper (a JVM, src/validation/xerces.ts).
// A JVM start costs about 0.1 s alone (more on busy cores), so documents are validated in
// batches: documents whose schemas can be loaded together (they do not disagree about a
// namespace, or its files can be included side by side: xsdSharing.ts) go into one wrapper
// document, validated by one JVM against a wrapper schema that imports the real ones; Xerces'
// line numbers map each error back to its document. Before anything reaches Java: DOCTYPEs are refused, well-formedness
// and the root element are checked here, external access is switched off for the child, and
// every message is redacted (Xerces quotes the offending value, which may be a token).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { redact } from '../redaction/redactor.ts';
import { parseXmlDocument } from '../xml/safeParse.ts';
import type { SchemaProblem } from './problem.ts';
import { runXerces } from './xerces.ts';
import { canShareNamespace } from './xsdSharing.ts';

/** A root element and the XSD (absolute path) that declares it. */
export interface XsdTarget {
  xsd: string;
  namespace: string;
  root: string;
  /** Every namespace the XSD brings in (its imports included), each with the file that defines it. */
  namespaces?: ReadonlyMap<string, string>;
}

export interface XsdDocument {
  target: XsdTarget;
  xml: string;
}

const BATCH_NS = 'urn:consinco-auth:xsd-batch';

const namespacesOf = (t: XsdTarget): ReadonlyMap<string, string> => t.namespaces ?? new Map([[t.namespace, t.xsd]]);

/** Documents whose schemas can be loaded together: one wrapper schema, one JVM. */
interface Batch {
  /** The files of each namespace: one, or several that stand alone and declare different things (xsdSharing.ts). */
  files: Map<string, string[]>;
  /** Namespaces a schema of the batch imports itself: their file must stay the only one. */
  imported: Set<string>;
  targets: Map<string, XsdTarget>;
  members: { index: number; xml: string }[];
}

/** Whether a document of `target` can join the batch without changing what any schema in it means. */
function fits(batch: Batch, target: XsdTarget): boolean {
  const wanted = namespacesOf(target);
  const sameRoot = [...batch.targets.values()].some((t) => t.xsd !== target.xsd && t.namespace === target.namespace && t.root === target.root);
  return !sameRoot && [...wanted].every(([ns, file]) => {
    const files = batch.files.get(ns) ?? [];
    if (files.length === 0 || files.includes(file)) return files.length <= 1 || ns === target.namespace;
    // Another file for this namespace: only a schema that imports nothing joins one that nobody imports.
    return wanted.size === 1 && !batch.imported.has(ns) && canShareNamespace([...files, file]);
  });
}

function admit(batch: Batch, target: XsdTarget): void {
  for (const [ns, file] of namespacesOf(target)) {
    const files = batch.files.get(ns) ?? [];
    if (!files.includes(file)) batch.files.set(ns, [...files, file]);
    if (ns !== target.namespace) batch.imported.add(ns);
  }
  batch.targets.set(`${target.xsd}#${target.root}`, target);
}

/** Validates every document against its target's XSD, with as few JVM starts as the schemas allow. */
export async function validateXmlDocuments(documents: readonly XsdDocument[]): Promise<SchemaProblem[][]> {
  const problems: SchemaProblem[][] = documents.map(() => []);
  const batches: Batch[] = [];
  documents.forEach((doc, index) => {
    const early = preflight(doc.xml, doc.target);
    if (early) {
      problems[index]!.push(early);
      return;
    }
    let batch = batches.find((b) => fits(b, doc.target));
    if (!batch) {
      batch = { files: new Map(), imported: new Set(), targets: new Map(), members: [] };
      batches.push(batch);
    }
    admit(batch, doc.target);
    batch.members.push({ index, xml: asBatchMember(doc.xml) });
  });
  await Promise.all(batches.map(async (batch) => {
    const found = await validateBatch([...batch.targets.values()], batch.members.map((m) => m.xml));
    found.forEach((list, i) => problems[batch.members[i]!.index]!.push(...list));
  }));
  return problems;
}

/** Problems found without Java: DOCTYPE, well-formedness, the root element and its namespace. */
function preflight(xml: string, target: XsdTarget): SchemaProblem | undefined {
  let root;
  try {
    root = parseXmlDocument(xml);
  } catch (error) {
    return { path: '(document)', received: redact((error as Error).message), expected: 'a well-formed XML document without DOCTYPE' };
  }
  const expected = `{${target.namespace}}${target.root}`;
  const received = `{${root.namespace}}${root.localName}`;
  return received === expected ? undefined : { field: root.name, path: '/', received: `root element ${received}`, expected: `root element ${expected}` };
}

/**
 * Neither a byte order mark nor an XML declaration may stand inside the wrapper. The mark is
 * dropped (no editor shows it as a column); the declaration is blanked, its line breaks kept, so
 * every problem keeps the line and column it has in the document (.NET's XmlWriter writes the
 * root element on the declaration's line).
 */
function asBatchMember(xml: string): string {
  return xml.replace(/^\uFEFF/, '').replace(/^<\?xml[^>]*\?>/, (declaration) => declaration.replace(/[^\n]/g, ' '));
}

let wrapperDir: string | undefined;
const wrappers = new Map<string, string>();

/** A schema whose root holds any number of the targets' root elements, each validated by its real XSD. */
function wrapperSchema(targets: readonly XsdTarget[]): string {
  const key = targets.map((t) => `${t.xsd}#${t.root}`).sort().join('|');
  const known = wrappers.get(key);
  if (known) return known;
  const prefixes = new Map<string, string>();
  for (const t of targets) if (t.namespace && !prefixes.has(t.namespace)) prefixes.set(t.namespace, `t${prefixes.size}`);
  const files = new Map<string, string[]>();
  for (const t of targets) files.set(t.namespace, [...new Set([...(files.get(t.namespace) ?? []), t.xsd])]);
  wrapperDir ??= mkdtempSync(join(tmpdir(), 'consinco-xsd-'));
  const imports = new Map([...files].map(([ns, list]) => [ns, list.length === 1 ? list[0]! : includingSchema(ns, list)]));
  const text = [
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${BATCH_NS}"${[...prefixes].map(([ns, p]) => ` xmlns:${p}="${ns}"`).join('')}>`,
    ...[...imports].map(([ns, xsd]) => `  <xs:import ${ns ? `namespace="${ns}" ` : ''}schemaLocation="${pathToFileURL(xsd).href}" />`),
    '  <xs:element name="batch"><xs:complexType><xs:choice minOccurs="0" maxOccurs="unbounded">',
    ...targets.map((t) => `    <xs:element ref="${t.namespace ? `${prefixes.get(t.namespace)}:` : ''}${t.root}" />`),
    '  </xs:choice></xs:complexType></xs:element>',
    '</xs:schema>',
  ].join('\n');
  const path = join(wrapperDir, `batch.${wrappers.size}.xsd`);
  writeFileSync(path, text);
  wrappers.set(key, path);
  return path;
}

let includes = 0;

/** One schema of namespace `ns` made of several files of it: the wrapper imports a namespace only once. */
function includingSchema(ns: string, files: readonly string[]): string {
  const text = [
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"${ns ? ` targetNamespace="${ns}"` : ''}>`,
    ...files.map((file) => `  <xs:include schemaLocation="${pathToFileURL(file).href}" />`),
    '</xs:schema>',
  ].join('\n');
  const path = join(wrapperDir!, `namespace.${includes++}.xsd`);
  writeFileSync(path, text);
  return path;
}

/**
 * Xerces stops at a fatal (well-formedness) error, so the documents after the one that caused
 * it were never validated: they go into a batch of their own, until none is left.
 */
async function validateBatch(targets: readonly XsdTarget[], documents: string[]): Promise<SchemaProblem[][]> {
  // Line N of the wrapper belongs to the document whose first line is the greatest start <= N.
  const starts: number[] = [];
  let line = 2;
  for (const doc of documents) {
    starts.push(line);
    line += doc.split('\n').length;
  }
  const wrapped = `<b:batch xmlns:b="${BATCH_NS}">\n${documents.join('\n')}\n</b:batch>`;
  const messages = await runXerces(wrapped, wrapperSchema(targets));
  const result: SchemaProblem[][] = documents.map(() => []);
  let fatalOwner: number | undefined;
  for (const message of messages) {
    const at = /\((\d+):(\d+)\)$/.exec(message);
    // The library repeats a fatal error without its position once validation aborts.
    if (!at && fatalOwner !== undefined) continue;
    const errorLine = at ? Number(at[1]) : 0;
    let owner = starts.length - 1;
    while (owner > 0 && starts[owner]! > errorLine) owner--;
    const local = at ? `${errorLine - starts[owner]! + 1}:${at[2]}` : '(document)';
    result[owner]!.push(xercesProblem(message, local));
    if (message.startsWith('[fatal]')) fatalOwner ??= owner;
  }
  if (fatalOwner !== undefined && fatalOwner < documents.length - 1) {
    const rest = await validateBatch(targets, documents.slice(fatalOwner + 1));
    rest.forEach((problems, i) => { result[fatalOwner! + 1 + i] = problems; });
  }
  return result.map(mergeTypeErrors);
}

/** Xerces reports a bad value twice (the datatype, then the element): keep one problem naming both. */
function mergeTypeErrors(problems: SchemaProblem[]): SchemaProblem[] {
  return problems.flatMap((p, i) => {
    const next = problems[i + 1];
    if (!p.field && next?.field && next.path === p.path && next.received === p.received) return [{ ...p, field: next.field }];
    const previous = problems[i - 1];
    if (previous && !previous.field && p.field && previous.path === p.path && previous.received === p.received) return [];
    return [p];
  });
}

/** Turns Xerces' cvc-* sentences into Received/Expected, naming the element when it can. */
function xercesProblem(raw: string, path: string): SchemaProblem {
  const message = redact(raw.replace(/^\[\w+\] /, '').replace(/ \(\d+:\d+\)$/, ''));
  const datatype = /cvc-datatype-valid\.1\.2\.1: '(.*)' is not a valid value for '(\w+)'/.exec(message);
  if (datatype) return { path, received: `'${datatype[1]}'`, expected: `a valid xs:${datatype[2]}` };
  const typed = /cvc-type\.3\.1\.3: The value '(.*)' of element '([^']+)' is not valid/.exec(message);
  if (typed) return { field: typed[2]!, path, received: `'${typed[1]}'`, expected: 'a value of the element\'s XSD type' };
  const content = /cvc-complex-type\.2\.4\.[a-d]: (?:Invalid content was found starting with element '([^']+)'|The content of element '([^']+)' is not complete)\.(?: One of '(.+)' is expected\.)?/.exec(message);
  if (content) {
    const field = unqualify(content[1] ?? content[2]!);
    const received = content[1] ? `element ${field} at this position` : `element ${field} ends here`;
    const wanted = content[3]?.split(',').map(unqualify) ?? [];
    const expected = wanted.length === 0 ? 'no further element (it is out of order or unknown)'
      : wanted.length === 1 ? `element ${wanted[0]} here (missing or out of order)` : `one of ${wanted.join(', ')}`;
    // With one element wanted, that one is missing or misplaced: name it, as a user looks for it.
    return { field: wanted.length === 1 ? wanted[0]! : field, path, received, expected };
  }
  return { path, received: message, expected: 'a document valid against the XSD' };
}

/** Xerces writes `{"namespace":name}`; the local name is what users recognise. */
function unqualify(name: string): string {
  return name.trim().replace(/^\{/, '').replace(/\}$/, '').replace(/^"[^"]*":/, '');
}
