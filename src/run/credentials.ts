// Credentials per issuing endpoint: the login's from LOGIN_*, the corp login's from
// CORP_LOGIN_*; the variables of an endpoint are `<NAME>_<MEMBER>` (LOGIN_COMPANY,
// CORP_LOGIN_GROUP_ID), so a skip can name exactly what to set. On the embedded provider its
// own synthetic users log in.

import type { Config } from '../config/config.ts';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import type { Credentials } from '../probes/request.ts';

/** The members a client must send to log in: the required ones of the request. */
export function credentialMembers(endpoint: TestedEndpoint): string[] {
  return endpoint.wire?.naming.request.members.filter((m) => !m.optional).map((m) => m.json) ?? [];
}

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();

export function credentialVariables(endpoint: TestedEndpoint): string[] {
  return credentialMembers(endpoint).map((m) => `${snake(endpoint.name)}_${snake(m)}`);
}

export function noCredentialsReason(endpoint: TestedEndpoint): string {
  const names = credentialVariables(endpoint);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
  return `no credentials for ${endpoint.id}: set ${list}`;
}

/** Where the token chain logs in: the first issuing endpoint of the doc set with credentials (the login, else the corp login). */
export function chainIssuerOf(config: Pick<Config, 'login' | 'corpLogin'>, docSet: readonly TestedEndpoint[]): TestedEndpoint | undefined {
  return docSet.find((e) => configuredCredentials(config, e));
}

/** The configured credentials of an issuing endpoint, when they cover every member it requires. */
export function configuredCredentials(config: Pick<Config, 'login' | 'corpLogin'>, endpoint: TestedEndpoint): Credentials | undefined {
  const sets: Record<string, Credentials | undefined> = {
    login: config.login && { company: config.login.company, username: config.login.username, password: config.login.password },
    'corp-login': config.corpLogin && { groupId: config.corpLogin.groupId, username: config.corpLogin.username, password: config.corpLogin.password },
  };
  const set = endpoint.role === 'issuing' ? sets[endpoint.name] : undefined;
  return set && credentialMembers(endpoint).every((m) => m in set) ? set : undefined;
}
