// Writes the rendered reports next to findings.json (which the run writes itself), so CI can
// upload one folder: junit.xml for the CI page, index.html for people, summary.md for the PR.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml } from './html.ts';
import type { ReportInput } from './input.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';

const RENDERERS: [file: string, render: (input: ReportInput) => string][] = [
  ['junit.xml', renderJunit],
  ['index.html', renderHtml],
  ['summary.md', renderMarkdown],
];

/** Returns the paths written; `onWritten` hears of each as soon as it is. */
export function writeReports(dir: string, input: ReportInput, onWritten: (path: string) => void = () => undefined): string[] {
  mkdirSync(dir, { recursive: true });
  return RENDERERS.map(([file, render]) => {
    const path = join(dir, file);
    writeFileSync(path, render(input));
    onWritten(path);
    return path;
  });
}
