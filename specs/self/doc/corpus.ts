// The Help Page corpus as its manifest (docs/help-pages/manifest.json) describes it: every
// page, what it documents and what a reader must make of it. The specs take their cases from
// here, so a page added to the manifest is a test case without a line of test code.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const CORPUS = fileURLToPath(new URL('../../../docs/help-pages/', import.meta.url));

export interface CorpusPage {
  file: string;
  rendering?: string;
  endpoint: string;
  requestType: string | null;
  responseType: string | null;
  samples: { count: number };
  expect: 'valid' | 'refuse-or-recover' | 'xml-serializer';
  notes?: string | null;
}

export interface ResourceModelPage { file: string; model: string }
export interface BrokenPage { file: string; expectedError: string; expectedExit?: number }
export interface LiveSite { folder: string; routes: string; pages: number }

interface Manifest {
  pages: CorpusPage[];
  constructed: CorpusPage[];
  consinco: { pages: CorpusPage[] };
  resourceModels: ResourceModelPage[];
  asStored: BrokenPage[];
  negative: BrokenPage[];
  live: LiveSite[];
}

export const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as Manifest;

/** A live-Help fixture folder's routes (routes.json): path and query -> file in the folder. */
export function liveRoutes(folder: string): Record<string, string> {
  return (JSON.parse(readFileSync(join(CORPUS, folder, 'routes.json'), 'utf8')) as { routes: Record<string, string> }).routes;
}

/** Every API page the manifest lists as readable, with its path on disk. */
export const apiPages: (CorpusPage & { path: string })[] = [...manifest.pages, ...manifest.constructed, ...manifest.consinco.pages]
  .map((page) => ({ ...page, path: join(CORPUS, page.file) }));

/** The line an expected error names (`(line 98)`, `at line 13`), when it names one. */
export function expectedLine(error: string): number | undefined {
  const match = /\bline (\d+)/.exec(error);
  return match ? Number(match[1]) : undefined;
}
