// What the reference server is built from: the project's Help Pages of the three Consinco auth
// actions (login, corp login, refresh-token), each read into its request binding model and its
// response contract through the doc's naming map, and one generic (non-auth) page of the Help
// Page corpus read through the general model (genericContract.ts), so every name the provider
// reads or writes comes from the docs it also serves at /Help, never from a second hand-written copy.

import type { Annotations } from '../doc/apiModel.ts';
import { CORP_LOGIN_DOC, docEndpoint, LOGIN_DOC, REFRESH_TOKEN_DOC } from '../doc/endpoint.ts';
import type { DocType } from '../doc/model.ts';
import { buildNamingMap, type ResponseMember } from '../naming/namingMap.ts';
import { GENERIC_DOC, genericParts } from './genericContract.ts';

/** The actions the provider serves, by a stable name (fault scopes, users, logs); `adu-model` is the generic one. */
export const ENDPOINT_NAMES = ['login', 'corp-login', 'refresh-token', 'adu-model'] as const;
export type EndpointName = (typeof ENDPOINT_NAMES)[number];

/** A request body as the server's binders see it: JSON keys and DataContract elements. */
export interface BindingModel {
  typeName: string;
  xmlNamespace: string;
  /** `key` is how handlers read the bound value: the JSON name, or the element for XML-only members. */
  members: BindingMember[];
  /** Element order DataContractSerializer reads (base-class members first, as the doc's sample shows). */
  xmlOrder: string[];
  /** Web API's form formatters are registered: the page lists application/x-www-form-urlencoded among its request formats. */
  readsForm: boolean;
}

export interface BindingMember {
  key: string;
  json?: string;
  xml?: string;
  type: DocType;
  /** The doc marks it OPTIONAL; every other member of a body the doc describes must be filled. */
  optional: boolean;
  defaultValue?: string;
  dataType?: string;
  /** The validation attributes Web API checks after binding (generic endpoints; the auth actions check their own way). */
  annotations?: Annotations;
}

/** A response body the server writes: DataContract root, namespace and members in declaration order. */
export interface ResponseContract {
  typeName: string;
  xmlNamespace: string;
  members: ResponseMember[];
  /** Element order the page's XML sample shows (a generic page); absent: DataContract's ordinal order. */
  xmlOrder?: readonly string[];
}

/**
 * An action: `issue` takes credentials and starts a token family (login, corp login),
 * `refresh` redeems a refresh token and continues its family, `generic` validates the model
 * it binds and answers the response its page documents.
 */
export interface EndpointContract {
  name: EndpointName;
  role: 'issue' | 'refresh' | 'generic';
  method: string;
  /** As the page writes it, without a leading slash; may end in a query template (`?pType={pType}`). */
  path: string;
  /** Query parameters without which Web API selects no action (404). */
  requiredQuery: string[];
  request: BindingModel;
  response: ResponseContract;
  /** The Help Page copy it is read from (also served at /Help). */
  docFile: string;
}

function contract(name: EndpointName, role: EndpointContract['role'], file: string): EndpointContract {
  const doc = docEndpoint(file);
  const naming = buildNamingMap(doc);
  return {
    name,
    role,
    method: doc.method,
    path: doc.path,
    requiredQuery: [],
    request: {
      typeName: naming.request.typeName,
      xmlNamespace: naming.request.xmlNamespace,
      members: [
        ...naming.request.members.map((m): BindingMember => ({
          key: m.json, json: m.json, ...(m.xml ? { xml: m.xml } : {}), type: m.type, optional: m.optional,
          ...(m.defaultValue !== undefined ? { defaultValue: m.defaultValue } : {}),
          ...(m.dataType !== undefined ? { dataType: m.dataType } : {}),
        })),
        ...naming.request.xmlOnly.map((m): BindingMember => ({ key: m.xml, xml: m.xml, type: m.type, optional: true })),
      ],
      xmlOrder: naming.request.xmlOrder,
      readsForm: false,
    },
    response: naming.response,
    docFile: file,
  };
}

export const ENDPOINTS: readonly EndpointContract[] = [
  contract('login', 'issue', LOGIN_DOC),
  contract('corp-login', 'issue', CORP_LOGIN_DOC),
  contract('refresh-token', 'refresh', REFRESH_TOKEN_DOC),
  { name: 'adu-model', role: 'generic', ...genericParts(GENERIC_DOC), docFile: GENERIC_DOC },
];

/** The Help Page files the provider serves, one per endpoint: a doc set (`DOCS`) for a run against it. */
export const REFERENCE_DOC_FILES: readonly string[] = ENDPOINTS.map((e) => e.docFile);

export function endpointNamed(name: EndpointName): EndpointContract {
  return ENDPOINTS.find((e) => e.name === name)!;
}

const REFRESH = endpointNamed('refresh-token');
const refreshTokenMember = REFRESH.request.members.find((m) => m.json !== undefined && !m.optional);
const grantTypeMember = REFRESH.request.members.find((m) => m.defaultValue !== undefined);
if (!refreshTokenMember || !grantTypeMember) {
  throw new Error('reference provider: the refresh-token doc must describe a required refresh token and a grant type with a default');
}
/** The refresh request's required member (refresh_token) and its defaulted one (grant_type). */
export const REFRESH_FIELDS = {
  refreshToken: refreshTokenMember.key,
  grantType: grantTypeMember.key,
  supportedGrantType: grantTypeMember.defaultValue!,
};

/** The members a client must send: the documented JSON members the doc does not mark OPTIONAL. */
export function requiredMembers(model: BindingModel): BindingMember[] {
  return model.members.filter((m) => m.json !== undefined && !m.optional);
}
