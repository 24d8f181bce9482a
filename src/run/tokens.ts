// The live refresh-token chain. A refresh spends the token it uses (rotation), so every
// probe that refreshes hands the new token on; the last one stays valid for the user. When
// the chain breaks (a refused token, or a refresh whose answer was lost, so whether the server
// rotated the token is unknown), a login (or, on the embedded provider, a newly issued token)
// starts a fresh token family.

import type { Identity } from '../findings/types.ts';
import { registerSecret } from '../redaction/redactor.ts';

/** Where fresh refresh tokens come from: a login, or the embedded provider's store. */
export interface TokenSource {
  obtain(): Promise<string>;
  /** The user its tokens are issued to, when known (token.semantics compares the responses'). */
  identity?: Identity;
}

/** The source could not give a token; `final` when trying again cannot help (the login gives none, MAX_LOGINS is spent). */
export class TokenSourceError extends Error {
  constructor(message: string, readonly final = false) {
    super(message);
    this.name = 'TokenSourceError';
  }
}

export const NO_CREDENTIALS = 'no credentials for a live refresh token: set REFRESH_TOKEN, or LOGIN_COMPANY, LOGIN_USERNAME and LOGIN_PASSWORD';

export class TokenChain {
  private token: string | undefined;
  private brokenReason: string | undefined;
  private sourceFailure: TokenSourceError | undefined;
  /** Whose the current token is: unknown for a given REFRESH_TOKEN, the source's user otherwise. */
  private tokenIdentity: Identity | undefined;

  constructor(initial: string | undefined, private readonly source: TokenSource | undefined) {
    registerSecret(initial);
    this.token = initial;
  }

  /** A refresh token believed valid, renewing the chain from the source when it is empty (and it still can). */
  async current(): Promise<string | undefined> {
    if (this.token === undefined) {
      const fresh = await this.fromSource();
      if (fresh !== undefined) this.handOver(fresh);
      if (fresh !== undefined) this.tokenIdentity = this.source?.identity;
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

  /** The current token was spent without a readable successor, refused, or its state is unknown: say why. */
  broken(reason: string): void {
    this.token = undefined;
    this.brokenReason = reason;
  }

  /** A token outside the chain (for probes that burn tokens), when the source can make one. */
  async independent(): Promise<string | undefined> {
    const token = await this.fromSource();
    registerSecret(token);
    return token;
  }

  /** The last failure of the source, if its last attempt failed. */
  failure(): TokenSourceError | undefined {
    return this.sourceFailure;
  }

  /** Why probes that need a live token cannot run; undefined when they can. */
  skipReason(): string | undefined {
    if (this.token !== undefined) return undefined;
    if (this.sourceFailure) return this.brokenReason ? `${this.brokenReason}; a fresh token family could not be had: ${this.sourceFailure.message}` : this.sourceFailure.message;
    if (this.source) return undefined;
    return this.brokenReason ? `${this.brokenReason}; set LOGIN_* so the suite can log in again` : NO_CREDENTIALS;
  }

  /** The chain's last token, to leave with the user (never printed). */
  last(): string | undefined {
    return this.token;
  }

  /** A fresh token, or undefined (with the failure kept) when the source has none; a final failure is not retried. */
  private async fromSource(): Promise<string | undefined> {
    if (!this.source || this.sourceFailure?.final) return undefined;
    try {
      const token = await this.source.obtain();
      this.sourceFailure = undefined;
      return token;
    } catch (error) {
      if (!(error instanceof TokenSourceError)) throw error;
      this.sourceFailure = error;
      return undefined;
    }
  }
}
