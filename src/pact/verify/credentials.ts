// Whose credentials the verification puts into an issuing endpoint's "valid credentials"
// request: on the embedded provider one of its own synthetic users, on a live server the run's
// credentials for that endpoint (src/run/credentials.ts: LOGIN_* for the login, CORP_LOGIN_*
// for the corp login); without them its interaction is skipped with the variables that would
// supply them. Passwords are registered with the redactor before any request carries them.

import type { Config } from '../../config/config.ts';
import type { TestedEndpoint } from '../../endpoints/testedEndpoint.ts';
import type { Credentials } from '../../probes/request.ts';
import { registerCredential } from '../../redaction/redactor.ts';
import { DEFAULT_CORP_USERS, DEFAULT_USERS, firstUserCredentials, usersByEndpoint, type ReferenceUser } from '../../reference/index.ts';
import { configuredCredentials, noCredentialsReason } from '../../run/credentials.ts';
import type { Example } from '../schemaMatchers.ts';

/** Where an issuing endpoint's credentials come from; undefined when nobody gave them. */
export type CredentialLookup = (endpoint: TestedEndpoint) => Credentials | undefined;

/** The run's own settings (a live target). */
export function liveCredentials(config: Pick<Config, 'login' | 'corpLogin'>): CredentialLookup {
  return (endpoint) => configuredCredentials(config, endpoint);
}

/** The embedded provider's first login user and first corp user. */
export function embeddedCredentials(users: readonly ReferenceUser[] = DEFAULT_USERS, corpUsers: readonly ReferenceUser[] = DEFAULT_CORP_USERS): CredentialLookup {
  const byEndpoint = usersByEndpoint(users, corpUsers);
  return (endpoint) => firstUserCredentials(endpoint.name, byEndpoint);
}

/** The values for the endpoint's required members, typed as its doc types them (CORP_LOGIN_GROUP_ID is text, groupId an integer). */
export function typedCredentials(endpoint: TestedEndpoint, given: Credentials): Record<string, Example> {
  const required = endpoint.wire?.naming.request.members.filter((m) => !m.optional) ?? [];
  return Object.fromEntries(required.map((m) => {
    const value = given[m.json]!;
    return [m.json, m.type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value];
  }));
}

/** The values to inject into the endpoint's request, its password registered as a secret first, or why there are none. */
export function credentialsFor(endpoint: TestedEndpoint, lookup: CredentialLookup): { values: Record<string, Example> } | { skip: string } {
  const given = lookup(endpoint);
  if (!given) return { skip: noCredentialsReason(endpoint) };
  const password = endpoint.wire?.naming.request.members.find((m) => m.dataType === 'Password');
  if (password) registerCredential(given[password.json]);
  return { values: typedCredentials(endpoint, given) };
}
