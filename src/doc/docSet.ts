// A set of Help Pages read together: one page, a folder of them (any renderings mixed), or a
// server's live /Help (liveHelp.ts). ResourceModel pages of the set describe the types the API
// pages only link to; every endpoint then gets its types completed (resolveTypes.ts). A page
// that cannot be read is kept as a failure with its file and line, so one bad page does not
// hide the verdict on the others.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiEndpoint, TypeDefinition } from './apiModel.ts';
import { HelpPageError } from './outline.ts';
import { parsePage } from './parsePage.ts';
import type { Page } from './readPage.ts';
import { resolveTypes } from './resolveTypes.ts';

export interface DocSet {
  endpoints: ApiEndpoint[];
  /** Pages that could not be read, each naming its file (or URL) and line. */
  failures: HelpPageError[];
}

const PAGE_FILE = /\.(?:txt|html?|md)$/i;
/** A folder's own notes, not pages. */
const NOT_A_PAGE = /^(?:README|INDEX|SOURCES|NOTES)\.(?:md|txt)$/i;

/** Reads a page or a folder of pages (recursively, in name order). */
export function loadDocPath(path: string): DocSet {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    return { endpoints: [], failures: [new HelpPageError(0, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, path)] };
  }
  const files = stat.isDirectory() ? pageFiles(path) : [path];
  if (files.length === 0) return { endpoints: [], failures: [new HelpPageError(0, 'no Help Page files (.txt, .html, .htm, .md) in this folder', path)] };
  return assemble(files.map((file) => ({ source: file, read: () => readFileSync(file, 'utf8') })));
}

function pageFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return pageFiles(path);
      return PAGE_FILE.test(entry.name) && !NOT_A_PAGE.test(entry.name) ? [path] : [];
    });
}

/** Pages (already fetched or on disk) to a doc set: parse each, share ResourceModel types, resolve. */
export function assemble(pages: { source: string; read: () => string }[]): DocSet {
  const failures: HelpPageError[] = [];
  const parsed: Page[] = [];
  for (const { source, read } of pages) {
    try {
      parsed.push(parsePage(read(), source));
    } catch (error) {
      if (!(error instanceof HelpPageError)) throw error;
      failures.push(error.at(source));
    }
  }
  const known = new Map<string, TypeDefinition>();
  for (const page of parsed) if (page.kind === 'resource-model') known.set(page.type.name, page.type);
  const endpoints = parsed.flatMap((page) => (page.kind === 'api' ? [page.endpoint] : []));
  for (const endpoint of endpoints) resolveTypes(endpoint, known);
  return { endpoints, failures };
}
