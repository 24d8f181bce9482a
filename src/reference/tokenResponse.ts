// The token response the server fills (TokenResponse or TokenCorpResponse): the members the
// token session owns (the OAuth ones the docs name: access_token, .issued, ...) come from the
// session, the others from the user's profile, keyed by the C# member name. A member the
// user's profile lacks (a corp user refreshed into a TokenResponse has no userCode) is written
// as the CLR default: null, 0 or false. The faults that make the values lie (lifetimes, token
// type, user, clock) are injected here.

import type { ResponseMember } from '../naming/namingMap.ts';
import type { ResponseContract } from './contract.ts';
import type { ActiveFaults } from './faults.ts';
import type { ReferenceUser } from './users.ts';

/** A member's value: date members hold fractional epoch milliseconds. */
export type MemberValue = string | number | boolean | null;
/** A response's values keyed by C# member name, in no particular order (serializers impose theirs). */
export type MemberValues = ReadonlyMap<string, MemberValue>;

export interface TokenSession {
  user: ReferenceUser;
  accessToken: string;
  refreshToken: string;
  issuedMs: number;
  accessExpiresMs: number;
  accessLifetimeSec: number;
}

const HOUR_MS = 3_600_000;
/** How far the issued-clock-skew fault sets the dates back. */
const SKEW_MS = 10 * 60_000;
/** Whom the other-user-in-response fault names. */
const OTHER_USER = { username: 'OUTRO', company: '99' };

type SessionValue = (s: TokenSession, faults: ActiveFaults) => MemberValue;

const skew = (faults: ActiveFaults) => (faults.has('issued-clock-skew') ? SKEW_MS : 0);

/** By documented name; a response without the member (TokenCorpResponse has no company) skips it. */
const SESSION_VALUES: Record<string, SessionValue> = {
  access_token: (s, f) => (f.has('access-token-equals-refresh-token') ? s.refreshToken : s.accessToken),
  token_type: (_, f) => (f.has('token-type-not-bearer') ? 'mac' : 'bearer'),
  // The server reads its clock again after issuing, so a whole lifetime shows one second short.
  expires_in: (s, f) => String(Math.max(0, Math.floor(f.has('expires-in-mismatch') ? HOUR_MS / 1000 : s.accessLifetimeSec) - 1)),
  // no-refresh-token: a session the client can never renew.
  refresh_token: (s, f) => (f.has('no-refresh-token') ? null : s.refreshToken),
  username: (s, f) => (f.has('other-user-in-response') ? OTHER_USER.username : s.user.username),
  company: (s, f) => (f.has('other-user-in-response') ? OTHER_USER.company : (s.user.company ?? null)),
  '.issued': (s, f) => s.issuedMs - skew(f),
  '.expires': (s, f) => (f.has('expires-before-issued') ? s.issuedMs - HOUR_MS : s.accessExpiresMs) - skew(f),
};

/** Members a user profile supplies (id, name, seqUser, ADUser, email, group, ...). */
export function profileMembers(response: ResponseContract): ResponseMember[] {
  return response.members.filter((m) => !(m.documented in SESSION_VALUES));
}

/** What an unset member of a .NET object holds: null, 0 or false. */
export function clrDefault(member: ResponseMember): MemberValue {
  return member.type === 'integer' ? 0 : member.type === 'boolean' ? false : null;
}

export function tokenValues(session: TokenSession, response: ResponseContract, faults: ActiveFaults): MemberValues {
  return new Map(
    response.members.map((m) => {
      const read = SESSION_VALUES[m.documented];
      return [m.member, read ? read(session, faults) : (session.user[m.member] ?? clrDefault(m))];
    }),
  );
}
