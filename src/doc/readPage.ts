// From a page outline (any rendering) to what the page documents: an API page (one endpoint),
// a ResourceModel page (one complex or enum type) or the /Help index (the list of APIs).
// Every refusal names the line and what the generator would have written there.

import type { Annotations, ApiEndpoint, BodyDescription, ComplexType, Member, ResponseCode, Sample, SampleFormat, TypeDefinition, TypeRef } from './apiModel.ts';
import { parseXmlDocument } from '../xml/safeParse.ts';
import { HelpPageError, type Item, type Line, type PageOutline, type Section, type TableRow } from './outline.ts';
import {
  ANNOTATION_WORDS, COLUMN_TITLES, ENUM_COLUMNS, INDEX_COLUMNS, isNone, METHOD_AND_PATH, PARAMETER_COLUMNS, readAnnotations, readTypePhrase,
  readResponseCode, SAMPLE_FAILED, isStrongTypePhrase, SAMPLE_NOT_AVAILABLE, TYPE_WORDS, type Column, type Heading,
} from './vocabulary.ts';

export interface IndexEntry {
  method: string;
  path: string;
  /** The API page's link, when the index is HTML. */
  href?: string;
  line: number;
}

export type Page =
  | { kind: 'api'; endpoint: ApiEndpoint; links: string[] }
  | { kind: 'resource-model'; type: TypeDefinition; links: string[] }
  | { kind: 'index'; apis: IndexEntry[] };

/** `modelName` names a ResourceModel page whose copy lost its title (from its URL or file name). */
export function readPage(outline: PageOutline, modelName?: string): Page {
  try {
    return readOutline(outline, modelName);
  } catch (error) {
    throw error instanceof HelpPageError ? error.at(outline.source) : error;
  }
}

function readOutline(outline: PageOutline, modelName?: string): Page {
  const firstTable = outline.preamble.find((i) => i.kind === 'table');
  const untitledModel = !outline.title && outline.sections.size === 0 && firstTable && !sameColumns(firstTable.columns, INDEX_COLUMNS) && modelName;
  const title = outline.title ?? (untitledModel ? { no: 1, text: modelName } : undefined);
  if (!title && outline.rendering === 'html') throw new HelpPageError(1, 'the HTML page has no <h1> with the action ("METHOD path"), the type name (a ResourceModel page) or the Help title (the index)');
  if (!title) {
    const first: Item | undefined = outline.preamble[0];
    const heading = [...outline.sections.values()][0]?.heading;
    const [line, text] = first ? [itemLine(first), first.kind === 'text' ? first.line.text : `a ${first.kind}`] : heading ? [heading.no, heading.text] : [1, 'an empty page'];
    throw new HelpPageError(line, `expected "<METHOD> <path>" on the first line (an API page), a type name (a ResourceModel page) or the API index, got "${text}"`);
  }
  if (METHOD_AND_PATH.test(title.text)) return { kind: 'api', endpoint: readApi(outline, title), links: outline.links ?? [] };
  const tables = allItems(outline).filter((i) => i.kind === 'table');
  if (tables.some((t) => sameColumns(t.columns, INDEX_COLUMNS))) return { kind: 'index', apis: readIndex(tables) };
  if (outline.sections.size === 0 && /^[A-Za-z_][\w`]*$/.test(title.text)) {
    return { kind: 'resource-model', type: readResourceModel(outline, title), links: outline.links ?? [] };
  }
  throw new HelpPageError(title.no, `expected "<METHOD> <path>" on the first line (an API page), a type name (a ResourceModel page) or the API index, got "${title.text}"`);
}

function itemLine(item: Item): number {
  return item.kind === 'text' ? item.line.no : item.line;
}

function allItems(outline: PageOutline): Item[] {
  return [...outline.preamble, ...[...outline.sections.values()].flatMap((s) => s.items)];
}

function sameColumns(a: readonly Column[], b: readonly Column[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

function readIndex(tables: Extract<Item, { kind: 'table' }>[]): IndexEntry[] {
  return tables.filter((t) => sameColumns(t.columns, INDEX_COLUMNS)).flatMap((t) => t.rows.map((row) => {
    const match = METHOD_AND_PATH.exec(row.cells[0]!.replace(/\s+/g, ' '));
    if (!match) throw new HelpPageError(row.line, `expected an API such as "GET api/values", got "${row.cells[0]}"`);
    return { method: match[1]!, path: match[2]!.replace(/^\//, ''), ...(row.links?.[0] ? { href: row.links[0] } : {}), line: row.line };
  }));
}

function readResourceModel(outline: PageOutline, title: Line): TypeDefinition {
  const table = outline.preamble.find((i) => i.kind === 'table');
  const texts = outline.preamble.filter((i) => i.kind === 'text').map((i) => i.line.text);
  const description = texts.filter((t) => !/^Possible enumeration values:?$/i.test(t) && !isNone(t)).join(' ');
  const at = { source: outline.source, line: title.no };
  if (table && sameColumns(table.columns, ENUM_COLUMNS)) {
    return { kind: 'enum', name: title.text, description, values: table.rows.map((r) => ({ name: r.cells[0]!, value: r.cells[1]!, description: r.cells[2] ?? '' })), at };
  }
  if (table && sameColumns(table.columns, PARAMETER_COLUMNS)) {
    return { kind: 'complex', name: title.text, description, members: members(table.rows, outline.source, table.nameless ?? [], []), origin: 'resource-model', at };
  }
  if (texts.some(isNone)) return { kind: 'complex', name: title.text, description, members: [], origin: 'resource-model', at };
  throw new HelpPageError(title.no, `ResourceModel page of "${title.text}": expected a "Name | Description | Type | Additional information" or "Name | Value | Description" table, or "None."`);
}

function readApi(outline: PageOutline, title: Line): ApiEndpoint {
  const route = METHOD_AND_PATH.exec(title.text)!;
  const stray = [
    ...outline.preamble.filter((i) => i.kind !== 'text'),
    ...(['Request Information', 'Response Information'] as const).flatMap((h) => outline.sections.get(h)?.items ?? []),
  ][0];
  if (stray) {
    const what = stray.kind === 'text' ? `text "${stray.line.text}"` : `a ${stray.kind}`;
    throw new HelpPageError(stray.kind === 'text' ? stray.line.no : stray.line, `unexpected ${what} (not a known section heading)`);
  }
  const types = new Map<string, TypeDefinition>();
  const notes: string[] = [...(outline.notes ?? [])];
  const source = outline.source;
  const required = (heading: Heading): Section => {
    const found = outline.sections.get(heading);
    if (!found) throw new HelpPageError(title.no, `section "${heading}" is missing`);
    return found;
  };
  const lastLine = outline.lastLine ?? Number.MAX_SAFE_INTEGER;
  const requestSamples = samplesOf(outline.sections.get('Request Formats'), source, 'request', lastLine);
  const responseSamples = samplesOf(outline.sections.get('Response Formats'), source, 'response', lastLine);
  const request = readBody(required('Body Parameters'), 'request', requestSamples, types, source, notes);
  const response = readBody(required('Resource Description'), 'response', responseSamples, types, source, notes);
  return {
    method: route[1]!,
    path: route[2]!.replace(/^\//, ''),
    description: outline.preamble.map((i) => (i.kind === 'text' ? i.line.text : '')).join(' ').trim(),
    uriParameters: readUriParameters(required('URI Parameters'), source),
    ...(request ? { request } : {}),
    ...(response ? { response } : {}),
    responseCodes: readResponseCodes(outline.sections.get('Response Codes')),
    types,
    notes,
    at: { source, line: title.no },
  };
}

/** A parameter table must have the generator's four columns; a missing one is named. */
function parameterTable(table: Extract<Item, { kind: 'table' }>, section: Section): Extract<Item, { kind: 'table' }> {
  if (sameColumns(table.columns, PARAMETER_COLUMNS)) return table;
  const missing = PARAMETER_COLUMNS.filter((c) => !table.columns.includes(c)).map((c) => COLUMN_TITLES[c]);
  throw new HelpPageError(table.line, `table header under "${section.heading.text}" has ${table.columns.map((c) => COLUMN_TITLES[c]).join(' | ')}: ${missing.map((m) => `"${m}"`).join(', ') || 'the columns in another order'} missing (expected Name | Description | Type | Additional information)`);
}

function readUriParameters(section: Section, source: string): Member[] {
  const table = section.items.find((i) => i.kind === 'table');
  if (table) return members(parameterTable(table, section).rows, source, table.nameless ?? [], []);
  const texts = section.items.filter((i) => i.kind === 'text');
  if (texts.length === 1 && isNone(texts[0]!.line.text)) return [];
  const first = section.items[0];
  const line = first?.kind === 'text' ? first.line.no : first?.line ?? section.heading.no;
  throw new HelpPageError(line, 'expected "None." or a "Name | Description | Type | Additional information" table under "URI Parameters"');
}

/**
 * A body section: its documentation, then the type (glued to the table's header or on the line
 * before it) and the type's table; or the type and `None.` (a type without members, such as
 * IHttpActionResult); or `None.` alone (no body).
 */
function readBody(section: Section, direction: 'request' | 'response', samples: Sample[], types: Map<string, TypeDefinition>, source: string, notes: string[]): BodyDescription | undefined {
  const tableAt = section.items.findIndex((i) => i.kind === 'table');
  const texts = (tableAt < 0 ? section.items : section.items.slice(0, tableAt)).map((i) => (i.kind === 'text' ? i.line : undefined)).filter((l): l is Line => l !== undefined);
  const table = tableAt < 0 ? undefined : section.items[tableAt] as Extract<Item, { kind: 'table' }>;
  let typeLine: Line | undefined;
  let captionLines = texts;
  let rows: TableRow[] | undefined;
  if (table) {
    parameterTable(table, section);
    if (table.glued) typeLine = { no: table.line, text: table.glued };
    else {
      typeLine = texts.at(-1);
      captionLines = texts.slice(0, -1);
    }
    if (!typeLine) {
      // A copy without the type's link line (TDN): the XML sample's root names the type, if there is one.
      const name = xmlRootName(samples) ?? `${direction === 'request' ? 'Request' : 'Response'}Body`;
      notes.push(`line ${table.line}: the table under "${section.heading.text}" names no type; read as ${name}${xmlRootName(samples) ? ' (the XML sample\'s root)' : ' (not named on the page)'}`);
      typeLine = { no: table.line, text: name };
    }
    rows = table.rows;
  } else {
    const last = texts.at(-1);
    if (!last) throw new HelpPageError(section.heading.no, `expected a type with its table, or "None.", under "${section.heading.text}"`);
    const glued = /^(.*?)\s*(None\.|Não há\.)$/i.exec(last.text);
    if (!glued && (isStrongTypePhrase(last.text) || /^[A-Za-z_][\w`]*$/.test(last.text))) {
      // A simple type (`globally unique identifier`), a collection, or a type whose None. the copy dropped.
      typeLine = last;
      captionLines = texts.slice(0, -1);
    } else if (!glued) {
      throw new HelpPageError(last.no, `expected a "Name | Description | Type | Additional information" table or "None." under "${section.heading.text}", got "${last.text}"`);
    } else if (glued[1]) {
      typeLine = { no: last.no, text: glued[1] };
      captionLines = texts.slice(0, -1);
    } else if (texts.length >= 2 && readTypePhrase(texts.at(-2)!.text) && !/\s/.test(texts.at(-2)!.text)) {
      typeLine = texts.at(-2);
      captionLines = texts.slice(0, -2);
    } else {
      if (samples.some((s) => isBody(s.format))) throw new HelpPageError(samples.find((s) => isBody(s.format))!.at.line, `a sample for a body the page documents as "None." under "${section.heading.text}"`);
      return undefined;
    }
  }
  const type = readTypePhrase(typeLine!.text);
  if (!type) throw new HelpPageError(typeLine!.no, `expected the body's type (${TYPE_WORDS}), got "${typeLine!.text}"`);
  if (rows) {
    const described = describedName(type);
    const jsonKeys = firstJsonKeys(samples);
    const list = members(rows, source, table!.nameless ?? [], jsonKeys, notes);
    if (!described) throw new HelpPageError(table!.line, `a table under "${section.heading.text}" for "${typeLine!.text}", which has no members of its own`);
    const definition: ComplexType = { kind: 'complex', name: described, description: '', members: list, origin: 'table', at: { source, line: table!.line } };
    types.set(described, definition);
  } else if (type.kind === 'named') {
    types.set(type.name, { kind: 'complex', name: type.name, description: '', members: [], origin: 'table', at: { source, line: typeLine!.no } });
  }
  return { caption: captionLines.map((l) => l.text).join(' '), typeText: typeLine!.text, type, samples };
}

function xmlRootName(samples: Sample[]): string | undefined {
  for (const sample of samples.filter((s) => s.format === 'xml')) {
    try {
      return parseXmlDocument(sample.text).localName;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** The type a body table describes: the body's own, or a collection's or dictionary's element. */
function describedName(type: TypeRef): string | undefined {
  if (type.kind === 'named') return type.name;
  if (type.kind === 'collection') return describedName(type.items);
  if (type.kind === 'dictionary') return describedName(type.value);
  return undefined;
}

function firstJsonKeys(samples: Sample[]): string[] {
  const json = samples.find((s) => s.format === 'json');
  if (!json) return [];
  try {
    const value = JSON.parse(json.text) as unknown;
    const object = Array.isArray(value) ? value[0] : value;
    return object && typeof object === 'object' ? Object.keys(object as object) : [];
  } catch {
    return [];
  }
}

const MEMBER_NAME = /^[\w.$@-]+$/;

function members(rows: TableRow[], source: string, nameless: number[], jsonKeys: string[], notes: string[] = []): Member[] {
  return rows.map((row, index) => {
    let [name, description, typeCell, additional] = row.cells as [string, string, string, string];
    if (nameless.includes(index)) {
      const recovered = jsonKeys[index];
      if (!recovered) throw new HelpPageError(row.line, `row ${index + 1} (type "${typeCell}") has no name, and no JSON sample names member ${index + 1}`);
      notes.push(`line ${row.line}: row ${index + 1} has no name in the copy; named "${recovered}" after member ${index + 1} of the JSON sample`);
      name = recovered;
    }
    if (!MEMBER_NAME.test(name)) throw new HelpPageError(row.line, `expected a field name, got "${name}"`);
    const type = readTypePhrase(typeCell);
    if (!type) throw new HelpPageError(row.line, `field "${name}": expected a type (${TYPE_WORDS}), got "${typeCell.replace(/\n/g, ' ')}"`);
    // An empty cell (a template that writes nothing for "no annotations") reads as None.
    const annotations: Annotations | undefined = additional.trim() === '' ? {} : readAnnotations(additional);
    if (!annotations) throw new HelpPageError(row.line, `field "${name}": expected Additional information (${ANNOTATION_WORDS}), got "${additional}"`);
    return { name, description, type, typeText: typeCell, annotations, at: { source, line: row.line } };
  });
}

function samplesOf(section: Section | undefined, source: string, direction: 'request' | 'response', lastLine: number): Sample[] {
  return (section?.items ?? []).map((item) => {
    if (item.kind !== 'sample') {
      const line = item.kind === 'text' ? item.line.no : item.line;
      throw new HelpPageError(line, `expected media types such as "application/json, text/json" under "${section!.heading.text}"`);
    }
    const format = sampleFormat(item.text, item.mediaTypes, item.line);
    const broken = wellFormed(format, item.text);
    if (broken) {
      const what = `${direction} sample for "${item.mediaTypes.join(', ')}" (line ${item.line})`;
      const kind = format === 'json' ? 'JSON' : 'well-formed XML';
      if (item.line + item.text.split('\n').length - 1 >= lastLine) {
        throw new HelpPageError(lastLine, `the page ends inside the ${what}, at line ${lastLine} (a cut copy?): not ${kind}: ${broken}`);
      }
      throw new HelpPageError(item.line, `${what} is not ${kind}: ${broken}`);
    }
    return { mediaTypes: item.mediaTypes, format, text: item.text, at: { source, line: item.line } };
  });
}

/** Why a JSON or XML sample does not parse, or undefined when it does. */
function wellFormed(format: SampleFormat, text: string): string | undefined {
  try {
    if (format === 'json') JSON.parse(text);
    if (format === 'xml') parseXmlDocument(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function isBody(format: SampleFormat): boolean {
  return format === 'json' || format === 'xml' || format === 'form';
}

function sampleFormat(text: string, mediaTypes: string[], line: number): SampleFormat {
  const first = text.trim();
  if (first === '' || SAMPLE_NOT_AVAILABLE.test(first)) return 'not-available';
  if (SAMPLE_FAILED.test(first)) return 'failed';
  if (/^[[{"]|^-?\d|^(?:true|false|null)$/.test(first)) return 'json';
  if (first.startsWith('<')) return 'xml';
  if (mediaTypes.some((m) => m === 'application/x-www-form-urlencoded')) return 'form';
  throw new HelpPageError(line, `expected a JSON, XML or form sample, "Sample not available." or "Failed to generate the sample ...", got "${first.slice(0, 60)}"`);
}

function readResponseCodes(section: Section | undefined): ResponseCode[] {
  if (!section) return [];
  const codes = section.items.map((item) => {
    const line = item.kind === 'text' ? item.line : undefined;
    const code = line && readResponseCode(line.text);
    if (!code) throw new HelpPageError(line?.no ?? section.heading.no, `expected a response code such as "- OK (200)" or "- 200 OK: ...", got "${line?.text ?? 'a table'}"`);
    return code;
  });
  return codes;
}

