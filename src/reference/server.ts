// The embedded reference provider: an HTTP server on loopback that behaves like the real
// ASP.NET Web API auth server (routing, body limits, formatters, the login, corp login and
// refresh-token actions, its own Help Pages at /Help), plus one generic endpoint served from
// a non-auth Help Page, with faults switched on per instance and scoped per endpoint, and
// state controls for Pact provider states and tests.

import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Naming } from '../findings/types.ts';
import { internalError, issue, refreshToken, serveModel, type Action, type ActionContext, type Outcome } from './actions.ts';
import { endpointNamed, ENDPOINTS, type EndpointContract } from './contract.ts';
import { activateFaults, type ActiveFaults, type FaultId } from './faults.ts';
import { helpPage } from './helpPages.ts';
import { invalidRequest, messageOnly } from './httpError.ts';
import { bodyFormat, negotiate, requestCharset } from './negotiation.ts';
import { bindBody, MalformedBodyError, ModelBindingError } from './requestBinding.ts';
import { respond } from './respond.ts';
import { TokenStore } from './tokens.ts';
import { checkUsers, DEFAULT_CORP_USERS, DEFAULT_USERS, firstUserCredentials, ReferenceConfigError, usersByEndpoint, type ReferenceUser } from './users.ts';

export interface ReferenceProviderOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  naming?: Naming;
  faults?: readonly string[];
  /** Login users (company, username, password, profile); at least one. */
  users?: readonly ReferenceUser[];
  /** Corp login users (groupId, e-mail username, password, profile); none switches corp login to 401 only. */
  corpUsers?: readonly ReferenceUser[];
  accessTokenLifetimeSec?: number;
  refreshTokenLifetimeSec?: number;
  /** The server clock's offset from UTC, written in every date (default -180, i.e. -03:00). */
  utcOffsetMinutes?: number;
  /** How long the slow-response fault holds each response back (default 1500). */
  slowMs?: number;
  /** Largest request body read; larger ones get 413 (default 1 MiB). */
  maxBodyBytes?: number;
  /** One line per request (method, route, status, time); never a body or a token. */
  log?: (line: string) => void;
}

export interface ReferenceProvider {
  /** e.g. `http://127.0.0.1:40123`, no trailing slash. */
  readonly url: string;
  readonly naming: Naming;
  readonly faults: readonly FaultId[];
  /** Whom issueRefreshToken() and expiredRefreshToken() issue to by default (the first login user). */
  readonly defaultUser: { company: string; username: string };
  /** Requests received since start (reset() keeps counting). */
  readonly requestCount: number;
  /** Closes the listener and every socket. */
  stop(): Promise<void>;
  /** The credentials of an issuing endpoint's first user (`login`, `corp-login`), by JSON member; undefined for another endpoint or none. */
  credentials(endpoint: string): Record<string, string> | undefined;
  /** A fresh valid refresh token for `username` (a login or corp user; default: the first login user), without HTTP. */
  issueRefreshToken(username?: string): string;
  /** A refresh token the server knows but whose lifetime is over. */
  expiredRefreshToken(username?: string): string;
  /** When false, login and refresh fail with 500 {"Message":"An error has occurred."}. */
  setTokenStoreAvailable(available: boolean): void;
  /** Forgets every token and makes the store available again. */
  reset(): void;
}

const ACTIONS: Record<EndpointContract['role'], Action> = { issue, refresh: refreshToken, generic: serveModel };
/** By the path without its query template (`api/tablesmanagement/adumodel`). */
const ROUTES = new Map(ENDPOINTS.map((endpoint) => [endpoint.path.split('?')[0]!.toLowerCase(), endpoint]));
const NOT_FOUND = 'No HTTP resource was found that matches the request URI.';

class BodyTooLargeError extends Error {}
class ClientGoneError extends Error {}

export async function startReferenceProvider(options: ReferenceProviderOptions = {}): Promise<ReferenceProvider> {
  const config = resolveOptions(options);
  const faults = activateFaults(options.faults ?? []);
  const store = new TokenStore({ accessSec: config.accessTokenLifetimeSec, refreshSec: config.refreshTokenLifetimeSec }, faults);
  const users = usersByEndpoint(config.users, config.corpUsers);
  const stopping = new AbortController();
  let requestCount = 0;

  const server = createServer((req, res) => {
    requestCount += 1;
    const started = performance.now();
    const route = routeOf(req.url ?? '');
    if (helpPage(res, req.method ?? '', req.url ?? '')) {
      req.resume();
      config.log?.(`${req.method} /${route} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
      return;
    }
    const endpoint = ROUTES.get(route);
    // A request no action takes still meets the negotiation and header faults, as on the real server.
    const seen = endpoint ? faults.on(endpoint.name) : faults;
    const context: ActionContext = { store, users, faults: seen };
    const wire = {
      naming: config.naming, utcOffsetMinutes: config.utcOffsetMinutes, faults: seen, slowMs: config.slowMs, signal: stopping.signal,
      tokenHeaders: endpoint?.role !== 'generic',
    };
    const negotiated = negotiate(req.headers, seen);
    void handle(req, endpoint, context, config.maxBodyBytes)
      .then(async (outcome) => {
        if (!outcome) return;
        await respond(res, outcome, negotiated, wire).catch(() => respond(res, internalError(seen), negotiated, wire));
        config.log?.(`${req.method} ${endpoint ? `/${route}` : '(no route)'} ${outcome.status} ${Math.round(performance.now() - started)}ms`);
      })
      .catch(() => res.destroy());
  });
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const userNamed = (username?: string): ReferenceUser => {
    const known = [...config.users, ...config.corpUsers];
    const user = username === undefined ? config.users[0] : known.find((u) => u.username.toUpperCase() === username.toUpperCase());
    if (!user) throw new ReferenceConfigError(`no user "${username}"`);
    return user;
  };
  let stopped: Promise<void> | undefined;

  return {
    url: `http://${config.host}:${port}`,
    naming: config.naming,
    faults: faults.ids,
    defaultUser: { company: config.users[0]!.company!, username: config.users[0]!.username },
    get requestCount() {
      return requestCount;
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        stopping.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
    credentials: (name) => firstUserCredentials(name, users),
    issueRefreshToken: (username) => store.remember(userNamed(username), Date.now() + config.refreshTokenLifetimeSec * 1000),
    expiredRefreshToken: (username) => store.remember(userNamed(username), Date.now() - 1000),
    setTokenStoreAvailable(available) {
      store.available = available;
    },
    reset() {
      store.clear();
      store.available = true;
    },
  };
}

/** An outcome for the request, or undefined when the client went away mid-body. */
async function handle(req: IncomingMessage, endpoint: EndpointContract | undefined, context: ActionContext, maxBodyBytes: number): Promise<Outcome | undefined> {
  if (!endpoint || !hasQuery(req.url ?? '', endpoint.requiredQuery)) {
    req.resume();
    return { status: 404, error: messageOnly(NOT_FOUND) };
  }
  if (req.method !== endpoint.method) {
    req.resume();
    return { status: 405, error: messageOnly(`The requested resource does not support http method '${req.method}'.`), headers: { Allow: endpoint.method } };
  }
  let body: Buffer;
  try {
    body = await readBody(req, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { status: 413, error: messageOnly('The request body is too large.'), headers: { Connection: 'close' } };
    return undefined;
  }
  const format = bodyFormat(req.headers['content-type'], endpoint.request.readsForm);
  if (body.length > 0 && !format) return { status: 415, error: messageOnly("The request entity's media type is not supported for this resource.") };
  try {
    const bound = bindBody(decodeRequest(body, req.headers['content-type'], context.faults), format, endpoint.request, {
      refuseTextIntegers: context.faults.has('corp-group-id-string-500'),
    });
    return ACTIONS[endpoint.role](bound, endpoint, context);
  } catch (error) {
    if (error instanceof MalformedBodyError && context.faults.has('malformed-body-500')) return internalError(context.faults);
    if (error instanceof ModelBindingError) return { status: 400, error: invalidRequest(error.modelStateKey, error.message) };
    return internalError(context.faults);
  }
}

/** Web API's action selection: every required query parameter present (its value may be empty), names ignoring case. */
function hasQuery(target: string, required: readonly string[]): boolean {
  const present = [...new URLSearchParams(target.split('#')[0]!.split('?')[1] ?? '').keys()].map((k) => k.toLowerCase());
  return required.every((name) => present.includes(name.toLowerCase()));
}

/** `api/v1/auth/x` from `/api/v1/auth/x/?q`, `api/v1/auth/x` or `http://host/api/...`; case-insensitive like IIS. */
function routeOf(target: string): string {
  const path = target.split(/[?#]/)[0]!.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return path.replace(/^\/+/, '').replace(/\/+$/, '').toLowerCase();
}

/**
 * A body over the limit is still read to its end before the 413 goes out, up to this size: a
 * server that closes with unread data resets the connection, and the client, still uploading,
 * loses the answer to the reset (EPIPE) more often than not (Apache's "lingering close" is for
 * the same). A larger body is refused at once, as real servers do, reset and all.
 */
const DRAINED_BODY_BYTES = 64 * 1024 * 1024;

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const drainedUpTo = Math.max(limit, DRAINED_BODY_BYTES);
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > drainedUpTo) {
      req.resume();
      reject(new BodyTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > drainedUpTo) settle(() => reject(new BodyTooLargeError()));
    });
    req.on('end', () => settle(() => (size > limit ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks)))));
    req.on('close', () => settle(() => reject(new ClientGoneError())));
    req.on('error', () => settle(() => reject(new ClientGoneError())));
  });
}

/**
 * The formatter reads the body in its declared charset when it supports it (utf-16: UTF-16LE,
 * or big-endian after its byte order mark), else in UTF-8; a byte order mark is dropped.
 */
function decodeRequest(body: Buffer, contentType: string | undefined, faults: ActiveFaults): string {
  const utf16 = requestCharset(contentType) === 'utf-16' && !faults.has('request-charset-ignored');
  const encoding = !utf16 ? 'utf-8' : body[0] === 0xfe && body[1] === 0xff ? 'utf-16be' : 'utf-16le';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    throw new MalformedBodyError(`The request body is not valid ${utf16 ? 'UTF-16' : 'UTF-8'}.`);
  }
}

type ResolvedOptions = Required<Omit<ReferenceProviderOptions, 'faults' | 'log' | 'users' | 'corpUsers'>> &
  Pick<ReferenceProviderOptions, 'log'> & { users: readonly ReferenceUser[]; corpUsers: readonly ReferenceUser[] };

function resolveOptions(options: ReferenceProviderOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    naming: options.naming ?? 'backing-field',
    users: checkUsers(options.users ?? DEFAULT_USERS, endpointNamed('login')),
    corpUsers: checkUsers(options.corpUsers ?? DEFAULT_CORP_USERS, endpointNamed('corp-login')),
    accessTokenLifetimeSec: options.accessTokenLifetimeSec ?? 86_400,
    refreshTokenLifetimeSec: options.refreshTokenLifetimeSec ?? 7 * 86_400,
    utcOffsetMinutes: options.utcOffsetMinutes ?? -180,
    slowMs: options.slowMs ?? 1500,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    ...(options.log ? { log: options.log } : {}),
  };
  const { port, host, naming, accessTokenLifetimeSec, refreshTokenLifetimeSec, utcOffsetMinutes, slowMs, maxBodyBytes } = resolved;
  const problems = [
    resolved.users.length === 0 && 'at least one login user is needed',
    !(Number.isInteger(port) && port >= 0 && port <= 65_535) && 'port must be an integer from 0 to 65535',
    host !== '127.0.0.1' && 'host must be 127.0.0.1',
    naming !== 'backing-field' && naming !== 'documented' && 'naming must be backing-field or documented',
    !(accessTokenLifetimeSec > 0) && 'accessTokenLifetimeSec must be positive',
    !(refreshTokenLifetimeSec > 0) && 'refreshTokenLifetimeSec must be positive',
    !(Number.isInteger(utcOffsetMinutes) && Math.abs(utcOffsetMinutes) <= 14 * 60) && 'utcOffsetMinutes must be an integer within ±840',
    !(slowMs >= 0) && 'slowMs must be zero or more',
    !(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0) && 'maxBodyBytes must be a positive integer',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new ReferenceConfigError(problems.join('; '));
  return resolved;
}
