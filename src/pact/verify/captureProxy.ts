// A tiny proxy on loopback between Pact's verifier and the target. It answers the verifier's
// provider-state calls (the verification arranges each state), puts live values into a request
// where the verification says so, forwards each request with the run's HTTP client (deadline,
// size cap, TLS choices, base path of TARGET_URL), reads the tokens out of every successful
// answer of a token endpoint (a login's as well as a refresh's) so the redactor knows them and
// the run's token chain gets each rotated refresh token, and replaces every live token in what
// it hands back by a same-typed placeholder: the verifier, its output and Pact's logs never see
// a live token.

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { send, type HttpOptions } from '../../http/client.ts';
import { knownSecrets } from '../../redaction/redactor.ts';
import type { EndpointRole } from '../../endpoints/testedEndpoint.ts';
import { learnIssuedTokens, type IssuedTokens } from '../../target/issuedTokens.ts';
import type { OutgoingBody } from './injectToken.ts';

export interface CaptureProxy {
  readonly url: string;
  /** Where the verifier asks for each interaction's provider state (set up before it, torn down after). */
  readonly stateChangeUrl: string;
  close(): Promise<void>;
}

/** The body of the verifier's state-change request. */
export interface StateChange {
  state: string;
  action: string;
  params?: Record<string, unknown>;
}

export interface CaptureOptions {
  /** Base URL of the target, ending in `/`. */
  targetUrl: string;
  http: HttpOptions;
  /** The role of the endpoint at a path (relative, no query), when it is one of the run's token endpoints. */
  tokenRole: (path: string) => EndpointRole | undefined;
  /** Called with the tokens of every 200 refresh response, before they are masked. */
  onIssued: (tokens: IssuedTokens) => void;
  /** Called when a refresh got no complete answer: whether the server rotated its token is unknown. */
  onLost?: (why: string) => void;
  /** Arranges a state the verifier asks for; the verifier waits for it. */
  onStateChange?: (change: StateChange) => Promise<void>;
  /** The body to send on in place of the verifier's (with live values in), or undefined to send it as it came. */
  rewrite?: (path: string, body: OutgoingBody) => string | undefined;
}

/** Not a path of any endpoint: the target's paths are relative to TARGET_URL and never start with an underscore folder. */
const STATE_CHANGE_PATH = '/_provider-states';

/** Hop-by-hop and framing headers the proxy sets itself. */
const DROPPED = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'accept-encoding', 'content-encoding', 'keep-alive']);

export function maskToken(value: string): string {
  return `masked-token-${createHash('sha256').update(value).digest('hex').slice(0, 12)}`;
}

export async function startCaptureProxy(options: CaptureOptions): Promise<CaptureProxy> {
  const server = createServer((req, res) => {
    const handled = req.method === 'POST' && req.url === STATE_CHANGE_PATH ? changeState(req, res, options) : forward(req, res, options);
    void handled.catch((error: Error) => reply(res, 502, { 'content-type': 'text/plain' }, `capture proxy: ${error.message}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stateChangeUrl: `http://127.0.0.1:${port}${STATE_CHANGE_PATH}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Answers once the state is arranged, with an empty body: the states give the verifier no values. */
async function changeState(req: IncomingMessage, res: ServerResponse, options: CaptureOptions): Promise<void> {
  const change = JSON.parse(await readAll(req)) as StateChange;
  await options.onStateChange?.(change);
  reply(res, 200, {}, '');
}

async function forward(req: IncomingMessage, res: ServerResponse, options: CaptureOptions): Promise<void> {
  const path = (req.url ?? '/').replace(/^\/+/, '');
  const route = path.split('?')[0]!;
  const received = await readAll(req);
  const body = options.rewrite?.(route, { contentType: req.headers['content-type'], text: received }) ?? received;
  const outcome = await send(options.targetUrl, { method: req.method ?? 'GET', path, headers: kept(req.headers), body }, options.http);
  const role = options.tokenRole(route);
  const refresh = role === 'refreshing';
  if (!outcome.response || outcome.transportError) {
    if (refresh) options.onLost?.(outcome.transportError ?? 'no response');
    reply(res, 502, { 'content-type': 'text/plain' }, `capture proxy: ${outcome.transportError ?? 'no response'}`);
    return;
  }
  const { status, headers, body: answered, truncated } = outcome.response;
  // A body cut at MAX_RESPONSE_BYTES is not what the server sent: Pact gets the reason, not a
  // megabyte of a cut body to compare (and to hold for its report) per interaction.
  if (truncated) {
    if (refresh) options.onLost?.('the response body was cut at MAX_RESPONSE_BYTES');
    reply(res, 502, { 'content-type': 'text/plain' }, `capture proxy: the response body (status ${status}) exceeds MAX_RESPONSE_BYTES`);
    return;
  }
  if (status === 200 && role !== undefined) {
    const issued = learnIssuedTokens(answered);
    if (refresh) options.onIssued(issued);
  }
  reply(res, status, kept(headers), masked(answered));
}

function masked(text: string): string {
  const secrets = knownSecrets().sort((a, b) => b.length - a.length);
  return secrets.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(maskToken(secret)) : out), text);
}

function kept(headers: IncomingMessage['headers'] | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !DROPPED.has(name.toLowerCase())) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function reply(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  if (res.headersSent) return;
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length), connection: 'close' });
  res.end(bytes);
}

/** The whole body of an incoming request or response, as text. */
export function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
