// The one HTTP client of the probes, on node:http/https rather than fetch, so that every
// request has a hard deadline, a response size cap, the run's TLS choices, no redirect
// following and no keep-alive socket that would keep mocha alive after the run. A run's
// requests pass its traffic control first (CONCURRENCY, and no request to a target found gone),
// then wait for the run's pacer (RATE_LIMIT), and go through HTTP_PROXY / HTTPS_PROXY when
// NO_PROXY does not name the target's host (src/http/proxy.ts; tunnel.ts for https).

import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Config } from '../config/config.ts';
import type { RecordedRequest, RecordedResponse } from '../findings/types.ts';
import { charsetOf, decodeBody, encodeText } from './charset.ts';
import { createPacer, type Pacer } from './pacer.ts';
import { proxyAuthorization, proxyFor, type ProxySettings } from './proxy.ts';
import { tunnelConnection } from './tunnel.ts';

export interface HttpOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  /** PEM CA bundle to trust for https targets. */
  ca?: string;
  insecureTls: boolean;
  /** The run's traffic control (CONCURRENCY, a target found gone); requests sent without one (the preflight, self tests) are not counted in. */
  traffic?: Traffic;
  /** RATE_LIMIT: every request waits for its slot (the deadline starts after the wait). */
  pacer?: Pacer;
  /** Proxies for the target; absent for loopback servers the run starts itself. */
  proxy?: ProxySettings;
}

/** What every request of a run passes before it leaves and reports to when it ends. */
export interface Traffic {
  /** Resolves when the request may leave, or with the reason it must not be sent at all. */
  enter(request: RecordedRequest): Promise<Passage | { refused: string }>;
}

export interface Passage {
  /** Aborted when the run stops sending: the request ends at once, unanswered. */
  signal: AbortSignal;
  /** The most of the run's requests in flight at once while this one was out. */
  peakInFlight(): number;
  leave(outcome: HttpOutcome): void;
}

/** errorCode of a request the traffic control did not let leave. */
export const NOT_SENT = 'NOT_SENT';
/** errorCode of a request cut short because the run stopped sending. */
export const STOPPED = 'STOPPED';

export interface HttpOutcome {
  response?: RecordedResponse;
  /** Why no complete response arrived: refused, timeout, reset, not HTTP, TLS. When the target
   * cut the body off after the headers, `response` holds the status, headers and what arrived. */
  transportError?: string;
  /** A machine-readable code for transportError (ECONNREFUSED, TIMEOUT, HPE_INVALID_CONSTANT, ...). */
  errorCode?: string;
}

/** The options for requests to the run's target; `embedded` targets (the in-process provider) are never proxied. */
export function httpOptions(config: Config, embedded = false): HttpOptions {
  return {
    timeoutMs: config.requestTimeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    ...(config.caFile ? { ca: readFileSync(config.caFile, 'utf8') } : {}),
    insecureTls: config.insecureTls,
    ...(config.rateLimit !== undefined ? { pacer: createPacer(config.rateLimit) } : {}),
    ...(embedded ? {} : { proxy: config.proxy }),
  };
}

let requestCount = 0;

/** How many requests this process has sent through this client (findings.json `requests`). */
export function requestsSent(): number {
  return requestCount;
}

/** Counts the requests the helper thread of this process sent through its own copy of this client. */
export function addRequestsSent(count: number): void {
  requestCount += count;
}

/** Sends one request to `baseUrl` + `req.path` and records what came back, never throwing. */
export async function send(baseUrl: string, req: RecordedRequest, options: HttpOptions): Promise<HttpOutcome> {
  const passage = options.traffic ? await options.traffic.enter(req) : undefined;
  if (passage && 'refused' in passage) return { transportError: passage.refused, errorCode: NOT_SENT };
  // The rate limit counts starts, so its turn comes after the concurrency slot: no burst when slots free up.
  await options.pacer?.wait();

  requestCount++;
  const outcome = await transmit(baseUrl, req, options, passage);
  passage?.leave(outcome);
  return outcome;
}

/** Where the request goes: straight to the target, to an HTTP proxy (absolute-form URL), or through a CONNECT tunnel. */
function route(url: URL, options: HttpOptions): RequestOptions {
  const tls = url.protocol === 'https:' ? { rejectUnauthorized: !options.insecureTls, ...(options.ca ? { ca: options.ca } : {}) } : {};
  const proxy = options.proxy && proxyFor(url, options.proxy);
  if (!proxy) return tls;
  // node:https calls createConnection only for a request without an agent.
  if (url.protocol === 'https:') return { ...tls, agent: undefined, createConnection: tunnelConnection(proxy, url, { ...tls, servername: url.hostname, timeoutMs: options.timeoutMs }) as RequestOptions['createConnection'] };
  return { host: proxy.hostname, port: proxy.port || 80, path: url.href, setHost: false, headers: { host: url.host, ...proxyAuthorization(proxy) } };
}

function transmit(baseUrl: string, req: RecordedRequest, options: HttpOptions, passage: Passage | undefined): Promise<HttpOutcome> {
  const url = new URL(req.path, baseUrl);
  const body = encodeText(req.body, req.bodyCharset ?? charsetOf(req.headers['content-type']));
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      passage?.signal.removeEventListener('abort', stop);
      resolve(outcome);
    };
    const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const via = route(url, options);
    const outgoing = requestFn(url, {
      method: req.method,
      agent: false,
      timeout: options.timeoutMs,
      ...via,
      headers: { ...via.headers, ...req.headers, 'content-length': String(body.length), connection: 'close' },
    });
    const fail = (errorCode: string, transportError: string) => {
      finish({ transportError, errorCode });
      outgoing.destroy();
    };
    const deadline = setTimeout(() => fail('TIMEOUT', `no complete response within ${options.timeoutMs} ms`), options.timeoutMs);
    const stop = () => fail(STOPPED, String(passage!.signal.reason));
    if (passage?.signal.aborted) stop();
    passage?.signal.addEventListener('abort', stop, { once: true });
    outgoing.on('timeout', () => fail('TIMEOUT', `no complete response within ${options.timeoutMs} ms`));
    outgoing.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'ERROR', describeError(error)));
    outgoing.on('response', (incoming) => {
      const response = (bytes: Buffer, truncated: boolean): RecordedResponse => {
        const headers = flattenHeaders(incoming);
        const { text, charset, undecodable } = decodeBody(bytes, headers['content-type']);
        return { status: incoming.statusCode ?? 0, headers, body: truncated ? keptOfCutBody(text) : text, charset, ...(undecodable ? { undecodable } : {}), truncated, elapsedMs: elapsed(), ...(passage ? { inFlight: passage.peakInFlight() } : {}) };
      };
      // Synchronous callbacks: the cap's destroy() must not let a socket error settle first.
      readBody(incoming, options.maxResponseBytes, (bytes, truncated) => {
        finish({ response: response(bytes, truncated) });
        outgoing.destroy();
      }, (bytes, received) => {
        finish({ response: response(bytes, false), transportError: describeCutOff(received, incoming.headers['content-length']), errorCode: 'ECONNRESET' });
        outgoing.destroy();
      });
    });
    outgoing.end(body);
  });
}

/**
 * What a run keeps of a body cut at MAX_RESPONSE_BYTES: its start. A cut body fails body.schema
 * whatever it holds, and the scans for echoed tokens and internals need only its start; keeping
 * every cut body whole would hold up to MAX_RESPONSE_BYTES (twice that as UTF-16 text) per
 * exchange, which grows with the endpoints a run covers. A copy, so the whole text is freed.
 */
const KEPT_OF_CUT_BODY_CHARS = 64 * 1024;

function keptOfCutBody(text: string): string {
  return text.length <= KEPT_OF_CUT_BODY_CHARS ? text : Buffer.from(text.slice(0, KEPT_OF_CUT_BODY_CHARS), 'utf16le').toString('utf16le');
}

/** Calls `done` with the body (cut at maxBytes), or `cut` with what arrived before the target cut it off; once. */
function readBody(incoming: IncomingMessage, maxBytes: number, done: (bytes: Buffer, truncated: boolean) => void, cut: (bytes: Buffer, received: number) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const settle = (callback: (bytes: Buffer) => void) => {
    if (settled) return;
    settled = true;
    callback(Buffer.concat(chunks));
  };
  incoming.on('data', (chunk: Buffer) => {
    chunks.push(chunk.subarray(0, Math.max(maxBytes - size, 0)));
    size += chunk.length;
    if (size > maxBytes) {
      settle((bytes) => done(bytes, true));
      incoming.destroy();
    }
  });
  incoming.on('end', () => settle((bytes) => done(bytes, false)));
  const cutOff = () => settle((bytes) => cut(bytes, size));
  incoming.on('error', cutOff);
  incoming.on('aborted', cutOff);
}

function describeCutOff(received: number, contentLength: string | undefined): string {
  const of = contentLength ? ` of the ${contentLength} its Content-Length announced` : '';
  return `the target cut the response off: the connection closed after ${received} bytes of the body${of}`;
}

function flattenHeaders(incoming: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Node's error codes in words a user can act on. */
function describeError(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (code === 'EPROXY') return error.message;
  if (code === 'ECONNREFUSED') return 'connection refused (nothing listens on that host and port)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host name not found (${code})`;
  if (code === 'ECONNRESET') return 'connection reset by the target';
  if (code.startsWith('HPE_')) return `the target does not speak HTTP (${code}: ${error.message})`;
  if (/CERT|SSL|TLS/.test(code) || /certificate|ssl|tls/i.test(error.message)) return `TLS failure (${code || 'TLS'}: ${error.message}); set CA_FILE, or INSECURE_TLS=1 as an explicit choice`;
  return `${code ? `${code}: ` : ''}${error.message}`;
}
