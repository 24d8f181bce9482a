// The shape of a probe case: data, not code. A case names what it sends (a body template with
// a `$TOKEN` placeholder), which token it needs, and what the doc expects back; the runner
// makes one request per Accept media type and the checks judge the exchanges.

import type { TypeVariant } from '../checks/exchange.ts';

export const MEDIA_TYPES = ['application/json', 'text/json', 'application/xml', 'text/xml'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/**
 * literal: a fixed value (unknown, malformed, hostile); chain: the live chain's token, whose
 * successor continues the chain; rotation: a live token refreshed, then replayed; expired: a
 * token past its lifetime (embedded provider only); store-down: a valid token (or, on an issuing
 * endpoint, valid credentials) sent while the embedded provider's token store is off (a provoked
 * 500); credentials: the issuing endpoint's configured credentials (the `$CREDENTIAL:<member>$`
 * placeholders); family: a fresh token issued by another endpoint of the run (`issuer`, its name),
 * refreshed once.
 */
export type TokenSpec =
  | { kind: 'literal'; value: string }
  | { kind: 'family'; issuer: string }
  | { kind: 'chain' | 'rotation' | 'expired' | 'store-down' | 'credentials' };

/** Where a credential goes in an issuing endpoint's body template: `$CREDENTIAL:<JSON member>$`. */
export const credentialPlaceholder = (member: string) => `$CREDENTIAL:${member}$`;

export type CaseRole = 'documented' | 'hostile' | 'expired' | 'rotation' | 'server-error';

/**
 * What a hostile case may cost a server beyond its bytes: external-entity (a DOCTYPE that asks
 * the server to fetch a file or URL), entity-expansion (billion laughs), deep-nesting (thousands
 * of levels). PROFILE=production leaves these out, with every body over 64 kB.
 */
export type CaseRisk = 'external-entity' | 'entity-expansion' | 'deep-nesting';

export interface ProbeCase {
  id: string;
  description: string;
  role: CaseRole;
  /** `oneOf`: the doc does not say which of these an input gets (any documented 4xx); `status` is the first. */
  expect: { status: number; body: 'token' | 'document' | 'error' | 'none'; oneOf?: readonly number[] };
  token?: TokenSpec;
  /**
   * json/xml bodies get the Content-Type matching the Accept family, with `charset` (default
   * utf-8) and written in it; `other` names its own Content-Type. `encoding`: the charset the
   * bytes are written in when it is not the one the Content-Type names (a mislabelled body).
   */
  body: { format: 'json' | 'xml' | 'other'; template: string; contentType?: string; charset?: 'utf-8' | 'utf-16'; encoding?: string };
  /** Default: all four media types. */
  accepts?: readonly MediaType[];
  /** A raw Accept header sent instead of the media type, which then names the expected fallback. */
  acceptHeader?: string;
  /** An Accept-Charset header; the response's charset is judged against what it negotiates. */
  acceptCharset?: string;
  risk?: CaseRisk;
  /** A made-up password the body carries (credentials no user has): no error may echo it either. */
  sentPassword?: string;
  /** The case sends a member in another JSON type than the page documents (input.member-types judges it). */
  typeVariant?: TypeVariant;
}

export const TOKEN_PLACEHOLDER = '$TOKEN';
