// The Consinco auth endpoints as the project's copies of their Help Pages describe them:
// refresh-token, login and corp login, each read once.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package/locations.ts';
import { parseHelpPage } from './helpPage.ts';
import type { EndpointModel } from './model.ts';

const docFile = (name: string) => join(PACKAGE_ROOT, 'docs', name);

export const REFRESH_TOKEN_DOC = docFile('refresh-token.help.txt');
export const LOGIN_DOC = docFile('login.help.txt');
export const CORP_LOGIN_DOC = docFile('corp-login.help.txt');

const cache = new Map<string, EndpointModel>();

/** One of the project's Help Page copies, parsed once. */
export function docEndpoint(file: string): EndpointModel {
  let model = cache.get(file);
  if (!model) {
    model = parseHelpPage(readFileSync(file, 'utf8'), file);
    cache.set(file, model);
  }
  return model;
}

export function refreshTokenEndpoint(): EndpointModel {
  return docEndpoint(REFRESH_TOKEN_DOC);
}
