// The users the reference server knows, per issuing endpoint: login users log in with company,
// user name and password, corp users with group id, e-mail and password. A user is the
// credentials (keyed by the binding model's JSON names) plus the profile the token response
// carries (keyed by the C# member names of the endpoint's response); both are checked against
// the docs so a typo fails at start, not in a probe.

import { ENDPOINTS, requiredMembers, type EndpointContract, type EndpointName } from './contract.ts';
import { profileMembers } from './tokenResponse.ts';

export interface ReferenceUser {
  username: string;
  password: string;
  /** A login user's company. */
  company?: string;
  /** A corp user's group. */
  groupId?: number;
  /** Profile members (`id`, `name`, `seqUser`, `ADUser`, `email`, ...); absent ones get null / 0 / false. */
  [member: string]: string | number | boolean | null | undefined;
}

export type LoginUser = ReferenceUser & { company: string };
export type CorpUser = ReferenceUser & { groupId: number };

/** Synthetic credentials for tests and the standalone server; never real ones. */
export const DEFAULT_USERS: readonly LoginUser[] = [
  {
    company: '1', username: 'ADMIN', password: 'consinco',
    id: 1, name: 'Administrador da Operação', seqUser: 1, userCode: 'ADM', ADUser: null,
    permissionRole: 'ADMINISTRADOR', companyType: 'M', isExt: false, loginId: null,
  },
  {
    company: '2', username: 'VENDEDOR', password: 'vendas123',
    id: 27, name: 'Vendedor Externo', seqUser: 27, userCode: 'VEN27', ADUser: 'CONSINCO\\vendedor',
    permissionRole: 'VENDAS', companyType: 'F', isExt: true, loginId: 'vendedor.externo',
  },
];

/** Synthetic corp users (a group of companies logs in by e-mail). */
export const DEFAULT_CORP_USERS: readonly CorpUser[] = [
  {
    groupId: 1, username: 'gestor@grupo-exemplo.com.br', password: 'corp-consinco',
    id: 501, name: 'Gestão Corporativa', seqUser: 501, email: 'gestor@grupo-exemplo.com.br',
    permissionRole: 'CORPORATIVO', group: 'Grupo Exemplo', groupID: '1', isExt: false,
  },
  {
    groupId: 2, username: 'auditor@grupo-exemplo.com.br', password: 'auditoria#2',
    id: 502, name: 'Auditoria Externa', seqUser: 502, email: 'auditor@grupo-exemplo.com.br',
    permissionRole: 'AUDITOR', group: 'Grupo Exemplo Sul', groupID: '2', isExt: true,
  },
];

/** The users of each issuing endpoint. */
export function usersByEndpoint(users: readonly ReferenceUser[], corpUsers: readonly ReferenceUser[]): ReadonlyMap<EndpointName, readonly ReferenceUser[]> {
  return new Map<EndpointName, readonly ReferenceUser[]>([['login', users], ['corp-login', corpUsers]]);
}

/** The credentials an issuing endpoint's first user logs in with, by JSON member; undefined for another endpoint or none. */
export function firstUserCredentials(name: string, users: ReadonlyMap<EndpointName, readonly ReferenceUser[]>): Record<string, string> | undefined {
  const endpoint = ENDPOINTS.find((e) => e.name === name);
  const user = endpoint && users.get(endpoint.name)?.[0];
  return user && Object.fromEntries(requiredMembers(endpoint.request).map((m) => [m.key, String(user[m.key])]));
}

export class ReferenceConfigError extends Error {
  constructor(message: string) {
    super(`reference provider: ${message}`);
    this.name = 'ReferenceConfigError';
  }
}

const JS_TYPE = { string: 'string', integer: 'number', boolean: 'boolean', date: 'string', 'decimal number': 'number' } as const;

/** The users of one issuing endpoint, checked against its request and response docs. */
export function checkUsers(users: readonly ReferenceUser[], endpoint: EndpointContract): readonly ReferenceUser[] {
  const credentials = requiredMembers(endpoint.request);
  const profile = profileMembers(endpoint.response);
  for (const user of users) {
    for (const member of credentials) {
      const value = user[member.key];
      const ok = member.type === 'integer' ? Number.isInteger(value) : typeof value === 'string' && value !== '';
      if (!ok) throw new ReferenceConfigError(`a ${endpoint.name} user has no ${member.type === 'integer' ? 'integer ' : ''}${member.key}`);
    }
    for (const [key, value] of Object.entries(user)) {
      if (credentials.some((m) => m.key === key) || value === undefined) continue;
      const member = profile.find((m) => m.member === key);
      if (!member) throw new ReferenceConfigError(`${endpoint.name} user ${user.username}: "${key}" is not a profile member (${profile.map((m) => m.member).join(', ')})`);
      const nullable = member.type === 'string';
      const ok = value === null ? nullable : typeof value === JS_TYPE[member.type] && (member.type !== 'integer' || Number.isInteger(value));
      if (!ok) throw new ReferenceConfigError(`${endpoint.name} user ${user.username}: "${key}" must be ${member.type}${nullable ? ' or null' : ''}`);
    }
  }
  return users;
}
