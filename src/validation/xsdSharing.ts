// Whether schema files that declare one namespace can be loaded into one JVM together. Xerces
// keeps one grammar per namespace: a wrapper schema can import a namespace once, so two files
// of one namespace are loaded together through a schema that includes both. That is only sound
// when each file stands alone (no import, include or redefine of its own, whose order of loading
// would decide which grammar wins) and no two of them declare the same global component: the
// login's TokenResponse and the corp login's TokenCorpResponse can share, the two namings of one
// TokenResponse cannot.

import { readFileSync } from 'node:fs';
import { parseXmlDocument } from '../xml/safeParse.ts';

const XS = 'http://www.w3.org/2001/XMLSchema';
/** Top-level declarations by symbol space (XML Schema 1.0 §2.5: simple and complex types share one). */
const SYMBOL_SPACES: Record<string, string> = {
  element: 'element', attribute: 'attribute', complexType: 'type', simpleType: 'type', group: 'group', attributeGroup: 'attributeGroup', notation: 'notation',
};
const REFERENCES = new Set(['import', 'include', 'redefine', 'override']);

interface SchemaFacts {
  /** The file loads no other schema document. */
  standsAlone: boolean;
  /** Its global components, as `space:name`. */
  components: ReadonlySet<string>;
}

const facts = new Map<string, SchemaFacts>();

function factsOf(file: string): SchemaFacts {
  let known = facts.get(file);
  if (!known) {
    known = read(file);
    facts.set(file, known);
  }
  return known;
}

function read(file: string): SchemaFacts {
  let root;
  try {
    root = parseXmlDocument(readFileSync(file, 'utf8'));
  } catch {
    // Unreadable here: it gets a JVM of its own, which says what is wrong with it.
    return { standsAlone: false, components: new Set() };
  }
  const children = root.children.filter((c) => c.namespace === XS);
  return {
    standsAlone: root.namespace === XS && root.localName === 'schema' && !children.some((c) => REFERENCES.has(c.localName)),
    components: new Set(children.flatMap((c) => (SYMBOL_SPACES[c.localName] && c.attributes['name'] ? [`${SYMBOL_SPACES[c.localName]}:${c.attributes['name']}`] : []))),
  };
}

/** Whether these files of one namespace can be loaded together, through one schema that includes them all. */
export function canShareNamespace(files: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const file of new Set(files)) {
    const { standsAlone, components } = factsOf(file);
    if (!standsAlone) return false;
    for (const component of components) {
      if (seen.has(component)) return false;
      seen.add(component);
    }
  }
  return true;
}
