// The one HTTP client of the probes, on node:http/https rather than fetch, so that every
// request has a hard deadline, a response size cap, the run's TLS choices, no redirect
// following and no keep-alive socket that would keep mocha alive after the run.

import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Config } from '../config/config.ts';
import type { RecordedRequest, RecordedResponse } from '../findings/types.ts';

export interface HttpOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  /** PEM CA bundle to trust for https targets. */
  ca?: string;
  insecureTls: boolean;
}

export interface HttpOutcome {
  response?: RecordedResponse;
  /** Why no complete response arrived: refused, timeout, reset, not HTTP, TLS. When the target
   * cut the body off after the headers, `response` holds the status, headers and what arrived. */
  transportError?: string;
  /** A machine-readable code for transportError (ECONNREFUSED, TIMEOUT, HPE_INVALID_CONSTANT, ...). */
  errorCode?: string;
}

export function httpOptions(config: Config): HttpOptions {
  return {
    timeoutMs: config.requestTimeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    ...(config.caFile ? { ca: readFileSync(config.caFile, 'utf8') } : {}),
    insecureTls: config.insecureTls,
  };
}

let requestCount = 0;

/** How many requests this process has sent through this client (findings.json `requests`). */
export function requestsSent(): number {
  return requestCount;
}

/** Counts the requests a worker thread of this process sent through its own copy of this client. */
export function addRequestsSent(count: number): void {
  requestCount += count;
}

/** Sends one request to `baseUrl` + `req.path` and records what came back, never throwing. */
export function send(baseUrl: string, req: RecordedRequest, options: HttpOptions): Promise<HttpOutcome> {
  requestCount++;
  const url = new URL(req.path, baseUrl);
  const body = Buffer.from(req.body, 'utf8');
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(outcome);
    };
    const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = requestFn(url, {
      method: req.method,
      headers: { ...req.headers, 'content-length': String(body.length), connection: 'close' },
      agent: false,
      timeout: options.timeoutMs,
      ...(url.protocol === 'https:' ? { rejectUnauthorized: !options.insecureTls, ...(options.ca ? { ca: options.ca } : {}) } : {}),
    });
    const fail = (errorCode: string, transportError: string) => {
      finish({ transportError, errorCode });
      outgoing.destroy();
    };
    const deadline = setTimeout(() => fail('TIMEOUT', `no complete response within ${options.timeoutMs} ms`), options.timeoutMs);
    outgoing.on('timeout', () => fail('TIMEOUT', `no complete response within ${options.timeoutMs} ms`));
    outgoing.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'ERROR', describeError(error)));
    outgoing.on('response', (incoming) => {
      const response = (text: string, truncated: boolean): RecordedResponse => ({ status: incoming.statusCode ?? 0, headers: flattenHeaders(incoming), body: text, truncated, elapsedMs: elapsed() });
      // Synchronous callbacks: the cap's destroy() must not let a socket error settle first.
      readBody(incoming, options.maxResponseBytes, (text, truncated) => {
        finish({ response: response(text, truncated) });
        outgoing.destroy();
      }, (text, received) => {
        finish({ response: response(text, false), transportError: describeCutOff(received, incoming.headers['content-length']), errorCode: 'ECONNRESET' });
        outgoing.destroy();
      });
    });
    outgoing.end(body);
  });
}

/** Calls `done` with the body (cut at maxBytes), or `cut` with what arrived before the target cut it off; once. */
function readBody(incoming: IncomingMessage, maxBytes: number, done: (text: string, truncated: boolean) => void, cut: (text: string, received: number) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const settle = (callback: (text: string) => void) => {
    if (settled) return;
    settled = true;
    callback(Buffer.concat(chunks).toString('utf8'));
  };
  incoming.on('data', (chunk: Buffer) => {
    chunks.push(chunk.subarray(0, Math.max(maxBytes - size, 0)));
    size += chunk.length;
    if (size > maxBytes) {
      settle((text) => done(text, true));
      incoming.destroy();
    }
  });
  incoming.on('end', () => settle((text) => done(text, false)));
  const cutOff = () => settle((text) => cut(text, size));
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
  if (code === 'ECONNREFUSED') return 'connection refused (nothing listens on that host and port)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host name not found (${code})`;
  if (code === 'ECONNRESET') return 'connection reset by the target';
  if (code.startsWith('HPE_')) return `the target does not speak HTTP (${code}: ${error.message})`;
  if (/CERT|SSL|TLS/.test(code) || /certificate|ssl|tls/i.test(error.message)) return `TLS failure (${code || 'TLS'}: ${error.message}); set CA_FILE, or INSECURE_TLS=1 as an explicit choice`;
  return `${code ? `${code}: ` : ''}${error.message}`;
}
