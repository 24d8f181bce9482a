// Recorded exchanges for the check tests: a token or error response in any media type, with
// the headers the reference server would send, overridable field by field.

import type { CheckContext, ProbeExchange, Role } from '../../../src/checks/exchange.ts';
import type { Identity } from '../../../src/findings/types.ts';
import type { SchemaProblem } from '../../../src/validation/problem.ts';

export interface FixtureOptions {
  role?: Role;
  /** The status the case expects (default: the response's own status). */
  expectStatus?: number;
  mediaType?: string;
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  elapsedMs?: number;
  sentToken?: string;
  previous?: ProbeExchange;
  identity?: Identity;
  /** Request headers beside Accept (Accept-Charset, Content-Type). */
  requestHeaders?: Record<string, string>;
  /** The charset the body was read in, and why its bytes did not decode, as the client records them. */
  charset?: string;
  undecodable?: string;
  truncated?: boolean;
  secrets?: string[];
  noResponse?: string;
}

export function exchange(options: FixtureOptions = {}): ProbeExchange {
  const mediaType = options.mediaType ?? 'application/json';
  const status = options.status ?? 200;
  return {
    caseId: 'fixture',
    mediaType,
    expect: { status: options.expectStatus ?? status, body: status === 200 ? 'token' : 'error' },
    request: { method: 'POST', path: 'api/v1/auth/refresh-token', headers: { accept: mediaType, ...options.requestHeaders }, body: '{}' },
    ...(options.noResponse ? { transportError: options.noResponse } : {
      response: {
        status,
        headers: { 'content-type': `${mediaType}; charset=utf-8`, 'cache-control': 'no-store', ...options.headers },
        body: options.body ?? '',
        ...(options.charset ? { charset: options.charset } : {}),
        ...(options.undecodable ? { undecodable: options.undecodable } : {}),
        truncated: options.truncated ?? false,
        elapsedMs: options.elapsedMs ?? 5,
      },
    }),
    secrets: options.secrets ?? [],
    role: options.role ?? 'documented',
    ...(options.sentToken ? { sentToken: options.sentToken } : {}),
    ...(options.previous ? { previous: options.previous } : {}),
    ...(options.identity ? { identity: options.identity } : {}),
  };
}

export function context(overrides: Partial<CheckContext> & { xsd?: SchemaProblem[] } = {}): CheckContext {
  return { naming: 'auto', responseTimeBudgetMs: 1000, xsdProblems: () => overrides.xsd ?? [], ...overrides };
}
