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

type EncodedForm = readonly [form: string, text: string];

/** A run's secrets are few and checked many times (every file, every error response): their forms are worked out once. */
const formsOf = new Map<string, readonly EncodedForm[]>();

/** The forms a writer may give a token: raw, JSON string, XML/HTML text, URL component. */
export function encodedForms(secret: string): readonly EncodedForm[] {
  let known = formsOf.get(secret);
  if (!known) {
    const forms: EncodedForm[] = [
      ['raw', secret],
      ['json', JSON.stringify(secret).slice(1, -1)],
      ['xml', secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')],
      ['url', encodeURIComponent(secret)],
    ];
    known = forms.filter(([, text], i) => forms.findIndex(([, other]) => other === text) === i);
    formsOf.set(secret, known);
  }
  return known;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function scanForSecrets(dirs: readonly string[], secrets: readonly string[]): Leak[] {
  return dirs.flatMap(filesUnder).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return secrets.flatMap((secret) => encodedForms(secret)
      .filter(([, encoded]) => text.includes(encoded))
      .map(([form]) => ({ file, token: tokenShape(secret), form })));
  });
}

/** Replaces every encoded form of every secret in the leaking files by the token's shape. */
export function scrubLeaks(leaks: readonly Leak[], secrets: readonly string[]): void {
  for (const file of new Set(leaks.map((l) => l.file))) {
    let text = readFileSync(file, 'utf8');
    for (const secret of secrets) {
      for (const [, encoded] of encodedForms(secret)) text = text.split(encoded).join(tokenShape(secret));
    }
    writeFileSync(file, text);
  }
}
