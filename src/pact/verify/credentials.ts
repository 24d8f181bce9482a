// Whose credentials the verification puts into an issuing endpoint's "valid credentials"
// request: on the embedded provider one of its own synthetic users, on a live server the run's
// LOGIN_* or CORP_LOGIN_* settings. An endpoint takes the set whose names cover every member
// its doc marks required (login: company, username, password; corp login: groupId, username,
// password); without one its interaction is skipped with the variables that would supply it.
// Passwords are registered with the redactor before any request carries them.

import type { Config } from '../../config/config.ts';
import type { TestedEndpoint } from '../../endpoints/testedEndpoint.ts';
import { registerCredential } from '../../redaction/redactor.ts';
import { DEFAULT_CORP_USERS, DEFAULT_USERS, type ReferenceUser } from '../../reference/index.ts';
import type { Example } from '../schemaMatchers.ts';

export interface CredentialSource {
  /** The settings that supply it, for the skip reason: `LOGIN_COMPANY, LOGIN_USERNAME and LOGIN_PASSWORD`. */
  variables: string;
  /** The binding model's JSON names it fills. */
  members: readonly string[];
  /** Absent when the settings are not given. */
  values?: Readonly<Record<string, string | number>>;
}

const LOGIN_MEMBERS = ['company', 'username', 'password'];
const CORP_MEMBERS = ['groupId', 'username', 'password'];
const LOGIN_VARIABLES = 'LOGIN_COMPANY, LOGIN_USERNAME and LOGIN_PASSWORD';
const CORP_VARIABLES = 'CORP_LOGIN_GROUP_ID, CORP_LOGIN_USERNAME and CORP_LOGIN_PASSWORD';

const pick = (from: object, members: readonly string[]) =>
  Object.fromEntries(members.map((m) => [m, (from as Record<string, string | number>)[m]!]));

/** The run's own settings (a live target). */
export function configuredCredentials(config: Pick<Config, 'login' | 'corpLogin'>): CredentialSource[] {
  return [
    { variables: LOGIN_VARIABLES, members: LOGIN_MEMBERS, ...(config.login ? { values: pick(config.login, LOGIN_MEMBERS) } : {}) },
    { variables: CORP_VARIABLES, members: CORP_MEMBERS, ...(config.corpLogin ? { values: pick(config.corpLogin, CORP_MEMBERS) } : {}) },
  ];
}

/** The embedded provider's first login user and first corp user. */
export function embeddedCredentials(users: readonly ReferenceUser[] = DEFAULT_USERS, corpUsers: readonly ReferenceUser[] = DEFAULT_CORP_USERS): CredentialSource[] {
  return [
    { variables: 'a login user of the reference provider', members: LOGIN_MEMBERS, ...(users[0] ? { values: pick(users[0], LOGIN_MEMBERS) } : {}) },
    { variables: 'a corp login user of the reference provider', members: CORP_MEMBERS, ...(corpUsers[0] ? { values: pick(corpUsers[0], CORP_MEMBERS) } : {}) },
  ];
}

const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The values for the endpoint's required members (typed as its doc types them), or why there are none. */
export function credentialsFor(endpoint: TestedEndpoint, sources: readonly CredentialSource[]): { values: Record<string, Example> } | { skip: string } {
  const required = endpoint.wire?.naming.request.members.filter((m) => !m.optional) ?? [];
  const source = sources.find((s) => required.every((m) => s.members.some((n) => normal(n) === normal(m.json))));
  if (!source) return { skip: `no credential setting supplies ${required.map((m) => m.json).join(', ')} for ${endpoint.id}` };
  if (!source.values) return { skip: `no ${source.variables}` };
  const values = source.values;
  return {
    values: Object.fromEntries(required.map((m) => {
      const given = values[source.members.find((n) => normal(n) === normal(m.json))!]!;
      if (m.dataType === 'Password' || normal(m.json) === 'password') registerCredential(String(given));
      // CORP_LOGIN_GROUP_ID is text; the doc types groupId as an integer.
      const typed = m.type === 'integer' && /^-?\d+$/.test(String(given)) ? Number(given) : given;
      return [m.json, typed];
    })),
  };
}
