// The consumer side of the contract: a small client of the run's endpoints as an integrating
// team would write it. For a token endpoint (login, corp login, refresh-token) it serializes
// the request itself from the endpoint's naming map (JSON, or DataContract XML in the element
// order the server's deserializer needs), reads the token response in either naming, and
// returns typed values by the doc's names; a generic endpoint gets the body it is given. The
// consumer specs run it against Pact's mock server, so the contract records what a real client
// sends and relies on.

import type { DocType } from '../doc/model.ts';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import type { NamingMap, RequestMember } from '../naming/namingMap.ts';
import { send } from '../http/client.ts';
import { namingMap } from '../schemas/load.ts';
import { parseXmlDocument, type XmlElement } from '../xml/safeParse.ts';
import { xmlDocument, xmlElement } from './bodies.ts';
import type { Example } from './schemaMatchers.ts';

export type WireFormat = 'json' | 'xml';
export const MEDIA_TYPE: Record<WireFormat, 'application/json' | 'application/xml'> = { json: 'application/json', xml: 'application/xml' };

/** The token response by the doc's names (`access_token`, `userSequence`, `.issued` ...). */
export type TokenResponse = Record<string, string | number | boolean | null>;

/** What the consumer client made of an answer: a token endpoint's parsed token or error message, a generic endpoint's text. */
export type ConsumerResult = TokenCallResult | { status: number; body: string };

export type TokenCallResult =
  | { status: 200; token: TokenResponse }
  | { status: number; message: string | undefined };

export class RefreshClientError extends Error {
  constructor(message: string) {
    super(`refresh client: ${message}`);
    this.name = 'RefreshClientError';
  }
}

/** A token endpoint's action: `values` by the members' JSON names; a member without a value is left out. */
export async function callTokenEndpoint(baseUrl: string, endpoint: TestedEndpoint, format: WireFormat, values: Readonly<Record<string, Example>>, timeoutMs = 5000): Promise<TokenCallResult> {
  const naming = endpoint.wire!.naming;
  const { status, body } = await post(baseUrl, endpoint, format, requestBody(naming.request, format, values), timeoutMs);
  if (status === 200) return { status: 200, token: format === 'json' ? tokenFromJson(naming, body) : tokenFromXml(naming, body) };
  return { status, message: errorMessage(format, body) };
}

/** A generic endpoint's action with a body the caller wrote (the page's sample); the answer as text. */
export async function callEndpoint(baseUrl: string, endpoint: TestedEndpoint, format: WireFormat, body: string | undefined, timeoutMs = 5000): Promise<{ status: number; body: string }> {
  return post(baseUrl, endpoint, format, body, timeoutMs);
}

async function post(baseUrl: string, endpoint: TestedEndpoint, format: WireFormat, body: string | undefined, timeoutMs: number): Promise<{ status: number; body: string }> {
  // The run's HTTP client: one connection per request (no keep-alive socket that a later mock
  // server on a reused port could answer), a deadline and a size cap.
  const outcome = await send(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`, {
    method: endpoint.method,
    path: endpoint.path,
    headers: { ...(body !== undefined ? { 'Content-Type': MEDIA_TYPE[format] } : {}), Accept: MEDIA_TYPE[format] },
    body: body ?? '',
  }, { timeoutMs, maxResponseBytes: 1 << 20, insecureTls: false });
  if (!outcome.response) throw new RefreshClientError(outcome.transportError ?? 'no response');
  return outcome.response;
}

/** The committed refresh-token request's required member (refresh_token) and its defaulted one (grant_type). */
export function requestMembers(): { token: RequestMember; grantType: RequestMember } {
  const { members } = namingMap().request;
  const token = members.find((m) => !m.optional);
  const grantType = members.find((m) => m.defaultValue !== undefined);
  if (!token || !grantType) throw new RefreshClientError('the doc must describe a required refresh token and a defaulted grant type');
  return { token, grantType };
}

function requestBody(request: NamingMap['request'], format: WireFormat, values: Readonly<Record<string, Example>>): string {
  const sent = request.members.filter((m) => values[m.json] !== undefined);
  if (format === 'json') return JSON.stringify(Object.fromEntries(sent.map((m) => [m.json, values[m.json]])));
  const byElement = new Map(sent.map((m) => [m.xml ?? m.json, String(values[m.json])]));
  const children = request.xmlOrder.filter((e) => byElement.has(e)).map((e) => xmlElement(e, byElement.get(e)!));
  return xmlDocument(request.typeName, request.xmlNamespace, children);
}

function tokenFromJson(naming: NamingMap, text: string): TokenResponse {
  const body = JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(naming.response.members.map((m) => {
    const value = m.jsonBackingField in body ? body[m.jsonBackingField] : body[m.documented];
    if (value === undefined) throw new RefreshClientError(`the token response has no ${m.documented}`);
    return [m.documented, value as TokenResponse[string]];
  }));
}

function tokenFromXml(naming: NamingMap, text: string): TokenResponse {
  const root = parseXmlDocument(text);
  const { members, xmlNamespace } = naming.response;
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
