// The Help Page generator's fixed vocabulary, in English and in the bilingual (Portuguese and
// English) headings of TOTVS's copies: section headings, table columns, Type phrases,
// Additional information annotations and the sample notes. Every rendering reads through this,
// so a phrase is recognised the same way in text, markdown, paragraphs and HTML.

import { PRIMITIVES, type Annotations, type TypeRef } from './apiModel.ts';

export const HEADINGS = [
  'Request Information', 'URI Parameters', 'Body Parameters', 'Request Formats',
  'Response Information', 'Response Codes', 'Resource Description', 'Response Formats',
] as const;
export type Heading = (typeof HEADINGS)[number];

/** Portuguese forms seen in TOTVS's copies (accents and case ignored). */
const PORTUGUESE_HEADINGS: Record<string, Heading> = {
  'informacoes da requisicao': 'Request Information',
  'informacoes para requisicao': 'Request Information',
  'parametros de uri': 'URI Parameters',
  'parametros da uri': 'URI Parameters',
  'parametros do corpo': 'Body Parameters',
  'formatos da requisicao': 'Request Formats',
  'formatos de requisicao': 'Request Formats',
  'informacoes da resposta': 'Response Information',
  'informacoes para resposta': 'Response Information',
  'codigos de resposta': 'Response Codes',
  'codigos do recurso': 'Response Codes',
  'descricao do recurso': 'Resource Description',
  'descricao dos recursos': 'Resource Description',
  'formatos da resposta': 'Response Formats',
  'formatos de resposta': 'Response Formats',
};

/** Lower case, accents removed, spaces collapsed: how headings and columns are compared. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A line without the markdown heading marks or bold a copy may put around a heading or media types. */
export function unmarked(text: string): string {
  return text.replace(/^#+\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1');
}

/** `Códigos do Recurso (Response Codes)`, `Response Codes` or `Códigos de Resposta`: the heading, or undefined. */
export function headingOf(text: string): Heading | undefined {
  const folded = fold(unmarked(text));
  const english = HEADINGS.find((h) => h.toLowerCase() === folded);
  if (english) return english;
  const bilingual = /^(.*?)\s*\(([^()]*)\)$/.exec(folded);
  if (bilingual) return headingOf(bilingual[2]!) ?? PORTUGUESE_HEADINGS[bilingual[1]!];
  return PORTUGUESE_HEADINGS[folded];
}

/** Table columns: the parameter table, the enum table (ResourceModel pages) and the index's API table. */
export type Column = 'name' | 'description' | 'type' | 'additional' | 'value' | 'api';
export const PARAMETER_COLUMNS: readonly Column[] = ['name', 'description', 'type', 'additional'];
export const ENUM_COLUMNS: readonly Column[] = ['name', 'value', 'description'];
export const INDEX_COLUMNS: readonly Column[] = ['api', 'description'];
export const TABLE_SHAPES = [PARAMETER_COLUMNS, ENUM_COLUMNS, INDEX_COLUMNS] as const;

/** Regex source for each column label: English, Portuguese, or `Portuguese (English)`. */
const COLUMN_LABELS: Record<Column, string> = {
  name: '(?:Nome(?: \\(Name\\))?|Name)',
  description: '(?:Descrição(?: \\(Description\\))?|Descricao(?: \\(Description\\))?|Description)',
  type: '(?:Tipo(?: \\(Type\\))?|Type)',
  additional: '(?:Informações Adicionais(?: \\(Ad+it+ional Information\\))?|Additional information)',
  value: '(?:Valor(?: \\(Value\\))?|Value)',
  api: '(?:API)',
};

export const COLUMN_TITLES: Record<Column, string> = {
  name: 'Name', description: 'Description', type: 'Type', additional: 'Additional information', value: 'Value', api: 'API',
};

/** A header line that names some of a table's columns but not all: a damaged header, to be named as such. */
export function partialHeader(text: string): Column[] | undefined {
  const found = (Object.keys(COLUMN_LABELS) as Column[]).filter((c) => c !== 'api' && new RegExp(`(?:^|\\|\\s*|[a-z])${COLUMN_LABELS[c]}(?:\\s*\\||$|[A-Z])`).test(text));
  return found.includes('name') && found.includes('type') ? found : undefined;
}

export function columnLabel(column: Column): string {
  return COLUMN_LABELS[column];
}

export function columnOf(text: string): Column | undefined {
  return (Object.keys(COLUMN_LABELS) as Column[]).find((c) => new RegExp(`^${COLUMN_LABELS[c]}$`, 'i').test(text.trim()));
}

const NONE = /^(?:None\.|Não há\.|Nao ha\.|Nenhum\.)$/i;

export function isNone(text: string): boolean {
  return NONE.test(text.trim());
}

/** Each annotation the generator writes (HelpPage's AnnotationTextGenerator), English and Portuguese. */
const ANNOTATIONS: { start: string; read: (rest: string, into: Annotations) => boolean }[] = [
  { start: '(?:Required|Obrigatório)', read: (rest, into) => (rest === '' || rest === '.') && (into.required = true) },
  { start: '(?:Data type|Tipo de dado):', read: (rest, into) => Boolean(into.dataType = rest.replace(/\.$/, '')) },
  { start: 'Range:', read: (rest, into) => between(rest, (min, max) => (into.range = { min, max })) },
  { start: 'String length:', read: (rest, into) => between(rest, (min, max) => (into.stringLength = { min, max })) },
  { start: 'Max length:', read: (rest, into) => whole(rest, (n) => (into.maxLength = n)) },
  { start: 'Min length:', read: (rest, into) => whole(rest, (n) => (into.minLength = n)) },
  { start: 'Matching regular expression pattern:', read: (rest, into) => Boolean(into.pattern = rest) },
];
const ANNOTATION_START = new RegExp(`(?:^|\\s+)(?=${ANNOTATIONS.map((a) => a.start).join('|')})`, 'g');

function between(rest: string, set: (min: number, max: number) => unknown): boolean {
  const m = /^inclusive between (-?[\d.]+) and (-?[\d.]+)$/i.exec(rest);
  if (!m) return false;
  set(Number(m[1]), Number(m[2]));
  return true;
}

function whole(rest: string, set: (n: number) => unknown): boolean {
  if (!/^\d+$/.test(rest)) return false;
  set(Number(rest));
  return true;
}

/**
 * The annotations the generator sorts after a pattern (it orders them by their text), when a
 * copy runs them onto the pattern's line: each complete, at the end of the line.
 */
const AFTER_PATTERN = /\s+(?:Max length: \d+|Min length: \d+|Range: inclusive between -?[\d.]+ and -?[\d.]+|String length: inclusive between \d+ and \d+)$/i;

/** A pattern and whatever complete annotations a copy ran onto its line after it. */
function splitPattern(piece: string): string[] {
  const trailing: string[] = [];
  let rest = piece;
  for (let m = AFTER_PATTERN.exec(rest); m; m = AFTER_PATTERN.exec(rest)) {
    trailing.unshift(m[0].trim());
    rest = rest.slice(0, m.index);
  }
  return [rest, ...trailing];
}

/**
 * An Additional information cell (`None.`, or annotations one per paragraph or run together
 * on one line) read into annotations; undefined when it is not one (a description, a type).
 * A regular expression pattern runs to the end of its paragraph, but for the annotations the
 * generator writes after it (`... pattern: ^[yn]{1}$ String length: inclusive between 0 and 1`).
 */
export function readAnnotations(cell: string): Annotations | undefined {
  const paragraphs = cell.split('\n').map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length === 0) return undefined;
  if (paragraphs.length === 1 && isNone(paragraphs[0]!)) return {};
  const into: Annotations = {};
  for (const paragraph of paragraphs) {
    const patternAt = paragraph.search(/Matching regular expression pattern:/);
    const head = patternAt < 0 ? paragraph : paragraph.slice(0, patternAt);
    const pieces = head.split(ANNOTATION_START).map((p) => p.trim()).filter(Boolean);
    if (patternAt >= 0) pieces.push(...splitPattern(paragraph.slice(patternAt)));
    for (const piece of pieces) {
      const known = ANNOTATIONS.find((a) => new RegExp(`^${a.start}`, 'i').test(piece));
      if (!known) return undefined;
      const rest = piece.replace(new RegExp(`^${known.start}`, 'i'), '').trim();
      if (!known.read(rest, into)) return undefined;
    }
  }
  return into;
}

export const ANNOTATION_WORDS = 'None., Required, Data type: X, Range: inclusive between A and B, String length: inclusive between A and B, Max length: N, Min length: N, Matching regular expression pattern: P';

const TYPE_NAME = /^[A-Za-z_][\w`]*$/;

/** A Type cell read into a type reference, or undefined when it is not a type phrase. */
export function readTypePhrase(text: string): TypeRef | undefined {
  const phrase = text.replace(/\s+/g, ' ').trim();
  const primitiveFolded = PRIMITIVES.find((p) => p.toLowerCase() === phrase.toLowerCase());
  if (primitiveFolded) return { kind: 'primitive', name: primitiveFolded };
  const collection = /^(?:Collection of|Coleção de) (.+)$/i.exec(phrase);
  if (collection) {
    const items = readTypePhrase(collection[1]!);
    return items && { kind: 'collection', items };
  }
  const dictionary = /^(?:Dictionary of|Dicionário de) (.+?) \[key\] and (.+) \[value\]$/i.exec(phrase);
  if (dictionary) {
    const key = readTypePhrase(dictionary[1]!);
    const value = readTypePhrase(dictionary[2]!);
    return key && value && { kind: 'dictionary', key, value };
  }
  return TYPE_NAME.test(phrase) ? { kind: 'named', name: phrase } : undefined;
}

export const TYPE_WORDS = `${PRIMITIVES.join(', ')}, Collection of X, Dictionary of X [key] and Y [value], or a type name`;

export const SAMPLE_LABEL = /^(?:Sample|Exemplo|Amostra):?$/i;
/** The generator's notes instead of a sample (BSON's formatter writes its own). */
export const SAMPLE_NOT_AVAILABLE = /^(?:Sample not available\.|Exemplo não disponível\.|Binary JSON content\. See http:\/\/bsonspec\.org for details\.)$/i;
export const SAMPLE_FAILED = /^(?:Failed to generate the sample|An exception has occurred while using the formatter)/i;
/** A line of media types: `application/json, text/json`. */
export const MEDIA_TYPES_LINE = /^[\w.+-]+\/[\w.+-]+(\s*,\s*[\w.+-]+\/[\w.+-]+)*$/;

export const METHOD_AND_PATH = /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) (\S+)$/;
/** `- OK (200)` (Consinco's list) or `- 200 OK: what it means` (other custom templates). */
export function readResponseCode(text: string): { status: number; reason: string } | undefined {
  const named = /^(?:[-*•]\s*)?(.+?) \((\d{3})\)$/.exec(text);
  if (named) return { reason: named[1]!, status: Number(named[2]) };
  const numbered = /^(?:[-*•]\s*)?(\d{3}) (\w+)(?::.*)?$/.exec(text);
  return numbered ? { reason: numbered[2]!, status: Number(numbered[1]) } : undefined;
}

/** A type phrase no member name can be mistaken for: a simple type, a collection or a dictionary. */
export function isStrongTypePhrase(text: string): boolean {
  const type = readTypePhrase(text);
  return type !== undefined && type.kind !== 'named';
}

/** A heading a copy glued to the end of the line before it (`globally unique identifierResponse Formats`). */
export function splitGluedHeading(text: string): [string, string] | undefined {
  const heading = HEADINGS.find((h) => text.endsWith(h) && text.length > h.length);
  return heading ? [text.slice(0, -heading.length).trim(), heading] : undefined;
}
