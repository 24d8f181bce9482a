// Turns a probe (case + media type) and what it needs (a token, credentials) into the request
// to send: the endpoint's method and path, the body template with the token and credentials
// escaped for its format, the Content-Type of the Accept's family with the case's charset (the
// client writes the body in it), the Accept and any Accept-Charset.

import type { RecordedRequest } from '../findings/types.ts';
import { credentialPlaceholder, TOKEN_PLACEHOLDER } from './caseTypes.ts';
import type { Probe } from './cases.ts';
import { escapeXmlText } from '../xml/text.ts';

/** An issuing endpoint's credentials by JSON member (`company`, `groupId`, ...). */
export type Credentials = Readonly<Record<string, string>>;

function escapeFor(format: 'json' | 'xml' | 'other', value: string): string {
  if (format === 'json') return JSON.stringify(value).slice(1, -1);
  if (format === 'xml') return escapeXmlText(value);
  return encodeURIComponent(value);
}

/** A bare JSON placeholder stands for a number (an integer member): written as one when it is one. */
function bareJson(value: string): string {
  return /^-?\d+$/.test(value) ? value : JSON.stringify(value);
}

function fillCredentials(text: string, format: 'json' | 'xml' | 'other', credentials: Credentials): string {
  let filled = text;
  for (const [member, value] of Object.entries(credentials)) {
    const placeholder = credentialPlaceholder(member);
    if (format === 'json') filled = filled.split(`"${placeholder}"`).join(JSON.stringify(value)).split(placeholder).join(bareJson(value));
    else filled = filled.split(placeholder).join(escapeFor(format, value));
  }
  return filled;
}

function contentTypeFor(probe: Probe): string | undefined {
  const body = probe.probeCase.body;
  if (body.contentType) return body.contentType;
  if (body.format === 'other') return undefined;
  const family = probe.mediaType.startsWith('text/') ? 'text' : 'application';
  return `${family}/${body.format === 'xml' ? 'xml' : 'json'}; charset=${body.charset ?? 'utf-8'}`;
}

export function buildRequest(probe: Probe, token?: string, credentials?: Credentials, path = probe.endpoint.path): RecordedRequest {
  const { body, acceptHeader, acceptCharset } = probe.probeCase;
  const withToken = token === undefined ? body.template : body.template.split(TOKEN_PLACEHOLDER).join(escapeFor(body.format, token));
  const text = credentials ? fillCredentials(withToken, body.format, credentials) : withToken;
  const contentType = contentTypeFor(probe);
  return {
    method: probe.endpoint.method,
    path,
    headers: { accept: acceptHeader ?? probe.mediaType, ...(acceptCharset ? { 'accept-charset': acceptCharset } : {}), ...(contentType ? { 'content-type': contentType } : {}) },
    body: text,
    ...(body.encoding ? { bodyCharset: body.encoding } : {}),
  };
}
