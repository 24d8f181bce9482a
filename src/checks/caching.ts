// headers.no-store and headers.no-cache-of-tokens: a response carrying tokens must not be kept
// by any cache. A missing no-store is advisory (RFC 6749 §5.1 asks for it); a token response
// that tells caches they may store it (public, a max-age above 0, s-maxage, an Expires still in
// the future by the response's own Date) hands tokens to shared caches: that fails the gate.

import type { RecordedResponse } from '../findings/types.ts';
import type { Check } from './check.ts';
import { fail, pass } from './outcome.ts';

interface Directive {
  name: string;
  value?: string;
}

function directives(response: RecordedResponse): Directive[] {
  return (response.headers['cache-control'] ?? '').split(',').flatMap((part) => {
    const [name, value] = part.split('=', 2).map((p) => p.trim());
    return name ? [{ name: name.toLowerCase(), ...(value !== undefined ? { value: value.replace(/^"|"$/g, '') } : {}) }] : [];
  });
}

function cacheControlText(response: RecordedResponse): string {
  const header = response.headers['cache-control'];
  return header === undefined ? 'no Cache-Control header' : `Cache-Control: ${header}`;
}

export const headersNoStore: Check = {
  id: 'headers.no-store',
  title: 'Cache-Control: no-store on token responses',
  rule: 'RFC 6749 §5.1',
  level: 'SHOULD',
  tokenEndpointsOnly: true,
  run(exchange) {
    const response = exchange.response;
    if (response?.status !== 200) return [];
    return directives(response).some((d) => d.name === 'no-store') ? [pass(cacheControlText(response))]
      : [fail('token response may be cached', cacheControlText(response), 'Cache-Control: no-store')];
  },
};

/** What in the response invites a cache to store it; empty when nothing does. */
function cacheableMarkers(response: RecordedResponse): string[] {
  const markers = directives(response).flatMap((d) => {
    if (d.name === 'public') return ['public'];
    if (d.name === 's-maxage') return [`s-maxage=${d.value ?? ''}`];
    if (d.name === 'max-age' && Number(d.value) > 0) return [`max-age=${d.value}`];
    return [];
  });
  const expires = response.headers['expires'];
  const date = Date.parse(response.headers['date'] ?? '');
  // An Expires that is no date ("-1", "0") means already expired (RFC 9111 §5.3).
  if (expires !== undefined && Date.parse(expires) > date) markers.push(`Expires: ${expires} (after Date: ${response.headers['date']})`);
  return markers;
}

export const headersNoCacheOfTokens: Check = {
  id: 'headers.no-cache-of-tokens',
  title: 'No token response marked cacheable',
  rule: 'RFC 6749 §5.1 (tokens are not to be cached); RFC 9111 §5.2.2 (public, max-age, s-maxage), §5.3 (Expires)',
  level: 'MUST',
  tokenEndpointsOnly: true,
  run(exchange) {
    const response = exchange.response;
    if (response?.status !== 200) return [];
    const markers = cacheableMarkers(response);
    if (markers.length === 0) return [pass(`not marked cacheable (${cacheControlText(response)})`)];
    const storeAnyway = directives(response).some((d) => d.name === 'no-store') ? ' (no-store beside them contradicts them)' : '';
    return [fail('token response marked cacheable', `${markers.join(', ')}${storeAnyway}`, 'no public, max-age=0 or none, no s-maxage, no Expires in the future (Cache-Control: no-store)')];
  },
};
