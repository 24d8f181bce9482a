// Who the contract is between and where it lives. The committed contracts/ folder holds the
// default (backing-field) profile of the run's whole endpoint set, the one the doc's samples
// show and the broker receives; a run that selects the documented naming, or narrows the
// endpoint set with ENDPOINTS, writes its contract to a fixed temporary folder, so contracts/
// never holds a partial contract and stays byte-identical on every machine.

import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ConfigVariable, NamingSetting } from '../config/config.ts';
import type { Naming } from '../findings/types.ts';

/** In the working folder, like reports/: this repository's root under npm, the user's folder when installed. */
export const CONTRACTS_DIR = resolve('contracts');
export const DEFAULT_NAMING: Naming = 'backing-field';

type Env = Record<string, string | undefined>;

/** The variables that name the contract's participants and pick its naming (the run and the broker commands read them). */
export const CONTRACT_VARIABLES: ConfigVariable[] = [
  { name: 'PACT_CONSUMER', default: 'consinco-auth-client', description: 'Consumer name in the contract and at the broker.' },
  { name: 'PACT_PROVIDER', default: 'consinco-auth-api', description: 'Provider name in the contract.' },
  { name: 'PACT_NAMING', default: '(NAMING, else backing-field)', description: 'Naming of the recorded and verified contract: backing-field or documented.' },
];

export interface Pacticipants {
  consumer: string;
  provider: string;
}

export function pacticipants(env: Env = process.env): Pacticipants {
  return {
    consumer: env.PACT_CONSUMER?.trim() || 'consinco-auth-client',
    provider: env.PACT_PROVIDER?.trim() || 'consinco-auth-api',
  };
}

export class ContractNamingError extends Error {
  constructor(value: string) {
    super(`PACT_NAMING: "${value}" is not one of backing-field, documented`);
    this.name = 'ContractNamingError';
  }
}

/** PACT_NAMING wins; then the run's NAMING when it names one; else the default profile. */
export function contractNaming(configNaming: NamingSetting, env: Env = process.env): Naming {
  const chosen = env.PACT_NAMING?.trim();
  if (chosen) {
    if (chosen !== 'backing-field' && chosen !== 'documented') throw new ContractNamingError(chosen);
    return chosen;
  }
  return configNaming === 'auto' ? DEFAULT_NAMING : configNaming;
}

/** `narrowed`: ENDPOINTS chose part of the doc set, so the contract covers part of what the consumer uses. */
export function contractsDir(naming: Naming, narrowed = false): string {
  if (naming === DEFAULT_NAMING && !narrowed) return CONTRACTS_DIR;
  return join(tmpdir(), 'consinco-auth-contracts', narrowed ? `${naming}-endpoints` : naming);
}

/** Whether a run's contract covers only part of its doc set. */
export function narrowedSet(config: { endpoints: readonly string[] }): boolean {
  return config.endpoints.length > 0;
}

/** Pact's own file name for a pair: `<consumer>-<provider>.json`. */
export function contractFile(naming: Naming, names: Pacticipants = pacticipants(), narrowed = false): string {
  return join(contractsDir(naming, narrowed), `${names.consumer}-${names.provider}.json`);
}
