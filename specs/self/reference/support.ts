// Shared helpers for the reference provider's specs: real HTTP on loopback (Node's fetch, or
// node:http when a header such as Accept must be left out), request bodies built from the
// naming map, and readers for what came back. Tokens are compared by booleans and lengths.

import { request } from 'node:http';
import { CORP_LOGIN_DOC, docEndpoint, LOGIN_DOC, refreshTokenEndpoint } from '../../../src/doc/endpoint.ts';
import { buildNamingMap, type ResponseMember } from '../../../src/naming/namingMap.ts';
import { parseXmlDocument, type XmlElement } from '../../../src/xml/safeParse.ts';
import { ENDPOINTS, type ReferenceProvider } from '../../../src/reference/index.ts';

export const NAMING = buildNamingMap(refreshTokenEndpoint());
export const LOGIN_NAMING = buildNamingMap(docEndpoint(LOGIN_DOC));
export const CORP_NAMING = buildNamingMap(docEndpoint(CORP_LOGIN_DOC));
export const MEDIA_TYPES = ['application/json', 'text/json', 'application/xml', 'text/xml'] as const;
export const REFRESH = '/api/v1/auth/refresh-token';
export const LOGIN = '/api/v1/auth/login';
export const CORP_LOGIN = '/api/v1/auth/corp/login';
/** The generic (non-auth) endpoint as its page documents it, the query template filled: `/api/TablesManagement/ADUModel?pType=sample`. */
export const GENERIC_ENDPOINT = ENDPOINTS.find((e) => e.role === 'generic')!;
export const GENERIC = `/${GENERIC_ENDPOINT.path.replace(/\{[^}]+\}/g, 'sample')}`;
/** The first default corp user's credentials. */
export const CORP_USER = { groupId: 1, username: 'gestor@grupo-exemplo.com.br', password: 'corp-consinco' };
export const DOTNET_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$/;
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Anything with a base URL: a started provider, or the standalone server's printed URL. */
export type Target = Pick<ReferenceProvider, 'url'>;

export interface Wire {
  status: number;
  contentType: string;
  headers: Headers;
  body: string;
  elapsedMs: number;
}

export function member(documented: string): ResponseMember {
  const found = NAMING.response.members.find((m) => m.documented === documented);
  if (!found) throw new Error(`no member ${documented}`);
  return found;
}

export function isXml(mediaType: string): boolean {
  return mediaType.endsWith('/xml');
}

export async function post(provider: Target, path: string, body: string, headers: Record<string, string>): Promise<Wire> {
  const started = performance.now();
  const res = await fetch(`${provider.url}${path}`, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', headers: res.headers, body: text, elapsedMs: performance.now() - started };
}

/** A POST with exactly these headers (fetch always adds an Accept). */
export function rawPost(provider: Target, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; contentType: string; body: string }> {
  const { hostname, port } = new URL(provider.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function refreshJson(token: string, grantType?: string): string {
  return JSON.stringify({ refresh_token: token, ...(grantType === undefined ? {} : { grant_type: grantType }) });
}

/** A request body in DataContract XML (the refresh model unless told), elements in the order given as [name, text] pairs. */
export function dataContractXml(elements: [string, string][], root = NAMING.request.typeName, namespace = NAMING.request.xmlNamespace): string {
  const children = elements.map(([name, text]) => `<${name}>${text}</${name}>`).join('');
  return `<${root} xmlns:i="${XSI}" xmlns="${namespace}">${children}</${root}>`;
}

/** The doc's element order with this token and grant type. */
export function refreshXmlInOrder(token: string, grantType = 'refresh_token'): string {
  return dataContractXml([['ControllerVersion', '3'], ['GrantType', grantType], ['Refreshtoken', token]]);
}

export function loginJson(company = '1', username = 'ADMIN', password = 'consinco'): string {
  return JSON.stringify({ company, username, password });
}

/** The doc's ConsincoUserBindingModel, elements in the sample's order (ControllerVersion first). */
export function loginXml(company = '1', username = 'ADMIN', password = 'consinco'): string {
  return dataContractXml([['ControllerVersion', '4'], ['Company', company], ['Password', password], ['Username', username]], LOGIN_NAMING.request.typeName, LOGIN_NAMING.request.xmlNamespace);
}

export function corpLoginJson(groupId: number | string = CORP_USER.groupId, username = CORP_USER.username, password = CORP_USER.password): string {
  return JSON.stringify({ groupId, username, password });
}

/** The doc's ConsincoUserCorpBindingModel, elements in the sample's order. */
export function corpLoginXml(groupId = String(CORP_USER.groupId), username = CORP_USER.username, password = CORP_USER.password): string {
  return dataContractXml([['ControllerVersion', '4'], ['GroupId', groupId], ['Password', password], ['Username', username]], CORP_NAMING.request.typeName, CORP_NAMING.request.xmlNamespace);
}

export function corpLogin(provider: Target, accept = 'application/json'): Promise<Wire> {
  const xml = isXml(accept);
  return post(provider, CORP_LOGIN, xml ? corpLoginXml() : corpLoginJson(), { 'content-type': xml ? 'application/xml' : 'application/json', accept });
}

/** Refreshes `token` asking for `accept`, sending the body in the same family of format. */
export function refresh(provider: Target, token: string, accept = 'application/json'): Promise<Wire> {
  const xml = isXml(accept);
  return post(provider, REFRESH, xml ? refreshXmlInOrder(token) : refreshJson(token), { 'content-type': xml ? 'application/xml' : 'application/json', accept });
}

export function login(provider: Target, accept = 'application/json'): Promise<Wire> {
  const xml = isXml(accept);
  return post(provider, LOGIN, xml ? loginXml() : loginJson(), { 'content-type': xml ? 'application/xml' : 'application/json', accept });
}

/** A generic request body in JSON; the page's model with valid values unless told. */
export function genericJson(values: Record<string, unknown> = VALID_MODEL): string {
  return JSON.stringify(values);
}

/** The page's Model with values its validation attributes accept. */
export const VALID_MODEL: Readonly<Record<string, string | number>> = { model_code: 7, model_name: 'Clínica São José', active: 'y', type_group_item: 3 };

/** A generic request body in DataContract XML, the elements in the page's sample order; null writes i:nil. */
export function genericXml(values: Record<string, string | number | null> = VALID_MODEL): string {
  const { request } = GENERIC_ENDPOINT;
  const children = request.xmlOrder.flatMap((element) => {
    const key = request.members.find((m) => m.xml === element)!.key;
    if (!(key in values)) return [];
    const value = values[key];
    return [value === null ? `<${element} i:nil="true"/>` : `<${element}>${String(value)}</${element}>`];
  });
  return `<${request.typeName} xmlns:i="${XSI}" xmlns="${request.xmlNamespace}">${children.join('')}</${request.typeName}>`;
}

/** Posts to the generic endpoint, the body in the format `accept` names unless `contentType` says otherwise. */
export function postGeneric(provider: Target, body: string, accept = 'application/json', contentType = isXml(accept) ? 'application/xml' : 'application/json'): Promise<Wire> {
  return post(provider, GENERIC, body, { 'content-type': contentType, accept });
}

export function jsonObject(wire: Wire): Record<string, unknown> {
  return JSON.parse(wire.body) as Record<string, unknown>;
}

export function xmlRoot(wire: Wire): XmlElement {
  return parseXmlDocument(wire.body);
}

/** The refresh token a token response carries, in either format and naming. */
export function refreshTokenOf(wire: Wire): string {
  const m = member('refresh_token');
  if (isXml(wire.contentType.split(';')[0]!)) {
    return xmlRoot(wire).children.find((c) => c.localName === m.xmlBackingField || c.localName === m.xmlDocumented)!.text;
  }
  const body = jsonObject(wire);
  return String(body[m.jsonBackingField] ?? body[m.documented]);
}
