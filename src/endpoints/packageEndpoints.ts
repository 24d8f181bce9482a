// The package's own endpoints (docs/: login, corp login, refresh-token), read once: the set a
// run covers by default, and the endpoint an exchange recorded without one (an offline fixture)
// belongs to, the refresh-token.

import { docApiEndpoint } from '../doc/endpoint.ts';
import { testedEndpoints, type TestedEndpoint } from './testedEndpoint.ts';
import { DEFAULT_DOCS } from './defaultDocs.ts';

let endpoints: TestedEndpoint[] | undefined;

export function packageEndpoints(): TestedEndpoint[] {
  endpoints ??= testedEndpoints(DEFAULT_DOCS.map(docApiEndpoint));
  return endpoints;
}

export function packageEndpoint(name: 'login' | 'corp-login' | 'refresh-token'): TestedEndpoint {
  return packageEndpoints().find((e) => e.name === name)!;
}
