// The live refresh-token chain. A refresh spends the token it uses (rotation), so every
// probe that refreshes hands the new token on; the last one stays valid for the user. When
// the chain breaks, a login (or, on the embedded provider, a newly issued token) renews it.

import type { Identity } from '../findings/types.ts';
import { registerSecret } from '../redaction/redactor.ts';

/** Where fresh refresh tokens come from: a login, or the embedded provider's store. */
export interface TokenSource {
  obtain(): Promise<string>;
  /** The user its tokens are issued to, when known (token.semantics compares the responses'). */
  identity?: Identity;
}

const NO_CREDENTIALS = 'no credentials for a live refresh token: set REFRESH_TOKEN, or LOGIN_COMPANY, LOGIN_USERNAME and LOGIN_PASSWORD';

export class TokenChain {
  private token: string | undefined;
  private brokenReason: string | undefined;
  /** Whose the current token is: unknown for a given REFRESH_TOKEN, the source's user otherwise. */
  private tokenIdentity: Identity | undefined;

  constructor(initial: string | undefined, private readonly source: TokenSource | undefined) {
    registerSecret(initial);
    this.token = initial;
  }

  /** A refresh token believed valid, renewing the chain from the source when it is empty. */
  async current(): Promise<string | undefined> {
    if (this.token === undefined && this.source) {
      this.handOver(await this.source.obtain());
      this.tokenIdentity = this.source.identity;
    }
    return this.token;
  }

  /** The user the current token was issued to, when the run knows it; a refresh keeps the user. */
  identity(): Identity | undefined {
    return this.token === undefined ? undefined : this.tokenIdentity;
  }

  /** The user of the tokens `independent()` hands out, when the source knows it. */
  independentIdentity(): Identity | undefined {
    return this.source?.identity;
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
    if (!this.source) return undefined;
    const token = await this.source.obtain();
    registerSecret(token);
    return token;
  }

  /** Why probes that need a live token cannot run; undefined when they can. */
  skipReason(): string | undefined {
    if (this.token !== undefined || this.source) return undefined;
    return this.brokenReason ? `${this.brokenReason}; set LOGIN_* so the suite can log in again` : NO_CREDENTIALS;
  }

  /** The chain's last token, to leave with the user (never printed). */
  last(): string | undefined {
    return this.token;
  }
}
