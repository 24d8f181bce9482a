// Parser for the text form of an ASP.NET Web API Help Page (the "Api" page of one action).
// The text is what a browser copy gives: section headings on their own lines, table rows
// flattened across lines with `|` between cells, and samples under "Sample:". A doc that
// does not have that shape fails with the line that broke the parse.

import type { DocBody, DocParameter, DocResponseCode, DocSample, DocType, EndpointModel } from './model.ts';

export class HelpPageError extends Error {
  constructor(readonly line: number, message: string) {
    super(`help page line ${line}: ${message}`);
    this.name = 'HelpPageError';
  }
}

const HEADINGS = [
  'Request Information', 'URI Parameters', 'Body Parameters', 'Request Formats',
  'Response Information', 'Response Codes', 'Resource Description', 'Response Formats',
] as const;
type Heading = (typeof HEADINGS)[number];

const DOC_TYPES: readonly DocType[] = ['string', 'integer', 'boolean', 'date', 'decimal number'];
const TABLE_HEADER = /^(\w*)Name \| Description \| Type \| Additional information \|$/;
const TABLE_RULE = /^---\|---\|---\|---\|$/;
const MEDIA_TYPES_LINE = /^[\w.+-]+\/[\w.+-]+(, [\w.+-]+\/[\w.+-]+)*$/;
const RESPONSE_CODE = /^- (.+) \((\d{3})\)$/;
const OPTIONAL_DEFAULT = /\(OPTIONAL(?:, default value is '([^']*)')?\)/i;

interface Line { no: number; text: string }

export function parseHelpPage(text: string): EndpointModel {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((t, i) => ({ no: i + 1, text: t.trim() }));
  const sections = splitSections(lines);
  rejectStrayText(sections);
  const [methodLine, summaryLine] = sections.preamble;
  const route = /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) (\S+)$/.exec(methodLine?.text ?? '');
  if (!methodLine || !route) {
    throw new HelpPageError(methodLine?.no ?? 1, 'expected "<METHOD> <path>" on the first line');
  }
  const request = parseBody(section(sections, 'Body Parameters', methodLine.no));
  request.samples = parseSamples(section(sections, 'Request Formats', methodLine.no));
  const response = parseBody(section(sections, 'Resource Description', methodLine.no));
  response.samples = parseSamples(section(sections, 'Response Formats', methodLine.no));
  return {
    method: route[1]!,
    path: route[2]!.replace(/^\//, ''),
    summary: summaryLine?.text ?? '',
    uriParameters: parseUriParameters(section(sections, 'URI Parameters', methodLine.no)),
    request,
    responseCodes: parseResponseCodes(section(sections, 'Response Codes', methodLine.no)),
    response,
  };
}

interface Sections { preamble: Line[]; byHeading: Map<Heading, { heading: Line; body: Line[] }> }

function splitSections(lines: Line[]): Sections {
  const result: Sections = { preamble: [], byHeading: new Map() };
  let current: Line[] = result.preamble;
  for (const line of lines) {
    if ((HEADINGS as readonly string[]).includes(line.text)) {
      const heading = line.text as Heading;
      if (result.byHeading.has(heading)) throw new HelpPageError(line.no, `section "${heading}" appears twice`);
      current = [];
      result.byHeading.set(heading, { heading: line, body: current });
    } else if (line.text !== '') {
      current.push(line);
    }
  }
  return result;
}

/** Text under a heading that groups others, or a third preamble line, is a heading we do not know. */
function rejectStrayText(sections: Sections): void {
  const stray = [
    ...sections.preamble.slice(2),
    ...(['Request Information', 'Response Information'] as const).flatMap((h) => sections.byHeading.get(h)?.body ?? []),
  ];
  if (stray[0]) throw new HelpPageError(stray[0].no, `unexpected text "${stray[0].text}" (not a known section heading)`);
}

function section(sections: Sections, heading: Heading, fallbackLine: number): { heading: Line; body: Line[] } {
  const found = sections.byHeading.get(heading);
  if (!found) throw new HelpPageError(fallbackLine, `section "${heading}" is missing`);
  return found;
}

function parseUriParameters({ heading, body }: { heading: Line; body: Line[] }): DocParameter[] {
  if (body.length === 1 && body[0]!.text === 'None.') return [];
  return parseTable(body, heading).fields;
}

/** A body section: a caption line, then a table whose header carries the .NET type name. */
function parseBody({ heading, body }: { heading: Line; body: Line[] }): DocBody {
  const headerIndex = body.findIndex((l) => TABLE_HEADER.test(l.text));
  if (headerIndex < 0) throw new HelpPageError(heading.no, `no "Name | Description | Type | Additional information |" table under "${heading.text}"`);
  const caption = body.slice(0, headerIndex).map((l) => l.text).join(' ');
  const table = parseTable(body.slice(headerIndex), heading);
  return { typeName: table.typeName, caption, fields: table.fields, samples: [] };
}

function parseTable(body: Line[], heading: Line): { typeName: string; fields: DocParameter[] } {
  const [header, rule, ...rows] = body;
  const headerMatch = header && TABLE_HEADER.exec(header.text);
  if (!headerMatch) throw new HelpPageError(header?.no ?? heading.no, 'expected the table header "Name | Description | Type | Additional information |"');
  if (!rule || !TABLE_RULE.test(rule.text)) throw new HelpPageError(rule?.no ?? header!.no, 'expected the table rule "---|---|---|---|"');
  return { typeName: headerMatch[1]!, fields: parseRows(tableCells(rows)) };
}

interface Cell { text: string; line: number }

/** Flattened rows: every line is one or more cells, each closed by `|`. */
function tableCells(rows: Line[]): Cell[] {
  const cells: Cell[] = [];
  for (const row of rows) {
    if (!row.text.endsWith('|')) throw new HelpPageError(row.no, `expected a table cell ending with "|", got "${row.text}"`);
    for (const part of row.text.slice(0, -1).split('|')) cells.push({ text: part.trim(), line: row.no });
  }
  return cells;
}

/**
 * Rows are name | description | type | additional information. When the description is
 * empty, the flattened copy moves its empty cell to the end of the row (and drops it after
 * the last row), so the type then follows the name directly.
 */
function parseRows(cells: Cell[]): DocParameter[] {
  const fields: DocParameter[] = [];
  let i = 0;
  while (i < cells.length) {
    const name = cells[i]!;
    if (!/^[\w.$-]+$/.test(name.text)) throw new HelpPageError(name.line, `expected a field name, got "${name.text}"`);
    let description: string, type: Cell | undefined, additional: Cell | undefined;
    if (isDocType(cells[i + 2]?.text)) {
      description = cells[i + 1]!.text;
      type = cells[i + 2];
      additional = cells[i + 3];
      i += 4;
    } else if (isDocType(cells[i + 1]?.text)) {
      description = '';
      type = cells[i + 1];
      additional = cells[i + 2];
      i += cells[i + 3]?.text === '' ? 4 : 3;
    } else {
      throw new HelpPageError(name.line, `field "${name.text}" has no known type (one of ${DOC_TYPES.join(', ')})`);
    }
    if (!additional) throw new HelpPageError(type!.line, `field "${name.text}" has no "Additional information" cell`);
    const optional = OPTIONAL_DEFAULT.exec(description);
    fields.push({
      name: name.text,
      description,
      type: type!.text as DocType,
      additionalInformation: additional.text,
      optional: optional !== null,
      ...(optional?.[1] !== undefined ? { defaultValue: optional[1] } : {}),
      line: name.line,
    });
  }
  return fields;
}

function isDocType(text: string | undefined): boolean {
  return text !== undefined && (DOC_TYPES as readonly string[]).includes(text);
}

/** Formats: a media-type line, "Sample:", then the sample text up to the next media-type line. */
function parseSamples({ heading, body }: { heading: Line; body: Line[] }): DocSample[] {
  const samples: DocSample[] = [];
  let i = 0;
  while (i < body.length) {
    const media = body[i]!;
    if (!MEDIA_TYPES_LINE.test(media.text)) throw new HelpPageError(media.no, `expected media types such as "application/json, text/json", got "${media.text}"`);
    if (body[i + 1]?.text !== 'Sample:') throw new HelpPageError(body[i + 1]?.no ?? media.no, 'expected "Sample:" after the media types');
    const start = i + 2;
    let end = start;
    while (end < body.length && !MEDIA_TYPES_LINE.test(body[end]!.text)) end++;
    if (end === start) throw new HelpPageError(media.no, `no sample text for ${media.text}`);
    const text = body.slice(start, end).map((l) => l.text).join('\n');
    samples.push({ mediaTypes: media.text.split(', '), format: sampleFormat(text, body[start]!.no), text, line: body[start]!.no });
    i = end;
  }
  if (samples.length === 0) throw new HelpPageError(heading.no, `no samples under "${heading.text}"`);
  return samples;
}

function sampleFormat(text: string, line: number): 'json' | 'xml' {
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  if (text.startsWith('<')) return 'xml';
  throw new HelpPageError(line, 'a sample must be JSON or XML');
}

function parseResponseCodes({ heading, body }: { heading: Line; body: Line[] }): DocResponseCode[] {
  const codes = body.map((line) => {
    const match = RESPONSE_CODE.exec(line.text);
    if (!match) throw new HelpPageError(line.no, `expected a response code such as "- OK (200)", got "${line.text}"`);
    return { reason: match[1]!, status: Number(match[2]) };
  });
  if (codes.length === 0) throw new HelpPageError(heading.no, 'no response codes listed');
  return codes;
}
