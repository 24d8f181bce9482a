// The last line of defence: after the reports and contracts are written, look in them for every
// live token value the run saw, in the forms a writer could have encoded it (raw, JSON string,
// XML/HTML text, URL). A hit fails the run; the hit is reported by file and token shape only,
// and the file is scrubbed in place so a CI artifact upload cannot carry the value.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenShape } from './redactor.ts';

export interface Leak {
  file: string;
  /** The token's shape (length, prefix, short hash), never its value. */
  token: string;
  form: string;
}

/**
 * Characters no form changes: JSON, XML and encodeURIComponent leave them as they are. Most
 * tokens (base64url, hex, GUIDs) are made of nothing else, and the error checks ask for the
 * forms of every live token in every error response.
 */
const UNCHANGED_BY_EVERY_FORM = /^[\w\-.!~*()]*$/;

/** The forms a writer may give a token: raw, JSON string, XML/HTML text, URL component. */
export function encodedForms(secret: string): [form: string, text: string][] {
  if (UNCHANGED_BY_EVERY_FORM.test(secret)) return [['raw', secret]];
  const forms: [string, string][] = [
    ['raw', secret],
    ['json', JSON.stringify(secret).slice(1, -1)],
    ['xml', secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')],
    ['url', encodeURIComponent(secret)],
  ];
  return forms.filter(([, text], i) => forms.findIndex(([, other]) => other === text) === i);
}

/** Every secret with its encoded forms, worked out once for all the files rather than once per file. */
function withForms(secrets: readonly string[]): { secret: string; forms: [form: string, text: string][] }[] {
  return secrets.map((secret) => ({ secret, forms: encodedForms(secret) }));
}

/** Every file under `dir`, in its subfolders too; none when it is not there. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A scan as another thread is asked for it (leakScanAlongside.ts). */
export interface LeakScanRequest {
  files: readonly string[];
  secrets: readonly string[];
}

export function scanFiles(files: readonly string[], secrets: readonly string[]): Leak[] {
  const sought = withForms(secrets);
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return sought.flatMap(({ secret, forms }) => forms
      .filter(([, encoded]) => text.includes(encoded))
      .map(([form]) => ({ file, token: tokenShape(secret), form })));
  });
}

/** Replaces every encoded form of every secret in the leaking files by the token's shape. */
export function scrubLeaks(leaks: readonly Leak[], secrets: readonly string[]): void {
  const sought = withForms(secrets);
  for (const file of new Set(leaks.map((l) => l.file))) {
    let text = readFileSync(file, 'utf8');
    for (const { secret, forms } of sought) {
      for (const [, encoded] of forms) text = text.split(encoded).join(tokenShape(secret));
    }
    writeFileSync(file, text);
  }
}
