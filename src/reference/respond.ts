// Writes an outcome the way the server would: the negotiated format, Content-Type and charset
// (UTF-16 with its byte order mark), an exact Content-Length, and cache headers: the auth
// endpoints keep tokens out of caches (RFC 6749 §5.1), a generic endpoint sends Web API's
// defaults. The header, encoding and robustness faults are injected here.

import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Outcome } from './actions.ts';
import { contentTypeHeader, type Negotiated } from './negotiation.ts';
import { httpErrorJson, responseJson, type WireOptions } from './serializeJson.ts';
import { httpErrorXml, responseXml } from './serializeXml.ts';
import { tokenValues } from './tokenResponse.ts';

export interface ResponderOptions extends WireOptions {
  slowMs: number;
  /** Aborted when the server stops, so a held-back response does not keep it alive. */
  signal: AbortSignal;
  /** The auth server's no-store headers; false: what Web API sends when nobody sets cache headers. */
  tokenHeaders: boolean;
}

const SECURE_CACHE_HEADERS = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
/** What Web API sends when nobody sets cache headers. */
const WEB_API_CACHE_HEADERS = { 'Cache-Control': 'no-cache', Pragma: 'no-cache', Expires: '-1' };
const CACHEABLE_SECONDS = 3600;

function cacheHeaders({ faults, tokenHeaders }: ResponderOptions): Record<string, string> {
  if (!tokenHeaders) return WEB_API_CACHE_HEADERS;
  if (faults.has('cacheable-token-response')) {
    return { 'Cache-Control': `public, max-age=${CACHEABLE_SECONDS}`, Expires: new Date(Date.now() + CACHEABLE_SECONDS * 1000).toUTCString() };
  }
  return faults.has('no-cache-control-no-store') ? WEB_API_CACHE_HEADERS : SECURE_CACHE_HEADERS;
}

export async function respond(res: ServerResponse, outcome: Outcome, negotiated: Negotiated, options: ResponderOptions): Promise<void> {
  const { faults } = options;
  const whole = serialize(outcome, negotiated, options);
  const bytes = encode('session' in outcome && outcome.cut ? whole.slice(0, Math.floor(whole.length / 2)) : whole, negotiated.charset, faults);
  if (faults.has('slow-response')) {
    try {
      await delay(options.slowMs, undefined, { signal: options.signal });
    } catch {
      return;
    }
  }
  if (res.destroyed) return;
  res.writeHead(outcome.status, {
    'Content-Type': contentTypeHeader(negotiated, faults),
    'Content-Length': String(bytes.length),
    ...cacheHeaders(options),
    'X-Content-Type-Options': 'nosniff',
    ...('headers' in outcome ? outcome.headers : {}),
  });
  res.end(bytes);
}

/** UTF-16 as .NET's UnicodeEncoding writes it: little-endian after a byte order mark. */
function encode(text: string, charset: Negotiated['charset'], faults: ResponderOptions['faults']): Buffer {
  if (charset === 'utf-16') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return Buffer.from(text, faults.has('latin1-body') ? 'latin1' : 'utf8');
}

function serialize(outcome: Outcome, { format }: Negotiated, options: WireOptions): string {
  if ('response' in outcome) {
    const values = 'session' in outcome ? tokenValues(outcome.session, outcome.response, options.faults) : outcome.values;
    return format === 'json' ? responseJson(values, outcome.response, options) : responseXml(values, outcome.response, options);
  }
  return format === 'json' ? httpErrorJson(outcome.error) : httpErrorXml(outcome.error);
}
