// The provider states the contract's interactions name, phrased as facts about the provider
// that the verification arranges (src/pact/verify/states.ts) or skips with the reason.

export const STATES = {
  validToken: 'the refresh token is valid',
  unknownToken: 'the refresh token is unknown',
  expiredToken: 'the refresh token has expired',
  storeAvailable: 'the token store is available',
  storeUnavailable: 'the token store is unavailable',
  knownUser: 'a user with these credentials exists',
  unknownUser: 'no user has these credentials',
  knownUserStoreDown: 'a user with these credentials exists and the token store is unavailable',
  sampleData: "the data the page's sample refers to exists",
  serviceUp: 'the service is up',
} as const;
export type ProviderState = (typeof STATES)[keyof typeof STATES];
