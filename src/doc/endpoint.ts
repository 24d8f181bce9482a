// The refresh-token endpoint as the project's copy of its Help Page describes it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package/locations.ts';
import { parseHelpPage } from './helpPage.ts';
import type { EndpointModel } from './model.ts';

export const REFRESH_TOKEN_DOC = join(PACKAGE_ROOT, 'docs', 'refresh-token.help.txt');

let cached: EndpointModel | undefined;

export function refreshTokenEndpoint(): EndpointModel {
  cached ??= parseHelpPage(readFileSync(REFRESH_TOKEN_DOC, 'utf8'), REFRESH_TOKEN_DOC);
  return cached;
}
