// The live refresh-token chain. A refresh spends the token it uses (rotation), so every
// probe that refreshes hands the new token on; the last one stays valid for the user. When
// the chain breaks, a login (or, on the embedded provider, a newly issued token) renews it.

import { registerSecret } from '../redaction/redactor.ts';
import { LoginBudgetError } from './logins.ts';

/** Where fresh refresh tokens come from: a login, or the embedded provider's store. */
export interface TokenSource {
  obtain(): Promise<string>;
}

export const NO_CREDENTIALS = 'no credentials for a live refresh token: set REFRESH_TOKEN, or LOGIN_COMPANY, LOGIN_USERNAME and LOGIN_PASSWORD';

export class TokenChain {
  private token: string | undefined;
  private brokenReason: string | undefined;
  /** Set once the source refused for good (MAX_LOGINS spent). */
  private refusal: string | undefined;

  constructor(initial: string | undefined, private readonly source: TokenSource | undefined) {
    registerSecret(initial);
    this.token = initial;
  }

  /** A refresh token believed valid, renewing the chain from the source when it is empty (and MAX_LOGINS allows). */
  async current(): Promise<string | undefined> {
    if (this.token === undefined && this.source && this.refusal === undefined) {
      const renewed = await this.fromSource();
      if (renewed !== undefined) this.handOver(renewed);
    }
    return this.token;
  }

  private async fromSource(): Promise<string | undefined> {
    try {
      return await this.source!.obtain();
    } catch (error) {
      if (!(error instanceof LoginBudgetError)) throw error;
      this.refusal = error.message;
      return undefined;
    }
  }

  /** After a successful refresh: the new refresh token continues the chain. */
  handOver(newRefreshToken: string): void {
    registerSecret(newRefreshToken);
    this.token = newRefreshToken;
    this.brokenReason = undefined;
  }

  /** The current token was spent without a readable successor (or revoked): say why. */
  broken(reason: string): void {
    this.token = undefined;
    this.brokenReason = reason;
  }

  /** A token outside the chain (for probes that burn tokens), when the source can make one. */
  async independent(): Promise<string | undefined> {
    if (!this.source || this.refusal !== undefined) return undefined;
    const token = await this.fromSource();
    registerSecret(token);
    return token;
  }

  /** Why the source gives no more tokens (MAX_LOGINS spent), if it does not. */
  sourceRefusal(): string | undefined {
    return this.refusal;
  }

  /** Why probes that need a live token cannot run; undefined when they can. */
  skipReason(): string | undefined {
    if (this.token !== undefined) return undefined;
    if (this.refusal !== undefined) return this.brokenReason ? `${this.brokenReason}; ${this.refusal}` : this.refusal;
    if (this.source) return undefined;
    return this.brokenReason ? `${this.brokenReason}; set LOGIN_* so the suite can log in again` : NO_CREDENTIALS;
  }

  /** The chain's last token, to leave with the user (never printed). */
  last(): string | undefined {
    return this.token;
  }
}
