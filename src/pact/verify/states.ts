// How each provider state is arranged on the target. The embedded reference provider can
// arrange all of them; a live server only those that need no control over it: a valid token
// comes from the run's token chain, an unknown one is the contract's own synthetic token, a
// known user is the run's LOGIN_* or CORP_LOGIN_* credentials, unknown credentials are the
// contract's own examples; an expired token, a broken token store or the data a page's sample
// refers to cannot be had on demand, so those are skipped with the reason rather than faked;
// so is a valid token once the chain lost its own, and a known user without credentials.

import type { ReferenceProvider } from '../../reference/index.ts';
import { STATES, type ProviderState } from '../providerStates.ts';
import type { TestedEndpoint } from '../../endpoints/testedEndpoint.ts';
import { credentialsFor, embeddedCredentials, type CredentialLookup } from './credentials.ts';

/** The state cannot be arranged at this moment (the chain lost its token): its interaction is skipped with the reason. */
export class StateUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StateUnavailable';
  }
}

export interface Arrangement {
  /** The refresh token to put into the request in place of the contract's example. */
  token?: () => Promise<string | undefined> | string;
  /** The credentials the target knows; an issuing endpoint's request gets those that fit it (credentials.ts). */
  credentials?: CredentialLookup;
  setup?: () => void;
  teardown?: () => void;
  /** Set when the state cannot be arranged on this target: its interactions are skipped. */
  skip?: string;
}

export type Arrangements = Record<ProviderState, Arrangement>;

/** Why an interaction of `endpoint` in a state so arranged cannot run on this target (its state, or its endpoint's credentials), or undefined. */
export function arrangementSkip(arrangement: Arrangement | undefined, endpoint: TestedEndpoint | undefined): string | undefined {
  if (arrangement?.skip !== undefined || !arrangement?.credentials) return arrangement?.skip;
  if (!endpoint) return 'no endpoint of the run is at its path';
  const found = credentialsFor(endpoint, arrangement.credentials);
  return 'skip' in found ? found.skip : undefined;
}

/** What arranging the states needs of the embedded provider (a preview passes controls it never calls). */
export type ProviderControls = Pick<ReferenceProvider, 'setTokenStoreAvailable' | 'issueRefreshToken' | 'expiredRefreshToken'>;

/** `users`: the credentials the provider was started with (default: its default users). */
export function embeddedArrangements(provider: ProviderControls, users: CredentialLookup = embeddedCredentials()): Arrangements {
  const storeUp = () => provider.setTokenStoreAvailable(true);
  const storeDown = () => provider.setTokenStoreAvailable(false);
  return {
    [STATES.validToken]: { setup: storeUp, token: () => provider.issueRefreshToken() },
    [STATES.unknownToken]: { setup: storeUp },
    [STATES.expiredToken]: { setup: storeUp, token: () => provider.expiredRefreshToken() },
    [STATES.storeAvailable]: { setup: storeUp },
    [STATES.storeUnavailable]: { setup: storeDown, teardown: storeUp },
    [STATES.knownUser]: { setup: storeUp, credentials: users },
    [STATES.knownUserStoreDown]: { setup: storeDown, teardown: storeUp, credentials: users },
    [STATES.unknownUser]: { setup: storeUp },
    [STATES.sampleData]: {},
    [STATES.serviceUp]: {},
  };
}

const OUTAGE = 'a token store outage cannot be arranged on a live server';

export interface LiveTokens {
  current(): Promise<string | undefined>;
  skipReason(): string | undefined;
}

/**
 * `liveToken` is undefined when the run has no refresh token: the valid-token state is skipped
 * then. `credentials`: the run's LOGIN_* and CORP_LOGIN_* (credentials.ts liveCredentials).
 */
export function liveArrangements(chain: LiveTokens, liveToken: string | undefined, credentials: CredentialLookup = () => undefined): Arrangements {
  const noToken = chain.skipReason() ?? 'no live refresh token: set REFRESH_TOKEN, or LOGIN_COMPANY, LOGIN_USERNAME and LOGIN_PASSWORD';
  return {
    [STATES.validToken]: liveToken === undefined ? { skip: noToken } : { token: async () => (await chain.current()) ?? unavailable(chain) },
    [STATES.unknownToken]: {},
    [STATES.expiredToken]: { skip: 'an expired refresh token cannot be arranged on a live server' },
    [STATES.storeAvailable]: {},
    [STATES.storeUnavailable]: { skip: OUTAGE },
    [STATES.knownUser]: { credentials },
    [STATES.knownUserStoreDown]: { skip: OUTAGE },
    [STATES.unknownUser]: {},
    [STATES.sampleData]: { skip: "the data a page's sample refers to cannot be arranged on a live server" },
    [STATES.serviceUp]: {},
  };
}

/** Called when the chain had a token at the start but has none now (a lost answer broke it, and nothing renews it). */
function unavailable(chain: LiveTokens): never {
  throw new StateUnavailable(chain.skipReason() ?? 'the token chain has no live refresh token any more');
}
