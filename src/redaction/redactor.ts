// One redactor for everything that leaves the process: console, reports, assertion messages,
// Pact logs and XSD validator messages. A live token is replaced by its shape (length, a short
// prefix and a short hash), which is enough to tell tokens apart in evidence and useless to an
// attacker.

import { createHash } from 'node:crypto';

/** Shorter values are too common to redact safely (they would mangle ordinary text). */
const MIN_SECRET_LENGTH = 8;
const secrets = new Set<string>();
const credentials = new Set<string>();
/** The secrets longest first (a token inside a longer one is replaced with it), kept between calls: every line of output is redacted. */
let longestFirst: string[] | undefined;
/**
 * Short texts already redacted with the secrets and credentials known now. The reports pass
 * the same check ids, titles and messages through here thousands of times.
 */
const redactedBefore = new Map<string, string>();
const CACHED_TEXT_CHARS = 2048;
const CACHED_TEXTS = 20_000;

function forgetRedacted(): void {
  longestFirst = undefined;
  redactedBefore.clear();
}

/** A live token: redacted wherever it appears, and looked for by the final leak scan. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH && !secrets.has(value)) {
    secrets.add(value);
    forgetRedacted();
  }
}

/**
 * A password: people choose words ("consinco"), so it is redacted only where it stands alone
 * (not inside "consinco-auth-client"), and it is not what the leak scan looks for.
 */
export function registerCredential(value: string | undefined): void {
  if (value && !credentials.has(value)) {
    credentials.add(value);
    forgetRedacted();
  }
}

/** Every live token value registered in this process, for the final leak scan. */
export function knownSecrets(): string[] {
  return [...secrets];
}

export function tokenShape(value: string): string {
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 8);
  return `<token len=${value.length} starts=${value.slice(0, 3)}… sha256=${hash}>`;
}

/** Replaces every registered secret (and any extra ones given) by its shape. */
export function redact(text: string, extra: readonly string[] = []): string {
  const cacheable = extra.length === 0 && text.length <= CACHED_TEXT_CHARS;
  const known = cacheable ? redactedBefore.get(text) : undefined;
  if (known !== undefined) return known;
  let out = text;
  longestFirst ??= [...secrets].sort((a, b) => b.length - a.length);
  const others = extra.filter((s) => s.length >= MIN_SECRET_LENGTH);
  const all = others.length === 0 ? longestFirst : [...longestFirst, ...others].sort((a, b) => b.length - a.length);
  for (const secret of all) {
    if (out.includes(secret)) out = out.split(secret).join(tokenShape(secret));
  }
  for (const credential of credentials) {
    if (out.includes(credential)) out = out.replace(standingAlone(credential), '<credential>');
  }
  if (cacheable) {
    if (redactedBefore.size >= CACHED_TEXTS) redactedBefore.clear();
    redactedBefore.set(text, out);
  }
  return out;
}

function standingAlone(word: string): RegExp {
  return new RegExp(`(?<![\\w-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g');
}

/** Forgets registered secrets: for tests that need a clean slate. */
export function clearSecrets(): void {
  secrets.clear();
  credentials.clear();
  forgetRedacted();
}
