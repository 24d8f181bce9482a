// Turns a probe (case + media type) and a token into the request to send: the body template
// with the token escaped for its format, the Content-Type of the Accept's family with the
// case's charset (the client writes the body in it), the Accept and any Accept-Charset.

import type { RecordedRequest } from '../findings/types.ts';
import { REFRESH_PATH } from '../target/paths.ts';
import { TOKEN_PLACEHOLDER } from './caseTypes.ts';
import type { Probe } from './cases.ts';

function escapeFor(format: 'json' | 'xml' | 'other', token: string): string {
  if (format === 'json') return JSON.stringify(token).slice(1, -1);
  if (format === 'xml') return token.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return encodeURIComponent(token);
}

function contentTypeFor(probe: Probe): string {
  const body = probe.probeCase.body;
  if (body.contentType) return body.contentType;
  const family = probe.mediaType.startsWith('text/') ? 'text' : 'application';
  return `${family}/${body.format === 'xml' ? 'xml' : 'json'}; charset=${body.charset ?? 'utf-8'}`;
}

export function buildRequest(probe: Probe, token?: string): RecordedRequest {
  const { body, acceptHeader, acceptCharset } = probe.probeCase;
  const text = token === undefined ? body.template : body.template.split(TOKEN_PLACEHOLDER).join(escapeFor(body.format, token));
  return {
    method: 'POST',
    path: REFRESH_PATH,
    headers: { accept: acceptHeader ?? probe.mediaType, ...(acceptCharset ? { 'accept-charset': acceptCharset } : {}), 'content-type': contentTypeFor(probe) },
    body: text,
    ...(body.encoding ? { bodyCharset: body.encoding } : {}),
  };
}
