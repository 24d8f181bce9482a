// The consumer side of the contract: a small client of POST api/v1/auth/refresh-token as an
// integrating team would write it. It serializes the request itself (JSON, or DataContract XML
// in the element order the server's deserializer needs), reads the token response in either
// naming, and returns typed values by the doc's names. The consumer specs run it against
// Pact's mock server, so the contract records what a real client sends and relies on.

import type { DocType } from '../doc/model.ts';
import type { RequestMember } from '../naming/namingMap.ts';
import { send } from '../http/client.ts';
import { namingMap } from '../schemas/load.ts';
import { REFRESH_PATH } from '../target/paths.ts';
import { parseXmlDocument, type XmlElement } from '../xml/safeParse.ts';
import { xmlDocument, xmlElement } from './bodies.ts';

export type WireFormat = 'json' | 'xml';
export const MEDIA_TYPE: Record<WireFormat, 'application/json' | 'application/xml'> = { json: 'application/json', xml: 'application/xml' };

/** The token response by the doc's names (`access_token`, `userSequence`, `.issued` ...). */
export type TokenResponse = Record<string, string | number | boolean | null>;

export type RefreshResult =
  | { status: 200; token: TokenResponse }
  | { status: number; message: string | undefined };

export interface RefreshOptions {
  /** Sent as `grant_type` / `GrantType`; left out when undefined. */
  grantType?: string;
  timeoutMs?: number;
}

export class RefreshClientError extends Error {
  constructor(message: string) {
    super(`refresh client: ${message}`);
    this.name = 'RefreshClientError';
  }
}

export async function refreshToken(baseUrl: string, token: string | undefined, format: WireFormat, options: RefreshOptions = {}): Promise<RefreshResult> {
  // The run's HTTP client: one connection per request (no keep-alive socket that a later mock
  // server on a reused port could answer), a deadline and a size cap.
  const outcome = await send(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`, {
    method: 'POST',
    path: REFRESH_PATH,
    headers: { 'Content-Type': MEDIA_TYPE[format], Accept: MEDIA_TYPE[format] },
    body: requestBody(format, token, options.grantType),
  }, { timeoutMs: options.timeoutMs ?? 5000, maxResponseBytes: 1 << 20, insecureTls: false });
  if (!outcome.response) throw new RefreshClientError(outcome.transportError ?? 'no response');
  const { status, body } = outcome.response;
  if (status === 200) return { status: 200, token: format === 'json' ? tokenFromJson(body) : tokenFromXml(body) };
  return { status, message: errorMessage(format, body) };
}

/** The request's required member (refresh_token) and its defaulted one (grant_type). */
export function requestMembers(): { token: RequestMember; grantType: RequestMember } {
  const { members } = namingMap().request;
  const token = members.find((m) => !m.optional);
  const grantType = members.find((m) => m.defaultValue !== undefined);
  if (!token || !grantType) throw new RefreshClientError('the doc must describe a required refresh token and a defaulted grant type');
  return { token, grantType };
}

function requestBody(format: WireFormat, token: string | undefined, grantType: string | undefined): string {
  const request = namingMap().request;
  const members = requestMembers();
  const values = new Map<RequestMember, string>();
  if (token !== undefined) values.set(members.token, token);
  if (grantType !== undefined) values.set(members.grantType, grantType);
  if (format === 'json') return JSON.stringify(Object.fromEntries([...values].map(([m, v]) => [m.json, v])));
  const byElement = new Map([...values].map(([m, v]) => [m.xml!, v]));
  const children = request.xmlOrder.filter((e) => byElement.has(e)).map((e) => xmlElement(e, byElement.get(e)!));
  return xmlDocument(request.typeName, request.xmlNamespace, children);
}

function tokenFromJson(text: string): TokenResponse {
  const body = JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(namingMap().response.members.map((m) => {
    const value = m.jsonBackingField in body ? body[m.jsonBackingField] : body[m.documented];
    if (value === undefined) throw new RefreshClientError(`the token response has no ${m.documented}`);
    return [m.documented, value as TokenResponse[string]];
  }));
}

function tokenFromXml(text: string): TokenResponse {
  const root = parseXmlDocument(text);
  const { members, xmlNamespace } = namingMap().response;
  if (root.namespace !== xmlNamespace) throw new RefreshClientError(`the token response is in namespace "${root.namespace}", not ${xmlNamespace}`);
  return Object.fromEntries(members.map((m) => {
    const element = root.children.find((c) => c.localName === m.xmlBackingField || c.localName === m.xmlDocumented);
    if (!element) throw new RefreshClientError(`the token response has no ${m.documented}`);
    return [m.documented, xmlValue(element, m.type)];
  }));
}

function xmlValue(element: XmlElement, type: DocType): TokenResponse[string] {
  if (element.attributes['i:nil'] === 'true') return null;
  if (type === 'integer' || type === 'decimal number') return Number(element.text);
  if (type === 'boolean') return element.text === 'true';
  return element.text;
}

function errorMessage(format: WireFormat, text: string): string | undefined {
  try {
    if (format === 'json') return (JSON.parse(text) as { Message?: string }).Message;
    return parseXmlDocument(text).children.find((c) => c.localName === 'Message')?.text;
  } catch {
    return undefined;
  }
}
