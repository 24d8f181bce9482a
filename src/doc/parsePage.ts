// One page's text, whatever its rendering, to what it documents: HTML goes through the
// HelpPage markup reader, anything else through the text-copy reader. A ResourceModel page
// whose copy lost its title is named by its URL (`modelName=X`) or its file name (`X.txt`,
// `api.X.cells.txt`).

import { basename } from 'node:path';
import { looksLikeHtml, outlineHtml } from './htmlRendering.ts';
import { readPage, type Page } from './readPage.ts';
import { outlineText } from './textRendering.ts';
import { HelpPageError } from './outline.ts';

const NOT_A_NAME = new Set(['txt', 'text', 'html', 'htm', 'md', 'cells', 'pipes', 'markdown', 'enum', 'help', 'resourcemodel']);

export function modelNameOf(source: string): string | undefined {
  if (/^https?:/i.test(source)) return new URL(source).searchParams.get('modelName') ?? undefined;
  return basename(source).split('.').filter((s) => !NOT_A_NAME.has(s.toLowerCase()) && /^[A-Za-z_]\w*$/.test(s)).at(-1);
}

export function parsePage(text: string, source: string): Page {
  try {
    return readPage(looksLikeHtml(text) ? outlineHtml(text, source) : outlineText(text, source), modelNameOf(source));
  } catch (error) {
    throw error instanceof HelpPageError ? error.at(source) : error;
  }
}
