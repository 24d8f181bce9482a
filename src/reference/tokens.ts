// Refresh tokens: opaque random values the server remembers by hash (the store never holds a
// usable token), each used once (rotation) and only within its lifetime. Tokens descending
// from one login form a family; presenting a used token again revokes the whole family
// (RFC 9700 §4.14.2 replay detection), since either the client or a thief holds a copy.
// Access tokens are issued but never presented to this API, so only their lifetime is tracked.

import { createHash, randomBytes } from 'node:crypto';
import type { ActiveFaults } from './faults.ts';
import type { TokenSession } from './tokenResponse.ts';
import type { ReferenceUser } from './users.ts';
import { preciseNow } from './dates.ts';

export interface TokenLifetimes {
  accessSec: number;
  refreshSec: number;
}

/** Thrown while the store is switched off: the action fails the way a lost database would. */
export class TokenStoreUnavailableError extends Error {
  constructor() {
    super('token store unavailable');
    this.name = 'TokenStoreUnavailableError';
  }
}

interface RefreshRecord {
  user: ReferenceUser;
  expiresMs: number;
  family: number;
  used: boolean;
}

/** The user a redeemed token belonged to and the family its successor joins. */
export interface Redeemed {
  user: ReferenceUser;
  family: number;
}

/** Above this many records, issuing sweeps the expired ones so a long run stays small. */
const SWEEP_ABOVE = 10_000;

export class TokenStore {
  private readonly records = new Map<string, RefreshRecord>();
  private families = 0;
  available = true;

  constructor(
    private readonly lifetimes: TokenLifetimes,
    private readonly faults: ActiveFaults,
  ) {}

  /**
   * A new session; its refresh token continues `family` (a refresh) or starts one (a login).
   * `kept`: the same-refresh-token-returned fault hands the presented token back, valid again.
   */
  issue(user: ReferenceUser, family?: number, kept?: string): TokenSession {
    this.ensureAvailable();
    const issuedMs = preciseNow();
    this.sweep(issuedMs);
    return {
      user,
      accessToken: opaqueToken(),
      refreshToken: kept === undefined ? this.remember(user, issuedMs + this.lifetimes.refreshSec * 1000, family) : this.reinstate(kept),
      issuedMs,
      accessExpiresMs: issuedMs + this.lifetimes.accessSec * 1000,
      accessLifetimeSec: this.lifetimes.accessSec,
    };
  }

  /** Spends a valid refresh token; undefined when refused (unknown, expired, or used: a replay). */
  redeem(refreshToken: string): Redeemed | undefined {
    this.ensureAvailable();
    const record = this.records.get(digest(refreshToken));
    if (!record) return undefined;
    if (record.used) {
      if (!this.faults.has('no-replay-detection')) this.revokeFamily(record.family);
      return undefined;
    }
    if (record.expiresMs <= Date.now() && !this.faults.has('refresh-token-never-expires')) return undefined;
    if (!this.faults.has('old-refresh-token-accepted')) record.used = true;
    return { user: record.user, family: record.family };
  }

  /** A new refresh token for `user` valid until `expiresMs`, even while the store is off (provider states). */
  remember(user: ReferenceUser, expiresMs: number, family = ++this.families): string {
    const token = opaqueToken();
    this.records.set(digest(token), { user, expiresMs, family, used: false });
    return token;
  }

  private reinstate(token: string): string {
    const record = this.records.get(digest(token));
    if (record) record.used = false;
    return token;
  }

  private revokeFamily(family: number): void {
    for (const [key, record] of this.records) if (record.family === family) this.records.delete(key);
  }

  clear(): void {
    this.records.clear();
  }

  private ensureAvailable(): void {
    if (!this.available) throw new TokenStoreUnavailableError();
  }

  private sweep(nowMs: number): void {
    if (this.records.size < SWEEP_ABOVE || this.faults.has('refresh-token-never-expires')) return;
    for (const [key, record] of this.records) if (record.expiresMs <= nowMs) this.records.delete(key);
  }
}

function opaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
