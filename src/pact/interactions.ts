// The contract's interactions as data: every documented status (200, 400 twice, 401 twice,
// 500) in JSON and in XML, each with the provider state that makes it happen. The consumer
// specs record them, the verification arranges their states, the reports name them.

import type { WireFormat } from './client.ts';

/** Provider states, phrased as facts about the provider the verifier can arrange. */
export const STATES = {
  validToken: 'the refresh token is valid',
  unknownToken: 'the refresh token is unknown',
  expiredToken: 'the refresh token has expired',
  storeAvailable: 'the token store is available',
  storeUnavailable: 'the token store is unavailable',
} as const;
export type ProviderState = (typeof STATES)[keyof typeof STATES];

/** What the consumer tests send as the refresh token: synthetic, and unlike the contract's example, so the type matcher is exercised. */
export const CONSUMER_TEST_TOKEN = 'consumer-test-refresh-token';

/** The grant type the doc defaults to, and one it does not support. */
export const SUPPORTED_GRANT_TYPE = 'refresh_token';
export const UNSUPPORTED_GRANT_TYPE = 'password';

export interface InteractionCase {
  /** `contract.<format>.<shape>`: what ONLY and SKIP match (with the group `contracts`). */
  id: string;
  description: string;
  format: WireFormat;
  state: ProviderState;
  /** Whether the request carries a refresh token, and the grant type it sends. */
  request: { withToken: boolean; grantType: string };
  response: { status: 200 | 400 | 401 | 500; body: 'token' | 'error' };
}

type CaseShape = Omit<InteractionCase, 'id' | 'description' | 'format'> & { key: string; what: string };

const SHAPES: readonly CaseShape[] = [
  { key: 'valid-token', what: 'a valid refresh token', state: STATES.validToken, request: { withToken: true, grantType: SUPPORTED_GRANT_TYPE }, response: { status: 200, body: 'token' } },
  { key: 'no-token', what: 'no refresh token', state: STATES.storeAvailable, request: { withToken: false, grantType: SUPPORTED_GRANT_TYPE }, response: { status: 400, body: 'error' } },
  { key: 'unsupported-grant', what: 'an unsupported grant type', state: STATES.validToken, request: { withToken: true, grantType: UNSUPPORTED_GRANT_TYPE }, response: { status: 400, body: 'error' } },
  { key: 'unknown-token', what: 'an unknown refresh token', state: STATES.unknownToken, request: { withToken: true, grantType: SUPPORTED_GRANT_TYPE }, response: { status: 401, body: 'error' } },
  { key: 'expired-token', what: 'an expired refresh token', state: STATES.expiredToken, request: { withToken: true, grantType: SUPPORTED_GRANT_TYPE }, response: { status: 401, body: 'error' } },
  { key: 'store-down', what: 'a refresh token while the token store is down', state: STATES.storeUnavailable, request: { withToken: true, grantType: SUPPORTED_GRANT_TYPE }, response: { status: 500, body: 'error' } },
];

const FORMAT_NAMES: Record<WireFormat, string> = { json: 'a JSON', xml: 'an XML' };

export const INTERACTIONS: readonly InteractionCase[] = (['json', 'xml'] as const).flatMap((format) =>
  SHAPES.map(({ key, what, ...shape }) => ({ ...shape, format, id: `contract.${format}.${key}`, description: `${FORMAT_NAMES[format]} refresh with ${what}` })),
);
