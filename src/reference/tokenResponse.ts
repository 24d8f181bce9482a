// The TokenResponse the server fills: eight members come from the token session (the OAuth
// ones the doc names: access_token, .issued, ...), the others from the user's profile,
// keyed by the C# member name. Names are checked against the doc's naming map at load.

import type { ResponseMember } from '../naming/namingMap.ts';
import { TOKEN_RESPONSE, responseMember } from './contract.ts';
import type { ActiveFaults } from './faults.ts';
import type { ReferenceUser } from './users.ts';

/** A member's value: date members hold fractional epoch milliseconds. */
export type MemberValue = string | number | boolean | null;
/** Values keyed by C# member name, in no particular order (serializers impose theirs). */
export type TokenValues = ReadonlyMap<string, MemberValue>;

export interface TokenSession {
  user: ReferenceUser;
  accessToken: string;
  refreshToken: string;
  issuedMs: number;
  accessExpiresMs: number;
  accessLifetimeSec: number;
}

const SESSION_VALUES: Record<string, (s: TokenSession) => MemberValue> = {
  access_token: (s) => s.accessToken,
  token_type: () => 'bearer',
  // The server reads its clock again after issuing, so a whole lifetime shows one second short.
  expires_in: (s) => String(Math.max(0, Math.floor(s.accessLifetimeSec) - 1)),
  refresh_token: (s) => s.refreshToken,
  username: (s) => s.user.username,
  company: (s) => s.user.company,
  '.issued': (s) => s.issuedMs,
  '.expires': (s) => s.accessExpiresMs,
};

const sessionMembers = new Map(Object.entries(SESSION_VALUES).map(([documented, read]) => [responseMember(documented).member, read]));

/** Members a user profile supplies (id, name, seqUser, ...). */
export const PROFILE_MEMBERS: readonly ResponseMember[] = TOKEN_RESPONSE.members.filter((m) => !sessionMembers.has(m.member));

function profileDefault(member: ResponseMember): MemberValue {
  return member.type === 'integer' ? 0 : member.type === 'boolean' ? false : null;
}

const REFRESH_TOKEN = responseMember('refresh_token');

/** The no-refresh-token fault sends the member as null: a session the client can never renew. */
export function tokenValues(session: TokenSession, faults: ActiveFaults): TokenValues {
  return new Map(
    TOKEN_RESPONSE.members.map((m) => {
      if (m === REFRESH_TOKEN && faults.has('no-refresh-token')) return [m.member, null];
      const read = sessionMembers.get(m.member);
      return [m.member, read ? read(session) : (session.user[m.member] ?? profileDefault(m))];
    }),
  );
}
