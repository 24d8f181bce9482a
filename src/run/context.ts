// One run per process, shared by every conformance spec: config loaded and validated once,
// the embedded provider started when no TARGET_URL is given, the target preflighted, and the
// token chain and findings collector that all stages (probes, Pact verification, reports) use.

import { ConfigError, loadConfig, type Config } from '../config/config.ts';
import { httpOptions, type HttpOptions } from '../http/client.ts';
import { startReferenceProvider, type ReferenceProvider } from '../reference/index.ts';
import { LoginError, loginSource } from '../target/login.ts';
import { preflight } from '../target/preflight.ts';
import { ensureJava } from '../validation/javaCheck.ts';
import { selectionFor, type Selection } from '../selection/forConfig.ts';
import { FindingsCollector } from './findings.ts';
import { LoginBudget } from './logins.ts';
import { TokenChain, type TokenSource } from './tokens.ts';

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
  target: RunTarget;
  http: HttpOptions;
  findings: FindingsCollector;
  tokens: TokenChain;
  /** ONLY, SKIP and the profile's exclusions, over the cases, contract interactions and checks. */
  selection: Selection;
  logins: LoginBudget;
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
  const selection = selectionFor(config);
  ensureJava();
  const startedAt = new Date();
  const findings = new FindingsCollector();
  const http = httpOptions(config, config.targetUrl === undefined);
  const logins = new LoginBudget(config.maxLogins);
  const provider = config.targetUrl ? undefined : await startReferenceProvider(config.reference);
  const target: RunTarget = provider ? { url: `${provider.url}/`, embedded: true, provider } : { url: config.targetUrl!, embedded: false };
  try {
    const t0 = performance.now();
    await preflight(target.url, http);
    findings.timing('preflight', performance.now() - t0);
    const tokens = new TokenChain(config.refreshToken, tokenSource(config, target, http, logins));
    if (config.login && !config.refreshToken) await checkLogin(tokens);
    return { config, target, http, findings, tokens, selection, logins, startedAt };
  } catch (error) {
    await provider?.stop();
    throw error;
  }
}

function tokenSource(config: Config, target: RunTarget, http: HttpOptions, logins: LoginBudget): TokenSource | undefined {
  if (config.login) return loginSource(target.url, config.login, http, logins);
  const provider = target.provider;
  return provider ? { obtain: async () => provider.issueRefreshToken() } : undefined;
}

/** Bad credentials are a configuration problem: stop before any probe runs. */
async function checkLogin(tokens: TokenChain): Promise<void> {
  try {
    await tokens.current();
  } catch (error) {
    if (error instanceof LoginError) throw new ConfigError('LOGIN_USERNAME', `${error.message} (check LOGIN_COMPANY, LOGIN_USERNAME, LOGIN_PASSWORD and LOGIN_PATH)`);
    throw error;
  }
}
