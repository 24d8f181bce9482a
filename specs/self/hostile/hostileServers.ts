// Servers that misbehave the way broken or hostile targets do, each on an ephemeral loopback
// port. The suite runs against each and must end within its deadline, with bounded memory,
// a clear finding or exit code 2, and no leaked token.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';

export interface HostileServer {
  url: string;
  close(): Promise<void>;
  /** When the server first left a request unanswered on purpose (performance.now()), if it did. */
  firstUnansweredAt?(): number | undefined;
  /** The reference provider behind a front, for a token the test hands the run. */
  provider?: ReferenceProvider;
}

/** Starts a server and tracks its sockets, so close() never waits on a connection it stalls. */
async function listen(server: Server, scheme = 'http'): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `${scheme}://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;
export const httpTarget = (handler: Handler) => listen(createHttpServer(handler));

/** Every request gets the same status, content type and body, whatever it asked for. */
const always = (status: number, contentType: string, body: Buffer | string, headers: Record<string, string> = {}) => httpTarget((_req, res) => {
  res.writeHead(status, { 'Content-Type': `${contentType}; charset=utf-8`, 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
});

/** A raw TCP service that writes `reply` once the client has sent something, then closes. */
const rawReply = (reply: string) => listen(createTcpServer((socket) => {
  socket.on('error', () => undefined);
  socket.once('data', () => socket.end(reply));
}));

const BILLION_LAUGHS = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><TokenResponse>&lol3;</TokenResponse>';

const DTO_NAMESPACE = 'http://schemas.datacontract.org/2004/07/Kike.Security.Data.Dto';

/** Token-ish bodies named after Object.prototype's members, per Accept: JSON keys; a declared
 * `__proto__` namespace prefix (it must resolve to its URI); elements fast-xml-parser refuses. */
export const PROTOTYPE_KEY_BODIES = {
  'application/json': '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"<accessToken>k__BackingField":"x"}',
  'application/xml': `<TokenResponse xmlns="${DTO_NAMESPACE}" xmlns:__proto__="urn:polluted"><__proto__:polluted>yes</__proto__:polluted></TokenResponse>`,
  'text/xml': `<TokenResponse xmlns="${DTO_NAMESPACE}"><__proto__><polluted>yes</polluted></__proto__><constructor><prototype>yes</prototype></constructor></TokenResponse>`,
} as const;

/** Gzip members inflate one after another: 128 members of 16 MiB of zeros, about 2 MB on the wire, 2 GiB inflated. */
function gzipBomb(): Buffer {
  const member = gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
  return Buffer.concat(Array.from({ length: 128 }, () => member));
}

export const HOSTILE_TARGETS: Record<string, () => Promise<HostileServer>> = {
  // Bound, then released: nothing listens on the port.
  'connection refused': async () => {
    const server = await listen(createTcpServer());
    await server.close();
    return server;
  },
  'accepts and never answers': () => listen(createTcpServer(() => undefined)),
  'slow drip': () => httpTarget((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    const timer = setInterval(() => res.write(' '), 100);
    res.on('close', () => clearInterval(timer));
  }),
  'endless body': () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    return httpTarget((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    });
  },
  '50 MB body': () => always(200, 'application/json', Buffer.alloc(50 * 1024 * 1024, ' ')),
  'invalid HTTP': () => rawReply('SSH-2.0-OpenSSH_9.2\r\nthis is not HTTP\r\n\r\n'),
  // Sent whatever Accept-Encoding says (the suite sends none): a client that inflated it would need 2 GiB.
  'gzip bomb': () => always(200, 'application/json', gzipBomb(), { 'Content-Encoding': 'gzip' }),
  'redirect loop': () => httpTarget((req, res) => {
    res.writeHead(302, { Location: req.url ?? '/' });
    res.end();
  }),
  'billion laughs XML': () => always(200, 'application/xml', BILLION_LAUGHS),
  'prototype keys': () => httpTarget((req, res) => {
    const mediaType = Object.keys(PROTOTYPE_KEY_BODIES).find((m) => (req.headers.accept ?? '').includes(m)) ?? 'application/json';
    res.writeHead(200, { 'Content-Type': `${mediaType}; charset=utf-8` });
    res.end(PROTOTYPE_KEY_BODIES[mediaType as keyof typeof PROTOTYPE_KEY_BODIES]);
  }),
  'truncated responses': () => rawReply('HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 500\r\n\r\n{"Message":"The requ'),
};

export interface Certificate {
  key: string;
  cert: string;
  certFile: string;
}

/** A self-signed certificate for 127.0.0.1, made with openssl in `dir`. */
export function selfSignedCertificate(dir: string): Certificate {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile,
    '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

/** Forwards each request to `base` and pipes the answer back, unless `swallow` (given the request's body) says to keep it. */
export const forwardTo = (base: string, swallow: (req: IncomingMessage, body: string, answer: IncomingMessage) => boolean = () => false): Handler => (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  const upstream = httpRequest(new URL(req.url ?? '/', base), { method: req.method, headers: req.headers, agent: false }, (answer) => {
    if (swallow(req, Buffer.concat(chunks).toString('utf8'), answer)) {
      answer.resume();
      return;
    }
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
};

/** The reference provider (at the URL `handler` is given) behind a plain front; both close together. */
async function fronted(handler: (providerUrl: string) => Handler, firstUnansweredAt: () => number | undefined): Promise<HostileServer> {
  const provider = await startReferenceProvider();
  const front = await listen(createHttpServer(handler(provider.url)));
  return {
    url: front.url,
    firstUnansweredAt,
    provider,
    close: async () => {
      await front.close();
      await provider.stop();
    },
  };
}

/** Answers its first `answered` requests (as the reference provider), then accepts and never answers again. */
export function dyingTarget(answered: number): Promise<HostileServer> {
  let seen = 0;
  let silentSince: number | undefined;
  return fronted((providerUrl) => {
    const forward = forwardTo(providerUrl);
    return (req, res) => {
      seen += 1;
      if (seen <= answered) return forward(req, res);
      silentSince ??= performance.now();
      req.resume();
    };
  }, () => silentSince);
}

/**
 * The reference provider, except that it processes one refresh of the token chain (the text/json
 * probe's, which rotates the token) and never sends its answer: a lost answer.
 */
export function swallowingTarget(): Promise<HostileServer> {
  let swallowedAt: number | undefined;
  // The chain's probes name the grant type; the rotation probes' refreshes leave it to its default.
  const isChainRefresh = (req: IncomingMessage, body: string, answer: IncomingMessage) => answer.statusCode === 200
    && /refresh-token$/i.test(req.url ?? '') && req.headers.accept === 'text/json' && body.includes('grant_type');
  return fronted((providerUrl) => forwardTo(providerUrl, (req, body, answer) => {
    if (swallowedAt !== undefined || !isChainRefresh(req, body, answer)) return false;
    swallowedAt = performance.now();
    return true;
  }), () => swallowedAt);
}

/** The embedded reference provider behind HTTPS with a self-signed certificate. */
export async function selfSignedTarget(tls: Certificate): Promise<HostileServer> {
  const provider = await startReferenceProvider();
  const front = await listen(createHttpsServer({ key: tls.key, cert: tls.cert }, forwardTo(provider.url)), 'https');
  return {
    url: front.url,
    close: async () => {
      await front.close();
      await provider.stop();
    },
  };
}
