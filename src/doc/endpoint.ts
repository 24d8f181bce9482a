// The refresh-token endpoint as the project's copy of its Help Page describes it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHelpPage } from './helpPage.ts';
import type { EndpointModel } from './model.ts';

export const REFRESH_TOKEN_DOC = fileURLToPath(new URL('../../docs/refresh-token.help.txt', import.meta.url));

let cached: EndpointModel | undefined;

export function refreshTokenEndpoint(): EndpointModel {
  cached ??= parseHelpPage(readFileSync(REFRESH_TOKEN_DOC, 'utf8'), REFRESH_TOKEN_DOC);
  return cached;
}
