// The endpoints a run covers: every endpoint of its doc set (DOCS, else HELP_URL, else the
// package's own three Consinco auth pages), narrowed by ENDPOINTS. The whole set stays known:
// a login outside the selection still gives the token chain its tokens. A page that does not read,
// or a pattern that selects nothing, stops the run before the first probe (exit 2): a gate that
// silently dropped an endpoint would pass what it never tested.

import type { Config } from '../config/config.ts';
import { ConfigError } from '../config/configError.ts';
import { loadDocPath, type DocSet } from '../doc/docSet.ts';
import { loadLiveHelp } from '../doc/liveHelp.ts';
import type { HttpOptions } from '../http/client.ts';
import { packageEndpoints } from './packageEndpoints.ts';
import { testedEndpoints, type TestedEndpoint } from './testedEndpoint.ts';

type EndpointSettings = Pick<Config, 'docs' | 'helpUrl' | 'endpoints'>;

async function readDocSet(config: EndpointSettings, http: HttpOptions): Promise<{ set: DocSet; variable: string } | undefined> {
  if (config.docs) return { set: loadDocPath(config.docs), variable: 'DOCS' };
  if (config.helpUrl) {
    try {
      return { set: await loadLiveHelp(config.helpUrl, http), variable: 'HELP_URL' };
    } catch (error) {
      throw new ConfigError('HELP_URL', `cannot read ${config.helpUrl}: ${(error as Error).message}`);
    }
  }
  return undefined;
}

/** `*` within a path segment, `**` across them; case-insensitive, as Web API routes. */
function pathPattern(glob: string): RegExp {
  const body = glob.replace(/^\/+/, '').split('**').map((part) => part.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '[^/]*')).join('.*');
  return new RegExp(`^${body}$`, 'i');
}

/** `POST api/v1/auth/*`, or a path alone for any method. */
export function endpointMatches(pattern: string, endpoint: Pick<TestedEndpoint, 'method' | 'path'>): boolean {
  const [first, ...rest] = pattern.trim().split(/\s+/);
  const method = rest.length > 0 ? first! : undefined;
  const path = rest.length > 0 ? rest.join(' ') : first!;
  return (method === undefined || method.toUpperCase() === endpoint.method.toUpperCase()) && pathPattern(path).test(endpoint.path);
}

export interface EndpointSet {
  /** Every endpoint of the doc set. */
  all: TestedEndpoint[];
  /** The ones ENDPOINTS selects (all without it): what the run probes and judges. */
  selected: TestedEndpoint[];
}

export async function loadEndpointSet(config: EndpointSettings, http: HttpOptions): Promise<EndpointSet> {
  return selectEndpoints(config, await readDocSet(config, http));
}

/** The endpoint set without the network: DOCS or the package's pages (HELP_URL needs loadEndpointSet). */
export function localEndpointSet(config: EndpointSettings): EndpointSet {
  if (config.helpUrl && !config.docs) throw new ConfigError('HELP_URL', 'a live Help index is read when the run starts: run the suite through its launcher (npm test, consinco-conformance)');
  return selectEndpoints(config, config.docs ? { set: loadDocPath(config.docs), variable: 'DOCS' } : undefined);
}

function selectEndpoints(config: EndpointSettings, read: { set: DocSet; variable: string } | undefined): EndpointSet {
  if (read && read.set.failures.length > 0) {
    throw new ConfigError(read.variable, `${read.set.failures.length} Help Page(s) do not read: ${read.set.failures.map((f) => f.message).join('; ')}`);
  }
  const all = read ? testedEndpoints(read.set.endpoints) : packageEndpoints();
  if (all.length === 0) throw new ConfigError(read!.variable, `${config.docs ?? config.helpUrl} documents no endpoint`);
  const unmatched = config.endpoints.filter((p) => !all.some((e) => endpointMatches(p, e)));
  if (unmatched.length > 0) {
    throw new ConfigError('ENDPOINTS', `${unmatched.map((p) => `"${p}"`).join(', ')} matches no endpoint of the doc set (${all.map((e) => e.id).join(', ')})`);
  }
  return { all, selected: config.endpoints.length === 0 ? all : all.filter((e) => config.endpoints.some((p) => endpointMatches(p, e))) };
}
