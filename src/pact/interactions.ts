// The contract's interactions as data, derived from each endpoint of the run and its role:
// a refreshing endpoint gets every documented refresh outcome (200, 400 twice, 401 twice, 500),
// an issuing one (login, corp login) valid and unknown credentials, a missing required member
// and a token store outage, a generic one its page's own sample (200) and, where the page marks
// a member Required, that member left out (400). Each in JSON and in XML, each with the provider
// state that makes it happen. The consumer specs record them, the verification arranges their
// states, the reports name them; an endpoint that yields no interaction says why.

import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import { genericCases } from './genericInteractions.ts';
import { STATES, type ProviderState } from './providerStates.ts';
import type { Example } from './schemaMatchers.ts';

import type { WireFormat } from './client.ts';

export { STATES, type ProviderState } from './providerStates.ts';

/** What the consumer tests send as the refresh token: synthetic, and unlike the contract's example, so the type matcher is exercised. */
export const CONSUMER_TEST_TOKEN = 'consumer-test-refresh-token';

/** The grant type the doc defaults to, and one it does not support. */
export const SUPPORTED_GRANT_TYPE = 'refresh_token';
export const UNSUPPORTED_GRANT_TYPE = 'password';

export interface CaseRequest {
  /** Members (by JSON name) sent with this literal value instead of the example; no matching rule. */
  values: Readonly<Record<string, Example>>;
  /** A member (by JSON name) left out of the body. */
  omit?: string;
  /** Token endpoints: what the consumer test sends for the members the verification replaces by live values (unlike the examples, so the type matchers are exercised). */
  consumerValues: Readonly<Record<string, Example>>;
}

export interface InteractionCase {
  /** `contract.<format>.<shape>` for the run's refresh endpoint, `contract.<endpoint>.<format>.<shape>` for the others: what ONLY and SKIP match (group `contracts`). */
  id: string;
  description: string;
  endpoint: TestedEndpoint;
  format: WireFormat;
  state: ProviderState;
  request: CaseRequest;
  /** `token`: the endpoint's token response; `error`: Web API's error body; `sample`: the page's response sample; `none`: no body. */
  response: { status: 200 | 400 | 401 | 500; body: 'token' | 'error' | 'sample' | 'none' };
}

/** An endpoint, or one of its formats, that yields no interaction, and why. */
export interface OmittedInteraction {
  endpoint: string;
  reason: string;
}

export interface InteractionCatalogue {
  cases: InteractionCase[];
  omitted: OmittedInteraction[];
}

/** One case of an endpoint, before the format and naming are applied. */
export type CaseShape = Omit<InteractionCase, 'id' | 'description' | 'format' | 'endpoint'> & { key: string; what: string };

const FORMAT_NAMES: Record<WireFormat, string> = { json: 'a JSON', xml: 'an XML' };
const FORMATS: readonly WireFormat[] = ['json', 'xml'];

function refreshShapes(endpoint: TestedEndpoint): CaseShape[] {
  const members = endpoint.wire!.naming.request.members;
  const token = members.find((m) => !m.optional)!.json;
  const grant = members.find((m) => m.defaultValue !== undefined)?.json;
  const grantType = (value: string) => (grant ? { [grant]: value } : {});
  const sent = { values: grantType(SUPPORTED_GRANT_TYPE), consumerValues: { [token]: CONSUMER_TEST_TOKEN } };
  const shapes: CaseShape[] = [
    { key: 'valid-token', what: 'a valid refresh token', state: STATES.validToken, request: sent, response: { status: 200, body: 'token' } },
    { key: 'no-token', what: 'no refresh token', state: STATES.storeAvailable, request: { ...sent, omit: token }, response: { status: 400, body: 'error' } },
    { key: 'unknown-token', what: 'an unknown refresh token', state: STATES.unknownToken, request: sent, response: { status: 401, body: 'error' } },
    { key: 'expired-token', what: 'an expired refresh token', state: STATES.expiredToken, request: sent, response: { status: 401, body: 'error' } },
    { key: 'store-down', what: 'a refresh token while the token store is down', state: STATES.storeUnavailable, request: sent, response: { status: 500, body: 'error' } },
  ];
  if (grant) {
    shapes.splice(2, 0, { key: 'unsupported-grant', what: 'an unsupported grant type', state: STATES.validToken, request: { ...sent, values: grantType(UNSUPPORTED_GRANT_TYPE) }, response: { status: 400, body: 'error' } });
  }
  return shapes;
}

/** What a consumer test sends as a credential: synthetic, and unlike the contract's example. */
function consumerCredential(type: string, json: string): Example {
  return type === 'integer' ? 7 : `consumer-test-${json}`;
}

function issuingShapes(endpoint: TestedEndpoint): CaseShape[] {
  const required = endpoint.wire!.naming.request.members.filter((m) => !m.optional);
  const consumerValues = Object.fromEntries(required.map((m) => [m.json, consumerCredential(m.type, m.json)]));
  // The member every credential check needs: the password (the role is defined by it).
  const left = required.find((m) => m.dataType === 'Password' || m.json.toLowerCase() === 'password') ?? required[0]!;
  const name = endpoint.name;
  return [
    { key: 'valid-credentials', what: `${name} with valid credentials`, state: STATES.knownUser, request: { values: {}, consumerValues }, response: { status: 200, body: 'token' } },
    { key: 'unknown-credentials', what: `${name} with credentials no user has`, state: STATES.unknownUser, request: { values: {}, consumerValues }, response: { status: 401, body: 'error' } },
    { key: `no-${left.json.toLowerCase()}`, what: `${name} without ${left.json}`, state: STATES.storeAvailable, request: { values: {}, consumerValues, omit: left.json }, response: { status: 400, body: 'error' } },
    { key: 'store-down', what: `${name} while the token store is down`, state: STATES.knownUserStoreDown, request: { values: {}, consumerValues }, response: { status: 500, body: 'error' } },
  ];
}

/** The id prefix: the run's only refreshing endpoint keeps the ids it always had. */
function idPrefix(endpoint: TestedEndpoint, endpoints: readonly TestedEndpoint[]): string {
  const refreshing = endpoints.filter((e) => e.role === 'refreshing');
  return endpoint.role === 'refreshing' && refreshing.length === 1 ? 'contract' : `contract.${endpoint.name}`;
}

function tokenCases(endpoint: TestedEndpoint, prefix: string): InteractionCase[] {
  const shapes = endpoint.role === 'refreshing' ? refreshShapes(endpoint) : issuingShapes(endpoint);
  const noun = endpoint.role === 'refreshing' ? 'refresh with' : '';
  return FORMATS.flatMap((format) => shapes.map(({ key, what, ...shape }) => ({
    ...shape,
    endpoint,
    format,
    id: `${prefix}.${format}.${key}`,
    description: [FORMAT_NAMES[format], noun, what].filter(Boolean).join(' '),
  })));
}

/** Every interaction the contract holds for these endpoints, in endpoint order, and what yields none. */
export function interactionsFor(endpoints: readonly TestedEndpoint[]): InteractionCatalogue {
  const cases: InteractionCase[] = [];
  const omitted: OmittedInteraction[] = [];
  for (const endpoint of endpoints) {
    const prefix = idPrefix(endpoint, endpoints);
    if (endpoint.role !== 'generic') {
      cases.push(...tokenCases(endpoint, prefix));
      continue;
    }
    const generic = genericCases(endpoint, FORMATS);
    omitted.push(...generic.omitted.map((reason) => ({ endpoint: endpoint.id, reason })));
    cases.push(...generic.shapes.map(({ key, what, format, ...shape }) => ({
      ...shape,
      endpoint,
      format,
      id: `${prefix}.${format}.${key}`,
      description: `${FORMAT_NAMES[format]} ${endpoint.name} ${what}`,
    })));
  }
  return { cases, omitted };
}

