// Every setting of a run, read from the environment and validated in one place, so a typo
// stops the run at once (exit 2) with the variable's name instead of surfacing as odd findings.

import { accessSync, constants } from 'node:fs';
import { isFaultId } from '../reference/faults.ts';
import { proxySettings, type ProxySettings } from '../http/proxy.ts';
import { ConfigError } from './configError.ts';

export { ConfigError } from './configError.ts';

export type NamingSetting = 'auto' | 'backing-field' | 'documented';
export type Profile = 'default' | 'strict' | 'production';
export const PROFILES: readonly Profile[] = ['default', 'strict', 'production'];

export interface LoginConfig {
  company: string;
  username: string;
  password: string;
  path: string;
}

/** The corp login's credentials (CORP_LOGIN_*): a group id, an e-mail user name and a password. */
export interface CorpLoginConfig {
  groupId: string;
  username: string;
  password: string;
}

export interface Config {
  /** Absent: the embedded reference provider is started in-process. */
  targetUrl?: string;
  refreshToken?: string;
  login?: LoginConfig;
  corpLogin?: CorpLoginConfig;
  /** The Help Pages the run covers: a page or a folder (DOCS); absent: HELP_URL, else the package's docs/. */
  docs?: string;
  /** ENDPOINTS: `METHOD path` globs selecting endpoints of the doc set (empty: all). */
  endpoints: string[];
  naming: NamingSetting;
  profile: Profile;
  requestTimeoutMs: number;
  maxResponseBytes: number;
  caFile?: string;
  insecureTls: boolean;
  responseTimeBudgetMs: number;
  /** At most this many of the run's requests in flight at once. */
  concurrency: number;
  reportsDir: string;
  /** Where the last valid refresh token of the chain is written (mode 0600), when set. */
  refreshTokenFile?: string;
  /** A server's live Help index (`https://host/Help`) for the doc commands. */
  helpUrl?: string;
  /** Comma-separated globs over case ids, check ids and `group:<name>` (src/selection/). */
  only: string[];
  skip: string[];
  /** Requests per second across the whole run (undefined: unpaced). */
  rateLimit?: number;
  /** Logins the run may make (undefined: no cap). */
  maxLogins?: number;
  /** HTTP_PROXY / HTTPS_PROXY / NO_PROXY as read from the environment (src/http/proxy.ts). */
  proxy: ProxySettings;
  /** Only for the embedded provider: its naming and injected faults. */
  reference: { naming: 'backing-field' | 'documented'; faults: string[]; slowMs: number };
}

export interface ConfigVariable {
  name: string;
  default: string;
  description: string;
  /** A credential: read from the environment only, never a command-line flag (process lists and CI logs show those). */
  secret?: boolean;
}

/** More parallel requests than this would be a load test, not a conformance run. */
export const MAX_CONCURRENCY = 64;

export const CONFIG_VARIABLES: ConfigVariable[] = [
  { name: 'TARGET_URL', default: '(embedded reference provider)', description: 'Base URL of the server under test, e.g. https://erp.example:8343/ (http or https).' },
  { name: 'REFRESH_TOKEN', default: '(none)', description: 'A live refresh token to start the token chain with.', secret: true },
  { name: 'LOGIN_COMPANY', default: '(none)', description: 'Company for the login that obtains a refresh token (with LOGIN_USERNAME and LOGIN_PASSWORD).' },
  { name: 'LOGIN_USERNAME', default: '(none)', description: 'User name for the login.' },
  { name: 'LOGIN_PASSWORD', default: '(none)', description: 'Password for the login.', secret: true },
  { name: 'CORP_LOGIN_GROUP_ID', default: '(none)', description: 'Group id for the corp login (with CORP_LOGIN_USERNAME and CORP_LOGIN_PASSWORD); without them the corp login is skipped with the reason.' },
  { name: 'CORP_LOGIN_USERNAME', default: '(none)', description: 'User name (an e-mail address) for the corp login.' },
  { name: 'CORP_LOGIN_PASSWORD', default: '(none)', description: 'Password for the corp login.', secret: true },
  { name: 'LOGIN_PATH', default: 'api/v1/auth/login', description: 'Path of the login action, relative to TARGET_URL.' },
  { name: 'NAMING', default: 'auto', description: 'Field naming the target must emit: auto (classify and report), backing-field or documented.' },
  { name: 'PROFILE', default: 'default', description: 'default: SHOULD/MAY checks are advisory; strict: advisory checks, skipped probes and an excluded MUST check fail; production: documented and lifecycle cases, size-bounded hostile input, one login, RATE_LIMIT=5, CONCURRENCY=2 (docs/gate.md).' },
  { name: 'ONLY', default: '(everything)', description: 'Comma-separated globs over case ids, check ids and groups (group:documented, group:lifecycle, group:hostile, group:contracts): only the matching work runs; the rest is reported as excluded.' },
  { name: 'SKIP', default: '(nothing)', description: 'Comma-separated globs like ONLY: the matching work is excluded and reported as excluded with the pattern.' },
  { name: 'RATE_LIMIT', default: '(unpaced; production: 5)', description: 'Requests per second across the whole run (preflight, logins, probes, contract verification); a positive number, e.g. 0.5.' },
  { name: 'MAX_LOGINS', default: '(no cap; production: 1)', description: 'How many logins the run may make; probes that would need more are skipped with the reason.' },
  { name: 'CONCURRENCY', default: '8', description: `At most this many of the run's requests in flight at once (1 to ${MAX_CONCURRENCY}; production: 2); 1 sends one request at a time.` },
  { name: 'HTTPS_PROXY', default: '(none)', description: 'Proxy for https targets (CONNECT tunnel); https_proxy too, the lower-case name wins.' },
  { name: 'HTTP_PROXY', default: '(none)', description: 'Proxy for http targets; http_proxy too, the lower-case name wins.' },
  { name: 'NO_PROXY', default: '(none)', description: 'Comma-separated hosts, domains (.example.com), IP addresses, CIDR ranges or * that bypass the proxy, as curl reads it; the embedded provider never uses a proxy.' },
  { name: 'REQUEST_TIMEOUT_MS', default: '5000', description: 'Deadline for each request, in milliseconds.' },
  { name: 'MAX_RESPONSE_BYTES', default: '1048576', description: 'Response bodies are cut (and marked truncated) at this size.' },
  { name: 'RESPONSE_TIME_BUDGET_MS', default: '1000', description: 'Advisory time budget per request (check response.time).' },
  { name: 'CA_FILE', default: '(system CAs)', description: 'PEM file with the CA certificates that sign the target\'s TLS certificate.' },
  { name: 'INSECURE_TLS', default: '0', description: 'Set to 1 to skip TLS certificate verification (shown in the report).' },
  { name: 'REPORTS_DIR', default: 'reports', description: 'Folder for findings.json and the other reports.' },
  { name: 'REFRESH_TOKEN_FILE', default: '(none)', description: 'File (written with mode 0600) that receives the last valid refresh token of the chain.' },
  { name: 'HELP_URL', default: '(none)', description: 'A server\'s live Help index, e.g. https://erp.example:8343/Help: the run covers every endpoint it lists (unless DOCS is set); npm run doc / validate / schemas read it when given no page.' },
  { name: 'DOCS', default: '(the package\'s docs/: login, corp login, refresh-token)', description: 'A Help Page file or a folder of them (text copies or saved HTML): the run covers every endpoint they document.' },
  { name: 'ENDPOINTS', default: '(every endpoint of the doc set)', description: 'Comma-separated `METHOD path` patterns (* matches within a segment, ** across; the method may be left out), e.g. `POST api/v1/auth/*login`.' },
  { name: 'REFERENCE_NAMING', default: 'backing-field', description: 'Embedded provider only: backing-field or documented naming.' },
  { name: 'REFERENCE_FAULTS', default: '(none)', description: 'Embedded provider only: comma-separated fault ids to inject.' },
  { name: 'REFERENCE_SLOW_MS', default: '1500', description: 'Embedded provider only: how long the slow-response fault holds each answer back.' },
];

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = value(env, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `"${raw}" is not one of ${allowed.join(', ')}`);
  }
  return raw as T;
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) <= 0 || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(name, `"${raw}" is not a positive whole number`);
  }
  return Number(raw);
}

function positiveNumber(env: Env, name: string): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(raw) || !(Number(raw) > 0)) throw new ConfigError(name, `"${raw}" is not a positive number`);
  return Number(raw);
}

function wholeNumber(env: Env, name: string): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new ConfigError(name, `"${raw}" is not a whole number (0 or more)`);
  return Number(raw);
}

function patterns(env: Env, name: string): string[] {
  return (value(env, name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * What PROFILE=production sets when the variable itself is not given: an explicit RATE_LIMIT,
 * MAX_LOGINS or CONCURRENCY always wins, so a team can tune the profile to its server.
 */
export const PRODUCTION_DEFAULTS = { rateLimit: 5, maxLogins: 1, concurrency: 2 } as const;
const DEFAULT_CONCURRENCY = 8;

function concurrency(env: Env, production: boolean): number {
  const parallel = positiveInt(env, 'CONCURRENCY', production ? PRODUCTION_DEFAULTS.concurrency : DEFAULT_CONCURRENCY);
  if (parallel > MAX_CONCURRENCY) throw new ConfigError('CONCURRENCY', `${parallel} is more than ${MAX_CONCURRENCY}`);
  return parallel;
}

function httpUrl(env: Env, name: string, example: string): URL | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `"${raw}" is not a URL (expected e.g. ${example})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `protocol ${url.protocol} is not http: or https:`);
  }
  if (url.search || url.hash) throw new ConfigError(name, 'must not carry a query or fragment');
  return url;
}

function targetUrl(env: Env): string | undefined {
  const url = httpUrl(env, 'TARGET_URL', 'https://host:8343/');
  if (url === undefined) return undefined;
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** A credential set: all of its variables or none. */
function allOrNone<N extends string>(env: Env, names: readonly N[]): Record<N, string> | undefined {
  const given = names.filter((n) => value(env, n) !== undefined);
  if (given.length === 0) return undefined;
  const missing = names.find((n) => value(env, n) === undefined);
  if (missing) throw new ConfigError(missing, `is required when ${given.join(', ')} ${given.length > 1 ? 'are' : 'is'} set`);
  return Object.fromEntries(names.map((n) => [n, value(env, n)!])) as Record<N, string>;
}

function login(env: Env): LoginConfig | undefined {
  const set = allOrNone(env, ['LOGIN_COMPANY', 'LOGIN_USERNAME', 'LOGIN_PASSWORD'] as const);
  if (!set) return undefined;
  const path = (value(env, 'LOGIN_PATH') ?? 'api/v1/auth/login').replace(/^\/+/, '');
  return { company: set.LOGIN_COMPANY, username: set.LOGIN_USERNAME, password: set.LOGIN_PASSWORD, path };
}

function corpLogin(env: Env): CorpLoginConfig | undefined {
  const set = allOrNone(env, ['CORP_LOGIN_GROUP_ID', 'CORP_LOGIN_USERNAME', 'CORP_LOGIN_PASSWORD'] as const);
  return set && { groupId: set.CORP_LOGIN_GROUP_ID, username: set.CORP_LOGIN_USERNAME, password: set.CORP_LOGIN_PASSWORD };
}

function caFile(env: Env): string | undefined {
  const file = value(env, 'CA_FILE');
  if (file === undefined) return undefined;
  try {
    accessSync(file, constants.R_OK);
  } catch {
    throw new ConfigError('CA_FILE', `cannot read "${file}"`);
  }
  return file;
}

function flag(env: Env, name: string): boolean {
  const raw = value(env, name) ?? '0';
  if (raw !== '0' && raw !== '1') throw new ConfigError(name, `"${raw}" is neither 1 nor 0`);
  return raw === '1';
}

function referenceFaults(env: Env, embedded: boolean): string[] {
  const ids = (value(env, 'REFERENCE_FAULTS') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !isFaultId(id));
  if (unknown.length > 0) throw new ConfigError('REFERENCE_FAULTS', `unknown fault id ${unknown.map((id) => `"${id}"`).join(', ')}`);
  if (ids.length > 0 && !embedded) throw new ConfigError('REFERENCE_FAULTS', 'applies only to the embedded provider; unset TARGET_URL');
  return ids;
}

export function loadConfig(env: Env = process.env): Config {
  const target = targetUrl(env);
  const insecureTls = flag(env, 'INSECURE_TLS');
  const ca = caFile(env);
  if (insecureTls && ca) throw new ConfigError('INSECURE_TLS', 'contradicts CA_FILE; choose one');
  const refreshToken = value(env, 'REFRESH_TOKEN');
  const credentials = login(env);
  const corp = corpLogin(env);
  const docs = value(env, 'DOCS');
  const refreshTokenFile = value(env, 'REFRESH_TOKEN_FILE');
  const helpUrl = httpUrl(env, 'HELP_URL', 'https://host:8343/Help')?.href;
  const profile = oneOf(env, 'PROFILE', PROFILES, 'default');
  const production = profile === 'production';
  const rateLimit = positiveNumber(env, 'RATE_LIMIT') ?? (production ? PRODUCTION_DEFAULTS.rateLimit : undefined);
  const maxLogins = wholeNumber(env, 'MAX_LOGINS') ?? (production ? PRODUCTION_DEFAULTS.maxLogins : undefined);
  return {
    ...(target ? { targetUrl: target } : {}),
    ...(refreshToken ? { refreshToken } : {}),
    ...(credentials ? { login: credentials } : {}),
    ...(corp ? { corpLogin: corp } : {}),
    ...(docs ? { docs } : {}),
    endpoints: patterns(env, 'ENDPOINTS'),
    naming: oneOf(env, 'NAMING', ['auto', 'backing-field', 'documented'], 'auto'),
    profile,
    requestTimeoutMs: positiveInt(env, 'REQUEST_TIMEOUT_MS', 5000),
    maxResponseBytes: positiveInt(env, 'MAX_RESPONSE_BYTES', 1048576),
    ...(ca ? { caFile: ca } : {}),
    insecureTls,
    responseTimeBudgetMs: positiveInt(env, 'RESPONSE_TIME_BUDGET_MS', 1000),
    concurrency: concurrency(env, production),
    reportsDir: value(env, 'REPORTS_DIR') ?? 'reports',
    ...(refreshTokenFile ? { refreshTokenFile } : {}),
    ...(helpUrl ? { helpUrl } : {}),
    only: patterns(env, 'ONLY'),
    skip: patterns(env, 'SKIP'),
    ...(rateLimit !== undefined ? { rateLimit } : {}),
    ...(maxLogins !== undefined ? { maxLogins } : {}),
    proxy: proxySettings(env),
    reference: {
      naming: oneOf(env, 'REFERENCE_NAMING', ['backing-field', 'documented'], 'backing-field'),
      faults: referenceFaults(env, target === undefined),
      slowMs: positiveInt(env, 'REFERENCE_SLOW_MS', 1500),
    },
  };
}
