// Which proxy, if any, a request to the target goes through: HTTP_PROXY for http targets,
// HTTPS_PROXY for https ones (tunnelled with CONNECT), none for hosts NO_PROXY names. The
// names are read as curl reads them: the lower-case variable wins over the upper-case one,
// NO_PROXY entries are host names (matching the host and its subdomains, a leading dot
// optional), IP addresses or CIDR ranges matched literally (no DNS lookup, so `localhost`
// does not cover 127.0.0.1), or `*` for every host. Node's own clients ignore these variables.

import { BlockList, isIP } from 'node:net';
import { ConfigError } from '../config/configError.ts';

export interface ProxySettings {
  /** Proxy URL for http targets. */
  http?: string;
  /** Proxy URL for https targets. */
  https?: string;
  noProxy: string[];
}

type Env = Record<string, string | undefined>;

/** The lower-case name first, as curl, wget and Go do. */
function either(env: Env, name: string): { name: string; value: string } | undefined {
  for (const variable of [name.toLowerCase(), name]) {
    const raw = env[variable]?.trim();
    if (raw) return { name: variable, value: raw };
  }
  return undefined;
}

function proxyUrl(env: Env, name: string): string | undefined {
  const found = either(env, name);
  if (!found) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(found.value) ? found.value : `http://${found.value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError(found.name, 'is not a URL (expected e.g. http://proxy.example:3128)');
  }
  if (url.protocol !== 'http:') throw new ConfigError(found.name, `protocol ${url.protocol} is not supported; the proxy must be reached over http://`);
  return url.href;
}

export function proxySettings(env: Env): ProxySettings {
  const http = proxyUrl(env, 'HTTP_PROXY');
  const https = proxyUrl(env, 'HTTPS_PROXY');
  const noProxy = (either(env, 'NO_PROXY')?.value ?? '').split(/[\s,]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
  return { ...(http ? { http } : {}), ...(https ? { https } : {}), noProxy };
}

function bare(host: string): string {
  return host.replace(/^\[|\]$/g, '').toLowerCase();
}

function bypasses(entry: string, host: string): boolean {
  if (entry === '*') return true;
  const [address, bits] = entry.split('/');
  const family = isIP(bare(address!));
  if (family !== 0) {
    if (isIP(host) !== family) return false;
    if (bits === undefined) return bare(address!) === host;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const list = new BlockList();
    list.addSubnet(bare(address!), Number(bits), type);
    return list.check(host, type);
  }
  const domain = entry.replace(/^\.+/, '');
  return host === domain || host.endsWith(`.${domain}`);
}

/** The proxy for a request to `target`, or undefined to connect directly. */
export function proxyFor(target: URL, settings: ProxySettings): URL | undefined {
  const proxy = target.protocol === 'https:' ? settings.https : settings.http;
  if (!proxy) return undefined;
  const host = bare(target.hostname);
  return settings.noProxy.some((entry) => bypasses(entry, host)) ? undefined : new URL(proxy);
}

/** The Proxy-Authorization header for a proxy URL with credentials. */
export function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}
