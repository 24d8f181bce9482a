// A forward proxy on loopback, as a corporate proxy would be: absolute-form requests for http
// targets are forwarded and recorded (request, arrival time, the response's body), CONNECT
// tunnels for https targets are opened and counted. Tests point HTTP_PROXY / HTTPS_PROXY at it.
// It forwards to loopback only (tests talk to no other host): anything else is recorded and refused.

import { createServer, request, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { charsetOf, decodeBody } from '../../../src/http/charset.ts';

export interface ProxiedRequest {
  method: string;
  /** The absolute URL the client asked for. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  atMs: number;
  status?: number;
  responseBody?: string;
}

export interface ForwardProxy {
  url: string;
  requests: ProxiedRequest[];
  /** `host:port` of every CONNECT tunnel opened. */
  tunnels: string[];
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The text a request meant. Probes send ASCII text, as UTF-16LE under a utf-16 label or, on
 * purpose, as UTF-8 under that label: the bytes (a zero in every second one) tell which.
 */
function sentText(bytes: Buffer, contentType: string | undefined): string {
  const utf16 = charsetOf(contentType) === 'utf-16' && bytes.length % 2 === 0 && bytes.every((b, i) => i % 2 === 0 || b === 0);
  return bytes.toString(utf16 ? 'utf16le' : 'utf8');
}

/** Bodies are forwarded as the bytes they are (UTF-16 ones included). */
async function readBytes(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startForwardProxy(): Promise<ForwardProxy> {
  const requests: ProxiedRequest[] = [];
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const body = await readBytes(req);
    const entry: ProxiedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: sentText(body, req.headers['content-type']), atMs: performance.now() };
    requests.push(entry);
    const target = new URL(entry.url);
    if (!LOOPBACK.has(target.hostname)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('proxy: loopback only');
      return;
    }
    const outgoing = request(target, { method: entry.method, headers: { ...req.headers, host: target.host } }, async (answer) => {
      entry.status = answer.statusCode;
      const answered = await readBytes(answer);
      entry.responseBody = decodeBody(answered, answer.headers['content-type']).text;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.end(answered);
    });
    outgoing.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${error.message}`);
    });
    outgoing.end(body);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(/:(?=\d+$)/);
    if (!LOOPBACK.has(host!)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), host!.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    tunnels,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
