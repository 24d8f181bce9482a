// What the checks read: a recorded exchange plus what the probe meant by it (its role), so a
// check knows whether it applies without knowing the probe table.

import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import { packageEndpoint } from '../endpoints/packageEndpoints.ts';
import type { Exchange, Identity } from '../findings/types.ts';
import type { NamingMap } from '../naming/namingMap.ts';
import type { NamingSetting } from '../config/config.ts';
import type { HttpOutcome } from '../http/client.ts';
import { knownSecrets } from '../redaction/redactor.ts';
import type { SchemaProblem } from '../validation/problem.ts';

/**
 * documented: a documented status is expected (status.documented applies);
 * hostile: only "no 500, no hang" is expected; replay: a used refresh token sent again;
 * after-replay: the successor of a replayed token; expired: an expired refresh token;
 * server-error: a deliberately provoked 500.
 */
export type Role = 'documented' | 'hostile' | 'replay' | 'after-replay' | 'expired' | 'server-error';

export interface ProbeExchange extends Exchange {
  role: Role;
  /** The refresh token the request carried, if any (never printed; compared and hashed only). */
  sentToken?: string;
  /** The password a login request carried, configured or made up (never printed; no error may echo it). */
  sentPassword?: string;
  /** The exchange this one follows up on (a replay's original refresh). */
  previous?: ProbeExchange;
  /** The user the sent token was issued to, or who logged in, when the run knows it (token.semantics compares the response's). */
  identity?: Identity;
  /** A probe that sends a member in another JSON type than the page documents (input.member-types). */
  typeVariant?: TypeVariant;
  /** The endpoint the request went to (absent in offline fixtures: the package's refresh-token). */
  endpoint?: TestedEndpoint;
}

export interface TypeVariant {
  member: string;
  /** The page's type (`integer`). */
  documented: string;
  /** The JSON type sent instead (`string`). */
  sent: string;
}

export function endpointOf(exchange: Pick<ProbeExchange, 'endpoint'>): TestedEndpoint {
  return exchange.endpoint ?? packageEndpoint('refresh-token');
}

/** The naming map of a token endpoint's bodies; undefined for a generic endpoint (its 200 is no token response). */
export function wireOf(exchange: Pick<ProbeExchange, 'endpoint'>): NamingMap | undefined {
  return endpointOf(exchange).wire?.naming;
}

/** What the case meant by a request, plus what came back; the live secrets as known right now. */
export type ExchangeIntent = Omit<ProbeExchange, 'response' | 'transportError' | 'secrets'>;

export function recordedExchange(intent: ExchangeIntent, outcome: HttpOutcome): ProbeExchange {
  return {
    ...intent,
    ...(outcome.response ? { response: outcome.response } : {}),
    ...(outcome.transportError ? { transportError: outcome.transportError } : {}),
    secrets: knownSecrets(),
  };
}

export interface CheckContext {
  naming: NamingSetting;
  responseTimeBudgetMs: number;
  /** XSD problems of this exchange's XML body, validated in one batch before the checks ran. */
  xsdProblems(exchange: ProbeExchange): SchemaProblem[] | undefined;
}
