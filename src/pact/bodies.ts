// Renders a list of schema-derived field matchers as a Pact body plus its matching rules, in
// JSON or in DataContract XML. XML rules are keyed the way Pact's verifier walks namespaced
// XML (`$['<ns>:Root']['<ns>:Element']['#text']`, the namespace URI in full): rules built the
// usual way (`$.Root.Element`) silently never apply to DataContract XML (pact-js #632).

import { XSI_NAMESPACE } from '../xml/dataContract.ts';
import type { Example, FieldMatcher, PactRule } from './schemaMatchers.ts';
import { escapeXmlText } from '../xml/text.ts';

export { XSI_NAMESPACE };

/** A path's matchers as the pact file writes them; OR is how a JSON value may also be null. */
export interface RuleList {
  combine: 'AND' | 'OR';
  matchers: PactRule[];
}

export interface BodyTemplate {
  contentType: 'application/json' | 'application/xml';
  text: string;
  /** Matching rules by path, in the pact file's form. */
  rules: Record<string, RuleList>;
}

/** Values that replace a field's example (e.g. a literal grant type); `null` leaves the field out. */
export type Overrides = Readonly<Record<string, Example | null>>;

interface Field extends FieldMatcher {
  value: Example;
}

function present(fields: readonly FieldMatcher[], overrides: Overrides): Field[] {
  return fields.filter((f) => overrides[f.name] !== null).map((f) => ({ ...f, value: overrides[f.name] ?? f.example }));
}

/** Fields whose value was overridden are sent literally: they carry no rule. */
function ruled(field: Field, overrides: Overrides): boolean {
  return !(field.name in overrides);
}

export function jsonTemplate(fields: readonly FieldMatcher[], overrides: Overrides = {}): BodyTemplate {
  const kept = present(fields, overrides);
  return {
    contentType: 'application/json',
    text: JSON.stringify(Object.fromEntries(kept.map((f) => [f.name, f.value]))),
    rules: Object.fromEntries(kept.filter((f) => ruled(f, overrides)).map((f) => [`$${segment(f.name)}`, jsonRules(f)])),
  };
}

/** A nullable JSON member matches its rule OR null; OR over several rules would loosen them, so that is refused. */
function jsonRules(field: FieldMatcher): RuleList {
  if (!field.nullable) return { combine: 'AND', matchers: field.matchers };
  if (field.matchers.length !== 1) throw new Error(`"${field.name}" is nullable with ${field.matchers.length} matchers; "all of them, or null" has no pact rule list`);
  return { combine: 'OR', matchers: [...field.matchers, { match: 'null' }] };
}

export interface XmlShape {
  root: string;
  /** Default namespace of the root and every child; absent for Web API's plain <Error>. */
  namespace?: string;
  /** The element a schema property is written as. */
  elementOf: (name: string) => string;
  /** Element order: DataContractSerializer's (ordinal, or the contract's declared order). */
  order: (elements: string[]) => string[];
}

export function xmlTemplate(fields: readonly FieldMatcher[], shape: XmlShape, overrides: Overrides = {}): BodyTemplate {
  const kept = present(fields, overrides);
  const byElement = new Map(kept.map((f) => [shape.elementOf(f.name), f]));
  const elements = shape.order([...byElement.keys()]);
  const qualified = (name: string) => (shape.namespace ? `${shape.namespace}:${name}` : name);
  return {
    contentType: 'application/xml',
    text: xmlDocument(shape.root, shape.namespace, elements.map((e) => xmlElement(e, String(byElement.get(e)!.value)))),
    rules: Object.fromEntries(
      elements
        .filter((e) => ruled(byElement.get(e)!, overrides))
        // A nil element (i:nil="true") has empty text, which a type rule on '#text' accepts.
        .map((e) => [`$${segment(qualified(shape.root))}${segment(qualified(e))}['#text']`, { combine: 'AND', matchers: byElement.get(e)!.matchers }]),
    ),
  };
}

/** A DataContract document: the root in its namespace with the xsi prefix declared, no XML declaration. */
export function xmlDocument(root: string, namespace: string | undefined, children: readonly string[]): string {
  const attributes = namespace ? ` xmlns:i="${XSI_NAMESPACE}" xmlns="${namespace}"` : '';
  return `<${root}${attributes}>${children.join('')}</${root}>`;
}

export function xmlElement(name: string, text: string): string {
  return `<${name}>${escapeXmlText(text)}</${name}>`;
}

export function segment(name: string): string {
  return `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}
