// HTTPS through an HTTP proxy: a CONNECT tunnel to the target's host and port, then TLS to the
// target inside it, with the run's TLS choices (CA_FILE, INSECURE_TLS) applied to the target's
// certificate as on a direct connection. The proxy sees only the host and port.

import { request as httpRequest } from 'node:http';
import { isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { proxyAuthorization } from './proxy.ts';

export interface TunnelTls {
  rejectUnauthorized?: boolean;
  ca?: string;
  servername: string;
  timeoutMs: number;
}

type Callback = (error: Error | null, socket?: Socket) => void;

function tunnelError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** A `createConnection` for node:https that opens the tunnel first (the request must have no agent). */
export function tunnelConnection(proxy: URL, target: URL, tls: TunnelTls): (options: unknown, callback: Callback) => undefined {
  const authority = `${target.hostname}:${target.port || 443}`;
  return (_options, callback) => {
    const connect = httpRequest({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...proxyAuthorization(proxy) },
      agent: false,
      timeout: tls.timeoutMs,
    });
    connect.once('connect', (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        callback(tunnelError('EPROXY', `the proxy ${proxy.host} answered ${response.statusCode} to CONNECT ${authority}`));
        return;
      }
      const host = tls.servername.replace(/^\[|\]$/g, '');
      // SNI only for names; the certificate is checked against `host` either way.
      callback(null, tlsConnect({ socket, host, ...(isIP(host) ? {} : { servername: host }), ...(tls.ca ? { ca: tls.ca } : {}), rejectUnauthorized: tls.rejectUnauthorized ?? true }));
    });
    connect.once('timeout', () => connect.destroy(tunnelError('TIMEOUT', `the proxy ${proxy.host} opened no tunnel within ${tls.timeoutMs} ms`)));
    connect.once('error', (error) => callback(error));
    connect.end();
    return undefined;
  };
}
