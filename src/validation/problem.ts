// A schema problem, as every validator reports it: which field, and what came versus what the
// schema wants, so a user reads `Received: ... / Expected: ...` rather than a validator's jargon.

export interface SchemaProblem {
  /** The member or element the problem is about (e.g. `<id>k__BackingField`), when known. */
  field?: string;
  /** Where in the document: a JSON pointer, or `line:column` for XML. */
  path: string;
  received: string;
  expected: string;
}

export function formatProblem(p: SchemaProblem): string {
  const where = p.field ? `${p.field} (${p.path})` : p.path || '(document)';
  return `${where}: Received: ${p.received} / Expected: ${p.expected}`;
}
