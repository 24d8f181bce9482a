// A Help Page as a Web API server serves it (`/Help`, `/Help/Api/<id>`,
// `/Help/ResourceModel?modelName=X`): the HelpPage markup (`h1`, `h2`/`h3` sections,
// `table.help-page-table`, `h4.sample-header` with a `pre` sample) reduced to the same outline
// as a text copy. htmlparser2 parses forgivingly (no browser, no script); lines come from
// the element's offset in the file, so errors point into the saved page.

import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { HelpPageError, type Item, type PageOutline, type TableRow } from './outline.ts';
import { columnOf, headingOf, MEDIA_TYPES_LINE, SAMPLE_LABEL, type Column } from './vocabulary.ts';

const SKIPPED = new Set(['head', 'script', 'style', 'nav', 'footer', 'noscript', 'template']);
const CHROME = /^(?:Help Page Home|Página inicial da ajuda)$/i;
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'body', 'html', 'header', 'aside', 'form', 'fieldset', 'blockquote', 'figure', 'hr', 'ul', 'ol', 'li', 'pre', 'table', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'dl', 'dt', 'dd']);

export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:\uFEFF)?(?:<!DOCTYPE html|<html|<head|<body|<div|<section|<h1)/i.test(text);
}

export function outlineHtml(html: string, source: string): PageOutline {
  const lineStarts = [0];
  for (let i = 0; i < html.length; i++) if (html[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (node: AnyNode) => {
    const at = node.startIndex ?? 0;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const outline: PageOutline = { source, rendering: 'html', preamble: [], sections: new Map(), links: [] };
  let items = outline.preamble;
  let pending: { mediaTypes: string[]; line: number } | undefined;
  const flush = (text: string) => {
    if (pending) items.push({ kind: 'sample', mediaTypes: pending.mediaTypes, text, line: pending.line });
    pending = undefined;
  };
  const pushText = (text: string, line: number) => {
    const clean = text.trim();
    if (clean === '' || CHROME.test(clean)) return;
    if (pending) {
      if (!SAMPLE_LABEL.test(clean)) flush(clean);
      return;
    }
    items.push({ kind: 'text', line: { no: line, text: clean } });
  };

  const visit = (node: AnyNode): void => {
    // Text only reaches here inside an inline run (visitChildren); scripts and styles are skipped.
    if (node.type !== 'tag' && node.type !== 'root') return;
    if (node.type === 'root') {
      visitChildren(node.children);
      return;
    }
    const element = node as Element;
    const name = element.name.toLowerCase();
    if (SKIPPED.has(name)) return;
    const line = lineOf(element);
    const text = () => blockText(element);
    const minorHeading = /^h[2-6]$/.test(name);
    if (name === 'h1') {
      flush('');
      if (outline.title) {
        pushText(text(), line);
        return;
      }
      outline.title = { no: line, text: text() };
      // What came before the page's h1 is the site's layout (navigation bar, brand), not the page.
      if (outline.sections.size === 0) outline.preamble.length = 0;
      return;
    }
    const heading = minorHeading ? headingOf(text()) : undefined;
    if (heading) {
      flush('');
      if (outline.sections.has(heading)) throw new HelpPageError(line, `section "${heading}" appears twice`);
      items = [];
      outline.sections.set(heading, { heading: { no: line, text: text() }, items });
      return;
    }
    if (minorHeading && MEDIA_TYPES_LINE.test(text())) {
      flush('');
      pending = { mediaTypes: text().split(',').map((m) => m.trim()), line };
      return;
    }
    if (name === 'table') {
      flush('');
      collectLinks(element, outline.links!);
      const table = readTable(element, lineOf);
      if (table) items.push(table);
      return;
    }
    if (name === 'pre' && pending) {
      flush(preText(element));
      return;
    }
    if (name === 'p' || name === 'li' || name === 'pre' || minorHeading || !BLOCKS.has(name)) {
      collectLinks(element, outline.links!);
      pushText(text(), line);
      return;
    }
    visitChildren(element.children);
  };
  /** Inline runs (`Collection of <a>Order</a>`) are one text, as a reader sees them. */
  const visitChildren = (children: AnyNode[]): void => {
    let run: AnyNode[] = [];
    const endRun = () => {
      if (run.length > 0) pushText(run.map(rawText).join('').replace(/\s+/g, ' '), lineOf(run[0]!));
      run.forEach((n) => { if (n.type === 'tag') collectLinks(n, outline.links!); if (n.type === 'tag' && n.name === 'a' && n.attribs['href']) outline.links!.push(n.attribs['href']); });
      run = [];
    };
    for (const child of children) {
      const inline = child.type === 'text' || (child.type === 'tag' && !BLOCKS.has(child.name.toLowerCase()) && !SKIPPED.has(child.name.toLowerCase()));
      if (inline) run.push(child);
      else {
        endRun();
        visit(child);
      }
    }
    endRun();
  };
  visit(parseDocument(html, { withStartIndices: true }));
  flush('');
  return outline;
}

function collectLinks(element: Element, into: string[]): void {
  for (const child of element.children) {
    if (child.type !== 'tag') continue;
    if (child.name === 'a' && child.attribs['href']) into.push(child.attribs['href']);
    collectLinks(child, into);
  }
}

/** Text of an element with its block children on lines of their own. */
function blockText(node: AnyNode): string {
  return rawText(node).split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
}

/** A browser shows a text's line breaks and runs of spaces as one space; only blocks (and `br`) break lines. */
function rawText(node: AnyNode): string {
  if (node.type === 'text') return node.data.replace(/\s+/g, ' ');
  if (node.type !== 'tag') return '';
  const inner = node.children.map(rawText).join('');
  return BLOCKS.has(node.name.toLowerCase()) ? `\n${inner}\n` : inner;
}

/** A sample keeps its own line breaks; each line is trimmed as a text copy trims it. */
function preText(element: Element): string {
  const text = (function all(node: AnyNode): string {
    if (node.type === 'text') return node.data;
    return node.type === 'tag' ? node.children.map(all).join('') : '';
  })(element);
  return text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
}

function readTable(table: Element, lineOf: (node: AnyNode) => number): Item | undefined {
  const rows = descendants(table, 'tr');
  const headerRow = rows.find((r) => r.children.some((c) => c.type === 'tag' && c.name === 'th'));
  if (!headerRow) return undefined;
  const columns = cellsOf(headerRow).map((c) => columnOf(blockText(c)));
  if (columns.some((c) => c === undefined) || !columns.includes('name') && !columns.includes('api')) return undefined;
  const bodyRows: TableRow[] = rows.filter((r) => r !== headerRow).map((r) => {
    const cells = cellsOf(r);
    const links = cells.map((c) => descendants(c, 'a')[0]?.attribs['href'] ?? '');
    return { cells: cells.map(blockText), line: lineOf(r), ...(links.some(Boolean) ? { links } : {}) };
  });
  return { kind: 'table', columns: columns as Column[], glued: '', rows: bodyRows, line: lineOf(table) };
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
}

function descendants(node: Element, name: string): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'tag') continue;
    if (child.name === name) found.push(child);
    found.push(...descendants(child, name));
  }
  return found;
}
