// Request body templates of a refreshing endpoint, built from its naming map (element names,
// namespace and order as the server's DataContractSerializer reads them), so no probe spells a
// name by hand.

import type { NamingMap } from '../naming/namingMap.ts';
import { TOKEN_PLACEHOLDER } from './caseTypes.ts';
import { dataContractRoot } from '../xml/dataContract.ts';

export function jsonBody(members: Record<string, string>): string {
  return JSON.stringify(members);
}

/** A request document; children are [element, text] pairs written in the order given. */
export function xmlDocument(children: readonly [string, string][], root: string, namespace: string): string {
  const { open, close } = dataContractRoot(root, namespace);
  return `${open}${children.map(([name, text]) => `<${name}>${text}</${name}>`).join('')}${close}`;
}

export interface RefreshBodies {
  xml: { root: string; namespace: string; refreshToken: string; grantType: string; version: string };
  json: { refreshToken: string; grantType: string; supportedGrant: string };
  xmlBody(children: [string, string][], root?: string, namespace?: string): string;
  /** A live token and the supported grant type; the same with the grant type left to its default. */
  jsonRefresh: string;
  jsonRefreshDefaultGrant: string;
  /** The doc's XML sample, with a live token; the same with only the token. */
  xmlRefresh: string;
  xmlRefreshDefaultGrant: string;
}

export function refreshBodies(naming: NamingMap): RefreshBodies {
  const request = naming.request;
  const tokenMember = request.members.find((m) => !m.optional)!;
  const grantMember = request.members.find((m) => m.defaultValue !== undefined)!;
  const xml = { root: request.typeName, namespace: request.xmlNamespace, refreshToken: tokenMember.xml!, grantType: grantMember.xml!, version: request.xmlOnly[0]!.xml };
  const json = { refreshToken: tokenMember.json, grantType: grantMember.json, supportedGrant: grantMember.defaultValue! };
  const xmlBody = (children: [string, string][], root = xml.root, namespace = xml.namespace) => xmlDocument(children, root, namespace);
  return {
    xml,
    json,
    xmlBody,
    jsonRefresh: jsonBody({ [json.refreshToken]: TOKEN_PLACEHOLDER, [json.grantType]: json.supportedGrant }),
    jsonRefreshDefaultGrant: jsonBody({ [json.refreshToken]: TOKEN_PLACEHOLDER }),
    xmlRefresh: xmlBody([[xml.version, '3'], [xml.grantType, json.supportedGrant], [xml.refreshToken, TOKEN_PLACEHOLDER]]),
    xmlRefreshDefaultGrant: xmlBody([[xml.refreshToken, TOKEN_PLACEHOLDER]]),
  };
}
