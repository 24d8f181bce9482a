// What the reference server is built from: the doc's endpoint and its naming map, plus the
// login action the doc does not describe (the token's other entry point), so every name the
// provider reads or writes comes from one place.

import { refreshTokenEndpoint } from '../doc/endpoint.ts';
import type { DocType } from '../doc/model.ts';
import { buildNamingMap, ordinalSort, type ResponseMember } from '../naming/namingMap.ts';

/** A request body as the server's binders see it: JSON keys and DataContract elements. */
export interface BindingModel {
  typeName: string;
  xmlNamespace: string;
  /** `key` is how handlers read the bound value: the JSON name, or the element for XML-only members. */
  members: { key: string; json?: string; xml?: string; type: DocType }[];
  /** Element order DataContractSerializer reads. */
  xmlOrder: string[];
}

const endpoint = refreshTokenEndpoint();
const naming = buildNamingMap(endpoint);

export const REFRESH_PATH = endpoint.path;
export const LOGIN_PATH = 'api/v1/auth/login';
export const ACTION_METHOD = endpoint.method;

export const TOKEN_RESPONSE = {
  typeName: naming.response.typeName,
  xmlNamespace: naming.response.xmlNamespace,
  members: naming.response.members,
};

export const REFRESH_REQUEST: BindingModel = {
  typeName: naming.request.typeName,
  xmlNamespace: naming.request.xmlNamespace,
  members: [
    ...naming.request.members.map((m) => ({ key: m.json, json: m.json, ...(m.xml ? { xml: m.xml } : {}), type: m.type })),
    ...naming.request.xmlOnly.map((m) => ({ key: m.xml, xml: m.xml, type: m.type })),
  ],
  xmlOrder: naming.request.xmlOrder,
};

const refreshTokenMember = naming.request.members.find((m) => !m.optional);
const grantTypeMember = naming.request.members.find((m) => m.defaultValue !== undefined);
if (!refreshTokenMember || !grantTypeMember) {
  throw new Error('reference provider: the doc must describe a required refresh token and a grant type with a default');
}
/** The request's required member (refresh_token) and its defaulted one (grant_type). */
export const REFRESH_FIELDS = {
  refreshToken: refreshTokenMember.json,
  grantType: grantTypeMember.json,
  supportedGrantType: grantTypeMember.defaultValue!,
};

const LOGIN_FIELDS = ['company', 'username', 'password'];
/** Same DataContract conventions as the refresh model: same namespace, elements in ordinal order. */
export const LOGIN_REQUEST: BindingModel = {
  typeName: 'ConsincoLoginBindingModel',
  xmlNamespace: naming.request.xmlNamespace,
  members: LOGIN_FIELDS.map((name) => ({ key: name, json: name, xml: name, type: 'string' as DocType })),
  xmlOrder: ordinalSort(LOGIN_FIELDS),
};

export function responseMember(documented: string): ResponseMember {
  const member = TOKEN_RESPONSE.members.find((m) => m.documented === documented);
  if (!member) throw new Error(`reference provider: the doc's TokenResponse has no "${documented}"`);
  return member;
}
