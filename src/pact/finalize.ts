// The last step of writing a contract: stamps each interaction's response matching rules from
// the same schema-derived templates the bodies came from. Pact JS's DSL can only AND matchers,
// but a .NET string member may be null, which needs an OR rule list ("type, or null"), so the
// response rules are written into the pact file here, in Pact's own format. The result is a
// pure function of the recorded file and the schemas: no timestamps, no random values. Only a
// complete recording (every interaction of the catalogue) becomes a contract, so a run with
// --grep never leaves a partial contract behind.

import type { Naming } from '../findings/types.ts';
import type { PactFile } from './contractFile.ts';
import type { InteractionCase } from './interactions.ts';
import { responseTemplate } from './templates.ts';

export class ContractFinalizeError extends Error {
  constructor(message: string) {
    super(`finalize contract: ${message}`);
    this.name = 'ContractFinalizeError';
  }
}

/** The finalized contract text for the pact Pact recorded. */
export function finalizeContract(pact: PactFile, naming: Naming, cases: readonly InteractionCase[]): string {
  const missing = cases.filter((c) => !pact.interactions.some((i) => i.description === c.description));
  if (missing.length > 0) throw new ContractFinalizeError(`the recording lacks ${missing.map((c) => `"${c.description}"`).join(', ')}`);
  for (const interaction of pact.interactions) {
    const known = cases.find((c) => c.description === interaction.description);
    if (!known) throw new ContractFinalizeError(`"${interaction.description}" is not in the interaction catalogue; delete the stale contract and record again`);
    const rules = responseTemplate(known, naming)?.rules ?? {};
    if (Object.keys(rules).length > 0) interaction.response.matchingRules = sortedByKey({ ...interaction.response.matchingRules, body: sortedByKey(rules) });
  }
  return `${JSON.stringify(pact, null, 2)}\n`;
}

/** Pact writes object keys in sorted order; the stamped rules follow suit. */
function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
