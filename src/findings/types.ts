// The shapes every stage shares: a recorded HTTP exchange (what checks read), a finding
// (what checks produce), and the findings report written to reports/findings.json.
// Checks are pure functions of an exchange, so they can be tested offline with fixtures.

import type { Profile } from '../config/config.ts';

export type Level = 'MUST' | 'SHOULD' | 'MAY';
export type ResultStatus = 'pass' | 'fail' | 'skip' | 'info';
export type Naming = 'backing-field' | 'documented';
export type NamingVerdict = Naming | 'datacontract-json' | 'owin' | 'mixed' | 'unknown';

export interface RecordedRequest {
  method: string;
  /** Path and query relative to the target, e.g. `api/v1/auth/refresh-token`. */
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The charset the body's bytes are written in, when not the one its Content-Type names (a probe that mislabels on purpose). */
  bodyCharset?: string;
}

export interface RecordedResponse {
  status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The text of the body, read in `charset` (a byte order mark dropped). */
  body: string;
  /** The charset the body was read in: the Content-Type's, else utf-8. */
  charset?: string;
  /** Why the body's bytes are not valid text in `charset`, when they are not. */
  undecodable?: string;
  /** True when the body was cut at MAX_RESPONSE_BYTES: `body` then holds its first 64 K characters only. */
  truncated: boolean;
  elapsedMs: number;
  /** The most of the run's requests in flight at once while this one was out (paced runs only). */
  inFlight?: number;
}

/** Who a token family was issued to, as far as the run knows (the login's credentials, the embedded provider's user). */
export interface Identity {
  company?: string;
  username?: string;
}

/** One probe's request and what came back (or why nothing came back). */
export interface Exchange {
  /** Probe case id, e.g. `refresh.ok`, `refresh.unknown-token`, `hostile.xxe`. */
  caseId: string;
  /** The `Accept` media type the case asked for (or the one it sent when it asked none). */
  mediaType: string;
  /** What the case expects: the documented status and body kind. */
  /** `oneOf`: any of these statuses is the documented answer (the doc does not say which). */
  expect: { status: number; body: 'token' | 'document' | 'error' | 'none'; oneOf?: readonly number[] };
  request: RecordedRequest;
  response?: RecordedResponse;
  /** Set when no complete response arrived: timeout, reset, invalid HTTP; with `response` when the target cut the body off. */
  transportError?: string;
  /** Live token values the run knows, so checks can look for echoes without logging them. */
  secrets: string[];
}

export interface Finding {
  check: string;
  /** The endpoint the finding is about (`POST api/v1/auth/login`); absent for the run as a whole. */
  endpoint?: string;
  caseId: string;
  mediaType: string;
  status: ResultStatus;
  level: Level;
  /** One line: what was wrong or what was verified. */
  title: string;
  /** `Received: ... / Expected: ...` when the check failed; already redacted. */
  message: string;
}

export interface NamingReport {
  verdict: NamingVerdict;
  byFormat: { json?: NamingVerdict; xml?: NamingVerdict };
  /** The fix to suggest to the server owner, empty when the naming keeps the doc's promise. */
  advice: string;
}

/** Work ONLY, SKIP or the profile left out: never sent (cases, contract interactions) or never run (checks). */
export interface ExcludedWork {
  kind: 'case' | 'contract' | 'check';
  id: string;
  /** Checks only: the level of the check that did not judge. */
  level?: Level;
  /** The pattern or rule that excluded it: `SKIP=hostile.*`, `ONLY=group:documented`, `PROFILE=production: deep nesting`. */
  by: string;
}

/** How the run paced itself and what it spent. */
export interface Pacing {
  /** RATE_LIMIT in requests per second, null when unpaced. */
  rateLimit: number | null;
  concurrency: number;
  /** MAX_LOGINS, null when uncapped. */
  maxLogins: number | null;
  loginsUsed: number;
}

export interface EndpointSummary {
  /** `POST api/v1/auth/login`. */
  id: string;
  name: string;
  role: 'issuing' | 'refreshing' | 'generic';
  roleReason: string;
  naming?: NamingReport;
}

export interface FindingsReport {
  tool: { name: string; version: string };
  target: string;
  /** True when the target is the embedded reference provider. */
  embedded: boolean;
  profile: Profile;
  insecureTls: boolean;
  /** What the profile left out, in a reader's words (PROFILE=production). */
  profileOmissions: string[];
  selection: { only: string[]; skip: string[] };
  excluded: ExcludedWork[];
  pacing: Pacing;
  startedAt: string;
  durationMs: number;
  /** The endpoints the run covered, each with its role and (token endpoints) its own naming verdict. */
  endpoints: EndpointSummary[];
  /** The naming verdict across every token endpoint's responses. */
  naming: NamingReport;
  results: Finding[];
  /** Contract verification results, when the run verified contracts. */
  contracts?: { interaction: string; status: ResultStatus; message: string }[];
  timings: { stage: string; ms: number }[];
  /** HTTP requests the run sent: preflight, login, probes, the contract recording and verification. */
  requests: number;
  summary: { pass: number; fail: number; skip: number; info: number; advisory: number };
}
