// The Consinco auth endpoints as the project's copies of their Help Pages describe them:
// refresh-token, login and corp login. Each page is read once, by the general reader: the
// package's endpoint set and the reference provider's contract (the narrowed view) share it.

import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package/locations.ts';
import type { ApiEndpoint } from './apiModel.ts';
import { loadDocPath } from './docSet.ts';
import { narrowEndpoint } from './helpPage.ts';
import type { EndpointModel } from './model.ts';

const docFile = (name: string) => join(PACKAGE_ROOT, 'docs', name);

export const REFRESH_TOKEN_DOC = docFile('refresh-token.help.txt');
export const LOGIN_DOC = docFile('login.help.txt');
export const CORP_LOGIN_DOC = docFile('corp-login.help.txt');

const read = new Map<string, ApiEndpoint>();
const narrowed = new Map<string, EndpointModel>();

/** One of the project's Help Page copies as the general reader gives it (its types resolved); HelpPageError when it does not read. */
export function docApiEndpoint(file: string): ApiEndpoint {
  let endpoint = read.get(file);
  if (!endpoint) {
    const { endpoints, failures } = loadDocPath(file);
    if (failures.length > 0) throw failures[0]!;
    endpoint = endpoints[0]!;
    read.set(file, endpoint);
  }
  return endpoint;
}

/** One of the project's Help Page copies, narrowed to the refresh-token pipeline's view (helpPage.ts). */
export function docEndpoint(file: string): EndpointModel {
  let model = narrowed.get(file);
  if (!model) {
    model = narrowEndpoint(docApiEndpoint(file), file);
    narrowed.set(file, model);
  }
  return model;
}

export function refreshTokenEndpoint(): EndpointModel {
  return docEndpoint(REFRESH_TOKEN_DOC);
}
