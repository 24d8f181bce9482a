// The users the reference server knows. A user is login credentials plus the profile the
// token response carries, keyed by the C# member names of the doc's TokenResponse; a
// profile is checked against the doc so a typo fails at start, not in a probe.

import { PROFILE_MEMBERS } from './tokenResponse.ts';

export interface ReferenceUser {
  company: string;
  username: string;
  password: string;
  /** Profile members (`id`, `name`, `seqUser`, `ADUser`, ...); absent ones get null / 0 / false. */
  [member: string]: string | number | boolean | null | undefined;
}

/** Synthetic credentials for tests and the standalone server; never real ones. */
export const DEFAULT_USERS: readonly ReferenceUser[] = [
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

export class ReferenceConfigError extends Error {
  constructor(message: string) {
    super(`reference provider: ${message}`);
    this.name = 'ReferenceConfigError';
  }
}

const CREDENTIALS = new Set(['company', 'username', 'password']);
const JS_TYPE = { string: 'string', integer: 'number', boolean: 'boolean', date: 'string', 'decimal number': 'number' } as const;

export function checkUsers(users: readonly ReferenceUser[]): readonly ReferenceUser[] {
  if (users.length === 0) throw new ReferenceConfigError('at least one user is needed');
  for (const user of users) {
    for (const field of CREDENTIALS) {
      if (typeof user[field] !== 'string' || user[field] === '') throw new ReferenceConfigError(`a user has no ${field}`);
    }
    for (const [key, value] of Object.entries(user)) {
      if (CREDENTIALS.has(key) || value === undefined) continue;
      const member = PROFILE_MEMBERS.find((m) => m.member === key);
      if (!member) throw new ReferenceConfigError(`user ${user.username}: "${key}" is not a profile member (${PROFILE_MEMBERS.map((m) => m.member).join(', ')})`);
      const nullable = member.type === 'string';
      const ok = value === null ? nullable : typeof value === JS_TYPE[member.type] && (member.type !== 'integer' || Number.isInteger(value));
      if (!ok) throw new ReferenceConfigError(`user ${user.username}: "${key}" must be ${member.type}${nullable ? ' or null' : ''}`);
    }
  }
  return users;
}
