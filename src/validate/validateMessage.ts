// The offline validator's core: a captured message (a fixture, a bug report's body) in, a
// verdict out. It detects JSON or XML, works out what kind of message it is unless told,
// recognises a response's naming, and validates against the matching committed schema.

import type { Naming, NamingVerdict } from '../findings/types.ts';
import { isObject } from '../json/object.ts';
import { classifyJsonNaming, classifyXmlNaming, NAMING_ADVICE } from '../naming/classify.ts';
import { namingMap } from '../schemas/load.ts';
import { validateJsonBody, type BodyKind } from '../validation/jsonBody.ts';
import type { SchemaProblem } from '../validation/problem.ts';
import { validateXmlBodies } from '../validation/xmlBody.ts';
import { parseXmlDocument } from '../xml/safeParse.ts';

export type NamingChoice = Naming | 'auto';

export interface ValidateOptions {
  kind?: BodyKind;
  naming?: NamingChoice;
}

export interface Verdict {
  format: 'json' | 'xml';
  kind: BodyKind;
  /** For responses: the naming recognised in the message, and the one validated against. */
  naming?: { recognised: NamingVerdict; validatedAs: Naming; advice: string };
  problems: SchemaProblem[];
}

/** Input the validator cannot judge at all (not JSON, not XML): exit code 2 territory. */
export class UnusableInputError extends Error {}

export function detectFormat(text: string): 'json' | 'xml' {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '{' || first === '[') return 'json';
  if (first === '<') return 'xml';
  throw new UnusableInputError(first === undefined ? 'the file is empty' : 'the file is neither JSON nor XML');
}

export async function validateMessage(text: string, options: ValidateOptions = {}): Promise<Verdict> {
  return detectFormat(text) === 'json' ? validateJsonMessage(text, options) : validateXmlMessage(text, options);
}

function validateJsonMessage(text: string, options: ValidateOptions): Verdict {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const problem = { path: '(document)', received: `malformed JSON (${(error as Error).message})`, expected: 'a well-formed JSON document' };
    return { format: 'json', kind: options.kind ?? 'response', problems: [problem] };
  }
  const object = isObject(value) ? value : {};
  const kind = options.kind ?? jsonKind(object);
  if (kind !== 'response') return { format: 'json', kind, problems: validateJsonBody(kind, value) };
  const naming = chooseNaming(classifyJsonNaming(object, namingMap()), options.naming);
  return { format: 'json', kind, naming, problems: validateJsonBody('response', value, naming.validatedAs) };
}

async function validateXmlMessage(text: string, options: ValidateOptions): Promise<Verdict> {
  let root;
  try {
    root = parseXmlDocument(text);
  } catch {
    root = undefined; // the XSD validator reports why, with the same wording as for any document
  }
  const kind = options.kind ?? (root ? xmlKind(root.localName) : 'response');
  const naming = kind === 'response'
    ? chooseNaming(classifyXmlNaming(root?.children.map((c) => c.localName) ?? [], namingMap()), options.naming)
    : undefined;
  const [problems] = await validateXmlBodies([{ kind, xml: text, ...(naming ? { naming: naming.validatedAs } : {}) }]);
  return { format: 'xml', kind, ...(naming ? { naming } : {}), problems: problems! };
}

function chooseNaming(recognised: NamingVerdict, choice: NamingChoice = 'auto') {
  const validatedAs: Naming = choice !== 'auto' ? choice : recognised === 'documented' || recognised === 'owin' ? 'documented' : 'backing-field';
  return { recognised, validatedAs, advice: NAMING_ADVICE[recognised] };
}

/**
 * Unless told: Message marks a Web API error; only request keys (matched as loosely as
 * Json.NET binds them) mark a request; a TokenResponse member marks a response.
 */
function jsonKind(body: Record<string, unknown>): BodyKind {
  if ('Message' in body) return 'error';
  const map = namingMap();
  const keys = Object.keys(body);
  const requestKeys = new Set(map.request.members.map((m) => m.json.toLowerCase()));
  const isRequestKey = (k: string) => requestKeys.has(k.toLowerCase());
  if (keys.length > 0 && keys.every(isRequestKey)) return 'request';
  if (keys.some((k) => map.response.members.some((m) => m.documented === k || m.jsonBackingField === k))) return 'response';
  return keys.some(isRequestKey) ? 'request' : 'response';
}

function xmlKind(rootName: string): BodyKind {
  const map = namingMap();
  if (rootName === map.request.typeName) return 'request';
  if (rootName === 'Error') return 'error';
  return 'response';
}
