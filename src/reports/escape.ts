// Text from a hostile server ends up in evidence, so every piece of text that goes into a
// report passes through one of these: redact first (a token becomes its shape), then escape
// for the target format. Redacting after escaping would miss a token whose characters the
// escaping changed.

import { redact } from '../redaction/redactor.ts';

/** XML 1.0 forbids most control characters, lone surrogates and U+FFFE/U+FFFF even when escaped. */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const MARKUP_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe as HTML or XML text and attribute value (quoted with either quote). */
export function markup(text: string | number): string {
  return entities(clean(text));
}

/**
 * Safe inside a Markdown table cell or list item: one line, no HTML, no link or emphasis syntax
 * a server could use to forge content in a pull-request comment.
 */
export function markdown(text: string | number): string {
  const plain = clean(text).replace(/\r?\n|\r/g, ' ').replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`);
  return entities(plain);
}

function clean(text: string | number): string {
  return redact(String(text)).replace(NOT_XML_CHAR, '\uFFFD');
}

function entities(text: string): string {
  return text.replace(/[&<>"']/g, (c) => MARKUP_ENTITIES[c]!);
}

/** An HTML id / fragment made of safe characters only. */
export function anchorId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')).join('--');
}
