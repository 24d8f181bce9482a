// Reads the Rust verifier's JSON report into one verdict per interaction, with each mismatch
// named by its field (namespace URIs shortened so an XML path reads like the element it is).
// Messages pass the redactor: a mismatch may quote a value the provider sent.

import { redact } from '../../redaction/redactor.ts';

export interface InteractionVerdict {
  description: string;
  status: 'pass' | 'fail';
  message: string;
}

interface Mismatch {
  type?: string;
  path?: string;
  key?: string;
  mismatch?: string;
  description?: string;
}

interface VerifierReport {
  result?: boolean;
  interactionResults?: { description: string; result: string }[];
  errors?: { interaction: string; mismatch?: { type?: string; message?: string; mismatches?: Mismatch[] } }[];
}

/** `report` is the JSON the verifier resolves or rejects with; anything else fails every interaction. */
export function readVerdicts(report: string, descriptions: readonly string[]): InteractionVerdict[] {
  let parsed: VerifierReport;
  try {
    parsed = JSON.parse(report) as VerifierReport;
  } catch {
    return descriptions.map((description) => ({ description, status: 'fail', message: `the verifier did not run: ${redact(report)}` }));
  }
  return descriptions.map((description) => {
    const errors = (parsed.errors ?? []).filter((e) => e.interaction.endsWith(` - ${description}`));
    const ran = parsed.interactionResults?.some((r) => r.description === description) ?? false;
    if (errors.length > 0) return { description, status: 'fail', message: redact(errors.map((e) => describeError(e.mismatch)).join('\n')) };
    if (!ran) return { description, status: 'fail', message: 'the verifier reported no result for this interaction' };
    return { description, status: 'pass', message: 'the provider honoured the interaction' };
  });
}

function describeError(mismatch: NonNullable<VerifierReport['errors']>[number]['mismatch']): string {
  if (!mismatch?.mismatches) return mismatch?.message ?? 'verification error';
  return mismatch.mismatches.map((m) => `${m.type ?? 'Mismatch'} ${shortPath(m.path ?? m.key ?? '')}: ${m.mismatch ?? m.description ?? ''}`.trim()).join('\n');
}

/** `$['http://ns:TokenResponse']['http://ns:_x003C_id_x003E_k__BackingField']['#text']` -> `$.TokenResponse._x003C_id_x003E_k__BackingField['#text']`. */
export function shortPath(path: string): string {
  return path.replace(/\['(?:[a-z][a-z0-9+.-]*:\/\/[^']*:)?([A-Za-z_][\w.-]*)'\]/g, '.$1');
}
