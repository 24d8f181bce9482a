// Request body templates built from the naming map (element names, namespace and order as the
// server's DataContractSerializer reads them), so no probe spells a name by hand.

import { namingMap } from '../schemas/load.ts';
import { TOKEN_PLACEHOLDER } from './caseTypes.ts';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const request = namingMap().request;
const tokenMember = request.members.find((m) => !m.optional)!;
const grantMember = request.members.find((m) => m.defaultValue !== undefined)!;

export const REQUEST_XML = {
  root: request.typeName,
  namespace: request.xmlNamespace,
  refreshToken: tokenMember.xml!,
  grantType: grantMember.xml!,
  version: request.xmlOnly[0]!.xml,
};
export const REQUEST_JSON = { refreshToken: tokenMember.json, grantType: grantMember.json, supportedGrant: grantMember.defaultValue! };

export function jsonBody(members: Record<string, string>): string {
  return JSON.stringify(members);
}

/** A request document; children are [element, text] pairs written in the order given. */
export function xmlBody(children: [string, string][], root = REQUEST_XML.root, namespace = REQUEST_XML.namespace): string {
  const inner = children.map(([name, text]) => `<${name}>${text}</${name}>`).join('');
  return `<${root} xmlns:i="${XSI}" xmlns="${namespace}">${inner}</${root}>`;
}

export const JSON_REFRESH = jsonBody({ [REQUEST_JSON.refreshToken]: TOKEN_PLACEHOLDER, [REQUEST_JSON.grantType]: REQUEST_JSON.supportedGrant });
export const JSON_REFRESH_DEFAULT_GRANT = jsonBody({ [REQUEST_JSON.refreshToken]: TOKEN_PLACEHOLDER });
/** The doc's XML sample, with a live token. */
export const XML_REFRESH = xmlBody([[REQUEST_XML.version, '3'], [REQUEST_XML.grantType, REQUEST_JSON.supportedGrant], [REQUEST_XML.refreshToken, TOKEN_PLACEHOLDER]]);
export const XML_REFRESH_DEFAULT_GRANT = xmlBody([[REQUEST_XML.refreshToken, TOKEN_PLACEHOLDER]]);
