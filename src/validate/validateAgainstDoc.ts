// `validate --doc`: a captured message against the schemas of any Help Page endpoint. The
// endpoint's own schemas judge requests and responses (with the annotations as constraints);
// errors are Web API's HttpError, as for the project's doc. Unless told, the kind comes from
// the message (Message or <Error> for an error; the root element or the keys for the body)
// and, where the page shows backing fields, so does the naming.

import type { Naming } from '../findings/types.ts';
import type { BodySchemas, EndpointSchemas, NamedSchemas } from '../schemas/endpointSchemas.ts';
import { EndpointValidator } from '../validation/endpointSamples.ts';
import { validateJsonBody, type BodyKind } from '../validation/jsonBody.ts';
import { validateXmlBodies } from '../validation/xmlBody.ts';
import { parseXmlDocument, type XmlElement } from '../xml/safeParse.ts';
import { detectFormat, UnusableInputError, type Verdict } from './validateMessage.ts';

export interface DocVerdict extends Verdict {
  /** The body's type as the page names it (absent for errors). */
  typeText?: string;
}

export async function validateAgainstDoc(text: string, schemas: EndpointSchemas, options: { kind?: BodyKind; naming?: Naming | 'auto' } = {}): Promise<DocVerdict> {
  const format = detectFormat(text);
  const parsed = format === 'json' ? parseJson(text) : parseXml(text);
  const kind = options.kind ?? detectKind(parsed, schemas);
  if (kind === 'error') {
    const problems = format === 'json'
      ? (parsed.json === undefined ? malformed() : validateJsonBody('error', parsed.json))
      : (await validateXmlBodies([{ kind: 'error', xml: text }]))[0]!;
    return { format, kind, problems };
  }
  const body = schemas.bodies.find((b) => b.direction === kind);
  if (!body) throw new UnusableInputError(`${schemas.endpoint.method} ${schemas.endpoint.path} has no ${kind} body (the page says None.)`);
  if (body.schemas.length === 0) throw new UnusableInputError(`no schema for the ${kind}: ${body.undescribed}`);
  const named = chooseNaming(body, parsed, options.naming ?? 'auto');
  const [problems] = await new EndpointValidator().validate([{ schemas: named, format, text, strictness: 'contract' }]);
  return {
    format,
    kind,
    typeText: body.body.typeText,
    ...(body.schemas.length > 1 ? { naming: { recognised: named.naming, validatedAs: named.naming, advice: '' } } : {}),
    problems: problems!,
  };
}

interface Parsed { json?: unknown; root?: XmlElement }

function parseJson(text: string): Parsed {
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return {};
  }
}

function parseXml(text: string): Parsed {
  try {
    return { root: parseXmlDocument(text) };
  } catch {
    return {};
  }
}

function malformed() {
  return [{ path: '(document)', received: 'malformed JSON', expected: 'a well-formed JSON document' }];
}

function keysOf(value: unknown): string[] {
  const object = Array.isArray(value) ? value[0] : value;
  return object && typeof object === 'object' ? Object.keys(object as object) : [];
}

/** Error when it looks like HttpError; else the body whose root element or member names match best. */
function detectKind(parsed: Parsed, schemas: EndpointSchemas): BodyKind {
  if (parsed.root?.localName === 'Error' || keysOf(parsed.json).includes('Message')) return 'error';
  const score = (body: BodySchemas): number => {
    if (parsed.root) return body.layout.xml?.root === parsed.root.localName ? 1000 : 0;
    const names = new Set(body.layout.namings.flatMap((n) => body.layout.jsonKeys(rootName(body), n)));
    return keysOf(parsed.json).filter((k) => names.has(k)).length;
  };
  const ranked = [...schemas.bodies].sort((a, b) => score(b) - score(a));
  return ranked[0]?.direction ?? 'response';
}

/** The complex type a body's members belong to (its own, or a collection's items). */
function rootName(body: BodySchemas): string {
  const type = body.body.type.kind === 'collection' ? body.body.type.items : body.body.type;
  return type.kind === 'named' ? type.name : '';
}

/** Backing fields in the message (JSON keys or XML elements) pick that naming; otherwise the documented one. */
function chooseNaming(body: BodySchemas, parsed: Parsed, choice: Naming | 'auto'): NamedSchemas {
  const byNaming = (n: Naming) => body.schemas.find((s) => s.naming === n);
  if (choice !== 'auto') return byNaming(choice) ?? body.schemas[0]!;
  const names = parsed.root ? parsed.root.children.map((c) => c.localName) : keysOf(parsed.json);
  const backing = names.some((n) => /k__BackingField/.test(n));
  return byNaming(backing ? 'backing-field' : 'documented') ?? body.schemas[0]!;
}
