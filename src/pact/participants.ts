// Who the contract is between and where it lives. The committed contracts/ folder holds the
// default (backing-field) profile, the one the doc's samples show and the broker receives; a
// run that selects the documented naming writes its contract to a fixed temporary folder, so
// contracts/ never changes with the environment and stays byte-identical on every machine.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NamingSetting } from '../config/config.ts';
import type { Naming } from '../findings/types.ts';

export const CONTRACTS_DIR = fileURLToPath(new URL('../../contracts/', import.meta.url));
export const DEFAULT_NAMING: Naming = 'backing-field';

type Env = Record<string, string | undefined>;

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

export function contractsDir(naming: Naming): string {
  return naming === DEFAULT_NAMING ? CONTRACTS_DIR : join(tmpdir(), 'consinco-auth-contracts', naming);
}

/** Pact's own file name for a pair: `<consumer>-<provider>.json`. */
export function contractFile(naming: Naming, names: Pacticipants = pacticipants()): string {
  return join(contractsDir(naming), `${names.consumer}-${names.provider}.json`);
}
