// One run per process, shared by every conformance spec: config loaded and validated once,
// the embedded provider started when no TARGET_URL is given, the target preflighted, and the
// traffic control, token chain, login exchanges and findings collector that all stages
// (probes, Pact verification, reports) use.

import type { ProbeExchange } from '../checks/exchange.ts';
import { ConfigError, loadConfig, type Config } from '../config/config.ts';
import { loadEndpointSet } from '../endpoints/endpointSet.ts';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import { httpOptions, type HttpOptions } from '../http/client.ts';
import { ConcurrencyLimit } from '../http/concurrency.ts';
import { startReferenceProvider, type ReferenceProvider } from '../reference/index.ts';
import { LoginError, loginSource } from '../target/login.ts';
import { chainIssuerOf, configuredCredentials, credentialVariables } from './credentials.ts';
import { preflight, sendCheap } from '../target/preflight.ts';
import { ensureJava } from '../validation/javaCheck.ts';
import { select, type Selection } from '../selection/select.ts';
import { FindingsCollector } from './findings.ts';
import { LoginBudget } from './logins.ts';
import { TokenChain, type TokenSource } from './tokens.ts';
import { TrafficControl } from './traffic.ts';

export { ConfigError } from '../config/config.ts';
export { TargetUnreachableError } from '../target/errors.ts';
export { MissingJavaError } from '../validation/javaCheck.ts';

export interface RunTarget {
  /** Base URL with a trailing slash; endpoint paths are resolved against it. */
  url: string;
  embedded: boolean;
  provider?: ReferenceProvider;
}

export interface Run {
  config: Config;
  /** The endpoints the run covers (DOCS, HELP_URL or the package's three; ENDPOINTS narrows). */
  endpoints: readonly TestedEndpoint[];
  /** The issuing endpoint whose logins feed the token chain, when credentials for one are configured (selected by ENDPOINTS or not). */
  chainIssuer?: TestedEndpoint;
  target: RunTarget;
  http: HttpOptions;
  findings: FindingsCollector;
  tokens: TokenChain;
  /** Every request of the run passes it (CONCURRENCY, and the stop when the target goes silent). */
  traffic: TrafficControl;
  /** Every login exchange so far, judged with the probes (case `login`). */
  loginExchanges: ProbeExchange[];
  /** ONLY, SKIP and the profile's exclusions, over the cases, contract interactions and checks. */
  selection: Selection;
  /** MAX_LOGINS: every login request spends from it. */
  loginBudget: LoginBudget;
  startedAt: Date;
}

let pending: Promise<Run> | undefined;
let started: Run | undefined;

/** The process's run, started on first call; rejects with ConfigError or TargetUnreachableError. */
export function currentRun(): Promise<Run> {
  pending ??= startRun(loadConfig()).then((run) => (started = run));
  return pending;
}

/** The run when one has started successfully (for end-of-run hooks); never starts one. */
export function startedRun(): Run | undefined {
  return started;
}

/** Stops the embedded provider; safe to call twice or when no run started. */
export async function closeRun(): Promise<void> {
  const run = started;
  started = undefined;
  await run?.target.provider?.stop();
}

/** Starts a run for the given config (self tests use this directly). */
export async function startRun(config: Config): Promise<Run> {
  ensureJava();
  const startedAt = new Date();
  const findings = new FindingsCollector();
  const direct = httpOptions(config, config.targetUrl === undefined);
  const traffic = new TrafficControl(new ConcurrencyLimit(config.concurrency), () => sendCheap(target.url, direct));
  const http: HttpOptions = { ...direct, traffic };
  const loginExchanges: ProbeExchange[] = [];
  const loginBudget = new LoginBudget(config.maxLogins);
  const provider = config.targetUrl ? undefined : await startReferenceProvider(config.reference);
  const target: RunTarget = provider ? { url: `${provider.url}/`, embedded: true, provider } : { url: config.targetUrl!, embedded: false };
  try {
    const t0 = performance.now();
    await preflight(target.url, direct);
    findings.timing('preflight', performance.now() - t0);
    const { all, selected: endpoints } = await loadEndpointSet(config, direct);
    const selection = select(config, endpoints);
    const chainIssuer = chainIssuerOf(config, all);
    const source = chainIssuer ? loginTokens(config, chainIssuer, target, http, (e) => loginExchanges.push(e), loginBudget) : providerTokens(target);
    const tokens = new TokenChain(config.refreshToken, source);
    if (chainIssuer && !config.refreshToken) await checkLogin(tokens, chainIssuer);
    return { config, endpoints, ...(chainIssuer ? { chainIssuer } : {}), target, http, findings, tokens, traffic, loginExchanges, selection, loginBudget, startedAt };
  } catch (error) {
    await provider?.stop();
    throw error;
  }
}

function loginTokens(config: Config, issuer: TestedEndpoint, target: RunTarget, http: HttpOptions, onLogin: (exchange: ProbeExchange) => void, budget: LoginBudget): TokenSource {
  // LOGIN_PATH moves the login away from its doc's path.
  const path = issuer.name === 'login' ? config.login?.path : undefined;
  return loginSource({ baseUrl: target.url, endpoint: issuer, credentials: configuredCredentials(config, issuer)!, ...(path ? { path } : {}) }, http, onLogin, budget);
}

/** Without credentials, the embedded provider hands out tokens of its first login user directly. */
function providerTokens(target: RunTarget): TokenSource | undefined {
  const provider = target.provider;
  return provider ? { obtain: async () => provider.issueRefreshToken(), identity: provider.defaultUser } : undefined;
}

/**
 * Refused credentials are a configuration problem: stop before any probe runs. A login that
 * answers 200 without a usable refresh token is not: the run goes on and reports it.
 */
async function checkLogin(tokens: TokenChain, issuer: TestedEndpoint): Promise<void> {
  await tokens.current();
  const failure = tokens.failure();
  if (!(failure instanceof LoginError)) return;
  const variables = [...credentialVariables(issuer), ...(issuer.name === 'login' ? ['LOGIN_PATH'] : [])];
  throw new ConfigError(variables.find((v) => v.endsWith('_USERNAME')) ?? variables[0]!, `${failure.message} (check ${variables.slice(0, -1).join(', ')} and ${variables.at(-1)})`);
}
