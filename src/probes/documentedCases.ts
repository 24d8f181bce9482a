// The documented cases: every status the doc lists (200, 400, 401, 500) plus 415, each with a
// JSON and an XML request body, each sent with all four Accept media types. Web API also
// negotiates the charset: Accept-Charset utf-16 (supported) and iso-8859-1 (not: utf-8), and
// a UTF-16 request body (read in its charset, answered in it).

import type { NamingMap } from '../naming/namingMap.ts';
import type { ProbeCase } from './caseTypes.ts';
import { jsonBody, refreshBodies } from './requestBodies.ts';
import { TOKEN_PLACEHOLDER } from './caseTypes.ts';

/** Well-formed but never issued: a server must answer 401. */
export const UNKNOWN_TOKEN = 'dW5rbm93bi1yZWZyZXNoLXRva2VuLW5ldmVyLWlzc3VlZC0wMDAx';
/** Not even shaped like a token. */
export const MALFORMED_TOKEN = 'not a refresh token %%% ;-- ';

const ok = { status: 200, body: 'token' } as const;
const unauthorized = { status: 401, body: 'error' } as const;
const badRequest = { status: 400, body: 'error' } as const;
const json = (template: string) => ({ format: 'json', template }) as const;
const xml = (template: string) => ({ format: 'xml', template }) as const;
const utf16 = <T extends { format: 'json' | 'xml'; template: string }>(body: T) => ({ ...body, charset: 'utf-16' }) as const;
/** Accept-Charset ranked by q: iso-8859-1 first (unsupported), then utf-16, which wins. */
const RANKED_CHARSETS = 'iso-8859-1, utf-16;q=0.8, utf-8;q=0.5';
const literal = (value: string) => ({ kind: 'literal', value }) as const;

export function documentedRefreshCases(naming: NamingMap): ProbeCase[] {
  const { json: REQUEST_JSON, xml: REQUEST_XML, xmlBody, jsonRefresh: JSON_REFRESH, jsonRefreshDefaultGrant: JSON_REFRESH_DEFAULT_GRANT, xmlRefresh: XML_REFRESH, xmlRefreshDefaultGrant: XML_REFRESH_DEFAULT_GRANT } = refreshBodies(naming);
  return [
    { id: 'ok.json-body', description: 'a live refresh token in a JSON body', role: 'documented', expect: ok, token: { kind: 'chain' }, body: json(JSON_REFRESH) },
    { id: 'ok.xml-body', description: 'a live refresh token in the doc\'s XML body', role: 'documented', expect: ok, token: { kind: 'chain' }, body: xml(XML_REFRESH) },
    { id: 'ok.json-body.accept-charset-utf-16', description: 'a live refresh token, Accept-Charset: utf-16 (answered in UTF-16)', role: 'documented', expect: ok, token: { kind: 'chain' }, body: json(JSON_REFRESH), acceptCharset: 'utf-16' },
    { id: 'ok.xml-body.accept-charset-utf-16', description: 'a live refresh token, Accept-Charset: utf-16 (answered in UTF-16)', role: 'documented', expect: ok, token: { kind: 'chain' }, body: xml(XML_REFRESH), acceptCharset: 'utf-16' },
    { id: 'ok.json-body.accept-charset-unsupported', description: 'a live refresh token, Accept-Charset: iso-8859-1 (unsupported: answered in utf-8)', role: 'documented', expect: ok, token: { kind: 'chain' }, body: json(JSON_REFRESH), acceptCharset: 'iso-8859-1' },
    { id: 'ok.xml-body.accept-charset-unsupported', description: 'a live refresh token, Accept-Charset: iso-8859-1 (unsupported: answered in utf-8)', role: 'documented', expect: ok, token: { kind: 'chain' }, body: xml(XML_REFRESH), acceptCharset: 'iso-8859-1' },
    { id: 'ok.json-body.utf-16', description: 'a live refresh token in a UTF-16 JSON body labelled charset=utf-16 (answered in UTF-16)', role: 'documented', expect: ok, token: { kind: 'chain' }, body: utf16(json(JSON_REFRESH)) },
    { id: 'ok.xml-body.utf-16', description: 'a live refresh token in a UTF-16 XML body labelled charset=utf-16 (answered in UTF-16)', role: 'documented', expect: ok, token: { kind: 'chain' }, body: utf16(xml(XML_REFRESH)) },
    { id: 'unauthorized.unknown-token.json-body', description: 'a refresh token the server never issued', role: 'documented', expect: unauthorized, token: literal(UNKNOWN_TOKEN), body: json(JSON_REFRESH) },
    { id: 'unauthorized.unknown-token.xml-body', description: 'a refresh token the server never issued', role: 'documented', expect: unauthorized, token: literal(UNKNOWN_TOKEN), body: xml(XML_REFRESH) },
    { id: 'unauthorized.unknown-token.accept-charset-ranked', description: `a refresh token the server never issued, Accept-Charset: ${RANKED_CHARSETS} (the error in UTF-16)`, role: 'documented', expect: unauthorized, token: literal(UNKNOWN_TOKEN), body: json(JSON_REFRESH), acceptCharset: RANKED_CHARSETS },
    { id: 'unauthorized.malformed-token.json-body', description: 'a value not shaped like a token', role: 'documented', expect: unauthorized, token: literal(MALFORMED_TOKEN), body: json(JSON_REFRESH) },
    { id: 'unauthorized.malformed-token.xml-body', description: 'a value not shaped like a token', role: 'documented', expect: unauthorized, token: literal(MALFORMED_TOKEN), body: xml(XML_REFRESH) },
    { id: 'unauthorized.expired-token.json-body', description: 'a refresh token past its lifetime', role: 'expired', expect: unauthorized, token: { kind: 'expired' }, body: json(JSON_REFRESH) },
    { id: 'unauthorized.expired-token.xml-body', description: 'a refresh token past its lifetime', role: 'expired', expect: unauthorized, token: { kind: 'expired' }, body: xml(XML_REFRESH) },
    { id: 'unauthorized.used-token.json-body', description: 'a refresh (default grant type), then the used token again, then its successor', role: 'rotation', expect: unauthorized, token: { kind: 'rotation' }, body: json(JSON_REFRESH_DEFAULT_GRANT) },
    { id: 'unauthorized.used-token.xml-body', description: 'a refresh (default grant type), then the used token again, then its successor', role: 'rotation', expect: unauthorized, token: { kind: 'rotation' }, body: xml(XML_REFRESH_DEFAULT_GRANT) },
    { id: 'bad-request.missing-token.json-body', description: 'no refresh_token member', role: 'documented', expect: badRequest, body: json(jsonBody({ [REQUEST_JSON.grantType]: REQUEST_JSON.supportedGrant })) },
    { id: 'bad-request.missing-token.xml-body', description: 'no Refreshtoken element', role: 'documented', expect: badRequest, body: xml(xmlBody([[REQUEST_XML.grantType, REQUEST_JSON.supportedGrant]])) },
    { id: 'bad-request.empty-token.json-body', description: 'an empty refresh_token', role: 'documented', expect: badRequest, body: json(jsonBody({ [REQUEST_JSON.refreshToken]: '' })) },
    { id: 'bad-request.empty-token.xml-body', description: 'an empty Refreshtoken element', role: 'documented', expect: badRequest, body: xml(xmlBody([[REQUEST_XML.refreshToken, '']])) },
    { id: 'bad-request.unsupported-grant.json-body', description: 'grant_type "password"', role: 'documented', expect: badRequest, token: literal(UNKNOWN_TOKEN), body: json(jsonBody({ [REQUEST_JSON.refreshToken]: TOKEN_PLACEHOLDER, [REQUEST_JSON.grantType]: 'password' })) },
    { id: 'bad-request.unsupported-grant.xml-body', description: 'GrantType "password"', role: 'documented', expect: badRequest, token: literal(UNKNOWN_TOKEN), body: xml(xmlBody([[REQUEST_XML.grantType, 'password'], [REQUEST_XML.refreshToken, TOKEN_PLACEHOLDER]])) },
    { id: 'bad-request.malformed-json', description: 'a JSON body cut short', role: 'documented', expect: badRequest, body: json(`{"${REQUEST_JSON.refreshToken}": "${UNKNOWN_TOKEN}"`) },
    { id: 'bad-request.malformed-xml', description: 'an XML body with an unclosed element', role: 'documented', expect: badRequest, body: xml(XML_REFRESH.replace(`</${REQUEST_XML.refreshToken}>`, '').replace(TOKEN_PLACEHOLDER, UNKNOWN_TOKEN)) },
    { id: 'bad-request.wrong-namespace', description: 'the request root in another namespace (binds nothing)', role: 'documented', expect: badRequest, body: xml(xmlBody([[REQUEST_XML.refreshToken, UNKNOWN_TOKEN]], REQUEST_XML.root, 'http://schemas.datacontract.org/2004/07/AuthenticationServer')) },
    { id: 'bad-request.wrong-root', description: 'another root element name (binds nothing)', role: 'documented', expect: badRequest, body: xml(xmlBody([[REQUEST_XML.refreshToken, UNKNOWN_TOKEN]], 'RefreshTokenBindingModel')) },
    { id: 'unsupported-media-type', description: 'a text/plain body no formatter reads', role: 'documented', expect: { status: 415, body: 'error' }, body: { format: 'other', contentType: 'text/plain; charset=utf-8', template: `${REQUEST_JSON.refreshToken}=${UNKNOWN_TOKEN}` } },
    { id: 'server-error.json-body', description: 'a valid token while the token store is down', role: 'server-error', expect: { status: 500, body: 'error' }, token: { kind: 'store-down' }, body: json(JSON_REFRESH) },
    { id: 'server-error.xml-body', description: 'a valid token while the token store is down', role: 'server-error', expect: { status: 500, body: 'error' }, token: { kind: 'store-down' }, body: xml(XML_REFRESH) },
  ];
}
