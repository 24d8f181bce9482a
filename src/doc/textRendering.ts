// A Help Page as a browser copy gives it, in its three text renderings: `|` rows whose cells
// run over several lines (the type name glued to the header), markdown rows (`| a | b |`,
// sometimes also running over lines), and one cell per paragraph (`NameDescriptionType...`,
// empty cells dropped). Tables carry no reliable row breaks in these copies, so rows are
// regrouped by what the generator always writes last in a row: its Additional information.

import { HelpPageError, type Item, type Line, type PageOutline, type TableRow } from './outline.ts';
import {
  ANNOTATION_WORDS, TYPE_WORDS, columnLabel, ENUM_COLUMNS, headingOf, MEDIA_TYPES_LINE, METHOD_AND_PATH,
  PARAMETER_COLUMNS, readAnnotations, SAMPLE_LABEL, partialHeader, COLUMN_TITLES, splitGluedHeading, isStrongTypePhrase, TABLE_SHAPES, unmarked, type Column, type Heading,
} from './vocabulary.ts';

type Rendering = 'pipes' | 'markdown' | 'cells';
interface Header { rendering: Rendering; columns: readonly Column[]; glued: string }

/** Lines a browser copy picks up around the page itself. */
const CHROME = /^(?:Help Page Home|ASP\.NET Web API Help Page|Página inicial da ajuda)$/i;
const FENCE = /^```/;

export function outlineText(text: string, source: string): PageOutline {
  let lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
    .map((t, i) => ({ no: i + 1, text: t.trim() }))
    .filter((l) => l.text !== '' && !FENCE.test(l.text) && !CHROME.test(l.text))
    .flatMap((l) => {
      const glued = splitGluedHeading(l.text);
      return glued ? [{ no: l.no, text: glued[0] }, { no: l.no, text: glued[1] }] : [l];
    });
  const notes: string[] = [];
  lines = confluenceLayout(lines, notes);
  const outline: PageOutline = { source, rendering: 'text', preamble: [], sections: new Map(), lastLine: lines.at(-1)?.no ?? 0, notes };
  if (lines.length === 0) return outline;
  const first = { no: lines[0]!.no, text: lines[0]!.text.replace(/^#+\s*/, '') };
  // An API page starts with its route; a ResourceModel page with its type's name, unless the copy left that out.
  const titled = METHOD_AND_PATH.test(first.text) || /^[A-Za-z_][\w`]*$/.test(first.text);
  if (titled) outline.title = first;
  let current: Line[] = [];
  const bodies: [Heading | undefined, Line[]][] = [[undefined, current]];
  for (const line of lines.slice(titled ? 1 : 0)) {
    const heading = headingOf(line.text);
    if (heading) {
      if (outline.sections.has(heading)) throw new HelpPageError(line.no, `section "${heading}" appears twice`);
      current = [];
      outline.sections.set(heading, { heading: line, items: [] });
      bodies.push([heading, current]);
    } else {
      current.push(line);
    }
  }
  for (const [heading, body] of bodies) {
    const items = heading === 'Request Formats' || heading === 'Response Formats' ? samples(body, notes, outline.lastLine!) : contentItems(body, outline.lastLine!);
    if (heading) outline.sections.get(heading)!.items.push(...items);
    else outline.preamble.push(...items);
  }
  return outline;
}

const GLUED_NONE = /^(.*\S)(None\.|Não há\.)$/;
const SAMPLE_START = /^[{[<]/;

/**
 * TOTVS's Confluence copies of the Consinco Help Pages (TDN) keep the generator's tables but not
 * its layout: the description comes before the action line, which is glued to the URI
 * Parameters' "Não há.", the request table follows with no heading or type name, and the
 * samples follow the tables with no "Request Formats" heading (the first one with no media
 * types either). This restores the headings the HelpPage layout would have, at the lines where
 * they belong, and notes what it assumed; any other page passes through unchanged.
 */
function confluenceLayout(lines: Line[], notes: string[]): Line[] {
  const action = lines.findIndex((l) => METHOD_AND_PATH.test(l.text) || METHOD_AND_PATH.test(GLUED_NONE.exec(l.text)?.[1] ?? ''));
  const before = lines.slice(0, Math.max(action, 0));
  if (action < 0 || before.some((l) => headingOf(l.text) || tableHeader(l.text)) || before.length > 3) return lines;
  const title = lines[action]!;
  const glued = METHOD_AND_PATH.test(title.text) ? undefined : GLUED_NONE.exec(title.text);
  const out: Line[] = [{ no: title.no, text: glued ? glued[1]! : title.text }, ...before];
  if (glued) out.push({ no: title.no, text: 'URI Parameters' }, { no: title.no, text: 'None.' });
  let section: Heading | undefined;
  let tableSeen = false;
  for (const line of lines.slice(action + 1)) {
    const heading = headingOf(line.text);
    if (heading) {
      section = heading;
      tableSeen = false;
    } else if (tableHeader(line.text)) {
      if (!section) {
        out.push({ no: line.no, text: 'Body Parameters' });
        section = 'Body Parameters';
      }
      tableSeen = true;
    } else if (tableSeen && (section === 'Body Parameters' || section === 'Resource Description') && (SAMPLE_START.test(line.text) || MEDIA_TYPES_LINE.test(line.text))) {
      section = section === 'Body Parameters' ? 'Request Formats' : 'Response Formats';
      out.push({ no: line.no, text: section });
      tableSeen = false;
    }
    out.push(line);
  }
  if (out.length !== lines.length) notes.push(`line ${title.no}: the page is not in the HelpPage layout (a Confluence copy?): its section headings were restored from its tables and samples`);
  return out;
}

/** Text lines, then (when a header is found) the table that runs to the end of the section. */
function contentItems(body: Line[], lastLine: number): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < body.length; i++) {
    const header = tableHeader(body[i]!.text);
    const partial = header ? undefined : partialHeader(body[i]!.text);
    if (partial) {
      const missing = PARAMETER_COLUMNS.filter((c) => !partial.includes(c)).map((c) => COLUMN_TITLES[c]);
      throw new HelpPageError(body[i]!.no, `table header has ${partial.map((c) => COLUMN_TITLES[c]).join(' | ')} but no ${missing.map((m) => `"${m}"`).join(', ')} column`);
    }
    if (!header) {
      items.push({ kind: 'text', line: body[i]! });
      continue;
    }
    let rest = body.slice(i + 1);
    if (header.rendering !== 'cells' && rest[0] && /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(rest[0].text)) rest = rest.slice(1);
    else if (header.rendering !== 'cells') throw new HelpPageError(rest[0]?.no ?? body[i]!.no, `expected the table rule "${'---|'.repeat(header.columns.length)}" under the header`);
    const cells = header.rendering === 'cells' ? rest.map((l) => ({ text: l.text, line: l.no })) : barCells(rest);
    items.push({ kind: 'table', columns: header.columns, glued: header.glued, line: body[i]!.no, ...groupRows(header.columns, cells, header.rendering !== 'cells', lastLine) });
    break;
  }
  return items;
}

/** Every table header form, in the order they are tried: each table shape as markdown, pipes and glued cells. */
const HEADER_FORMS: { rendering: Rendering; columns: (typeof TABLE_SHAPES)[number]; pattern: RegExp }[] = TABLE_SHAPES.flatMap((columns) => {
  const labels = columns.map(columnLabel);
  const forms: [Rendering, string][] = [
    ['markdown', `^(.*?)\\|\\s*${labels.join('\\s*\\|\\s*')}\\s*\\|$`],
    ['pipes', `^(.*?)${labels.join(' \\| ')} \\|$`],
    ['cells', `^(.*?)${labels.join('')}$`],
  ];
  return forms.map(([rendering, source]) => ({ rendering, columns, pattern: new RegExp(source, 'i') }));
});

function tableHeader(text: string): Header | undefined {
  for (const { rendering, columns, pattern } of HEADER_FORMS) {
    const match = pattern.exec(text);
    if (match) return { rendering, columns, glued: match[1]!.trim() };
  }
  return undefined;
}

interface Cell { text: string; line: number }

/**
 * Cells closed by `|`; a markdown row's opening `|` is dropped, and a line without a closing
 * `|` runs on into the next one (a cell of several paragraphs).
 */
function barCells(rows: Line[]): Cell[] {
  const cells: Cell[] = [];
  let pending: Cell | undefined;
  for (const row of rows) {
    const text = row.text.length > 1 && row.text.startsWith('|') ? row.text.slice(1) : row.text;
    const closed = text.endsWith('|');
    const parts = (closed ? text.slice(0, -1) : text).split('|').map((p) => p.trim());
    // The last cell of a line without a closing `|` runs on; the cells before it are closed.
    const runOn = closed ? undefined : parts.pop()!;
    if (pending && parts.length > 0) {
      parts[0] = `${pending.text}\n${parts[0]}`.trim();
      cells.push({ text: parts.shift()!, line: pending.line });
      pending = undefined;
    }
    for (const part of parts) cells.push({ text: part, line: row.no });
    if (runOn !== undefined) pending = pending ? { text: `${pending.text}\n${runOn}`, line: pending.line } : { text: runOn, line: row.no };
  }
  if (pending) throw new HelpPageError(pending.line, `expected a table cell ending with "|", got "${pending.text.split('\n')[0]}"`);
  return cells;
}

function groupRows(columns: readonly Column[], cells: Cell[], bars: boolean, lastLine: number): { rows: TableRow[]; nameless?: number[] } {
  if (columns === PARAMETER_COLUMNS) return parameterRows(cells, bars, lastLine);
  if (columns === ENUM_COLUMNS) return { rows: enumRows(cells) };
  return { rows: indexRows(cells) }; // the third shape: the index's API table
}

const isAnnotation = (cell: Cell | undefined) => cell !== undefined && readAnnotations(cell.text) !== undefined;

/**
 * A row is: name, description (any number of cells, or none), type, then its Additional
 * information cells (some copies drop them). The type is the cell before the first annotation,
 * or a simple type phrase, or the last cell; empty cells a copy moved around are skipped.
 */
function parameterRows(cells: Cell[], bars: boolean, lastLine: number): { rows: TableRow[]; nameless?: number[] } {
  const rows: TableRow[] = [];
  const nameless: number[] = [];
  let i = 0;
  while (i < cells.length) {
    const first = cells[i]!;
    if (first.text === '') {
      i++;
      continue;
    }
    if (isStrongTypePhrase(first.text) && isAnnotation(cells[i + 1])) {
      // The copy lost the name cell: the type comes first. The reader names the row from the samples.
      const end = annotationsEnd(cells, i + 1);
      nameless.push(rows.length);
      rows.push({ cells: ['', '', first.text, cells.slice(i + 1, end).map((c) => c.text).join('\n')], line: first.line });
      i = end;
      continue;
    }
    let t = i + 1;
    while (t < cells.length && !(isAnnotation(cells[t + 1]) && !isAnnotation(cells[t])) && !isStrongTypePhrase(cells[t]!.text) && t < cells.length - 1) t++;
    if (t >= cells.length) {
      const last = cells.at(-1)!;
      throw new HelpPageError(last.line, `row "${first.text}" (line ${first.line}): the table ends before its type (${TYPE_WORDS}) and Additional information (${ANNOTATION_WORDS})${last.line >= lastLine ? '; the page ends inside the table (a cut copy?)' : ''}`);
    }
    let end = annotationsEnd(cells, t + 1);
    // An empty cell after the type is an empty Additional information (a template that writes nothing).
    // At the table's end a copy drops that empty cell altogether.
    if (bars && end === t + 1 && cells[t + 1]?.text === '') end++;
    if (bars && end === t + 1 && t + 1 < cells.length) {
      // `|` rows always carry the Additional information cell (None. at least): a cell after the
      // type on its line is one this reader does not know; none there, and the row lost cells.
      const next = cells[t + 1]!;
      if (next.line === cells[t]!.line) throw new HelpPageError(next.line, `row "${first.text}" (line ${first.line}): "${next.text}" is not Additional information this reader knows (${ANNOTATION_WORDS})`);
      throw new HelpPageError(first.line, `row "${first.text}" (line ${first.line}) has ${t - i + 1} cells, expected 4 (Name, Description, Type, Additional information)`);
    }
    const description = cells.slice(i + 1, t).map((c) => c.text).filter(Boolean).join(' ');
    rows.push({ cells: [first.text, description, cells[t]!.text, cells.slice(t + 1, end).map((c) => c.text).filter(Boolean).join('\n') || 'None.'], line: first.line });
    i = end;
  }
  return nameless.length > 0 ? { rows, nameless } : { rows };
}

function annotationsEnd(cells: Cell[], from: number): number {
  let end = from;
  while (isAnnotation(cells[end])) end++;
  return end;
}

const isEnumValue = (cell: Cell | undefined) => cell !== undefined && /^-?\d+$/.test(cell.text);

/** Name, value (a number), and a description the copy may have dropped. */
function enumRows(cells: Cell[]): TableRow[] {
  const rows: TableRow[] = [];
  const present = cells.filter((c) => c.text !== '');
  let i = 0;
  while (i < present.length) {
    const name = present[i]!;
    if (!isEnumValue(present[i + 1])) throw new HelpPageError(name.line, `enum member "${name.text}": expected its numeric value next`);
    const hasDescription = present[i + 2] !== undefined && !isEnumValue(present[i + 3]);
    rows.push({ cells: [name.text, present[i + 1]!.text, hasDescription ? present[i + 2]!.text : ''], line: name.line });
    i += hasDescription ? 3 : 2;
  }
  return rows;
}

/** `GET api/x`, then its description unless the copy dropped it. */
function indexRows(cells: Cell[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const cell of cells.filter((c) => c.text !== '')) {
    if (METHOD_AND_PATH.test(cell.text)) rows.push({ cells: [cell.text, ''], line: cell.line });
    else if (rows.length > 0) rows.at(-1)!.cells[1] = cell.text;
    else throw new HelpPageError(cell.line, `expected an API such as "GET api/values", got "${cell.text}"`);
  }
  return rows;
}

/**
 * Formats: a media-type line, `Sample:` (some copies drop it), then the sample up to the next
 * media-type line. A sample with no media-type line before it (a Confluence tab) is read by its
 * first character; a media-type line that ends the page is a cut copy.
 */
function samples(body: Line[], notes: string[], lastLine: number): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < body.length) {
    const media = body[i]!;
    let mediaText = unmarked(media.text);
    let start = i + 1;
    if (!MEDIA_TYPES_LINE.test(mediaText) && SAMPLE_START.test(mediaText)) {
      mediaText = mediaText.startsWith('<') ? 'application/xml, text/xml' : 'application/json, text/json';
      notes.push(`line ${media.no}: a sample without media types, read as ${mediaText}`);
      start = i;
    } else if (!MEDIA_TYPES_LINE.test(mediaText)) {
      throw new HelpPageError(media.no, `expected media types such as "application/json, text/json", got "${media.text}"`);
    }
    if (SAMPLE_LABEL.test(body[start]?.text ?? '')) start++;
    else if (start > i && media.no >= lastLine) throw new HelpPageError(media.no, `expected "Sample:" after the media types; the page ends here (a cut copy?)`);
    else if (!body[start]) throw new HelpPageError(media.no, 'expected "Sample:" and the sample after the media types');
    let end = start;
    while (end < body.length && !MEDIA_TYPES_LINE.test(unmarked(body[end]!.text))) end++;
    const text = body.slice(start, end).map((l) => l.text).join('\n').replace(/([}\]>])\s*\|$/, '$1');
    items.push({ kind: 'sample', mediaTypes: mediaText.split(',').map((m) => m.trim()), text, line: body[start]?.no ?? media.no });
    i = end;
  }
  return items;
}
