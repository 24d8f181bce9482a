// Hostile and malformed requests: none may get a 500 or hang the server. The statuses are not
// judged (a 400, 401 or 413 are all fine answers); only input.no-server-error and the body
// hygiene checks (no details, no echo, no DOCTYPE, the negotiated type) apply.

import type { NamingMap } from '../naming/namingMap.ts';
import type { CaseRisk, MediaType, ProbeCase, TokenSpec } from './caseTypes.ts';
import { TOKEN_PLACEHOLDER } from './caseTypes.ts';
import { jsonBody, refreshBodies } from './requestBodies.ts';

const TOKENISH = 'aG9zdGlsZS1wcm9iZS10b2tlbi0wMDAx';
const DEPTH = 5000;

function hostile(id: string, description: string, format: 'json' | 'xml' | 'other', template: string, extra: { token?: TokenSpec; contentType?: string; encoding?: string; accept?: MediaType; acceptHeader?: string; risk?: CaseRisk } = {}): ProbeCase {
  return {
    id: `hostile.${id}`,
    description,
    role: 'hostile',
    expect: { status: 400, body: 'error' },
    ...(extra.token ? { token: extra.token } : {}),
    body: { format, template, ...(extra.contentType ? { contentType: extra.contentType } : {}), ...(extra.encoding ? { encoding: extra.encoding } : {}) },
    accepts: [extra.accept ?? (format === 'xml' ? 'application/xml' : 'application/json')],
    ...(extra.acceptHeader ? { acceptHeader: extra.acceptHeader } : {}),
    ...(extra.risk ? { risk: extra.risk } : {}),
  };
}

const LAUGHS = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('');

export function hostileRefreshCases(naming: NamingMap): ProbeCase[] {
  const { json: REQUEST_JSON, xml: REQUEST_XML, xmlBody, jsonRefresh: JSON_REFRESH, xmlRefresh: XML_REFRESH } = refreshBodies(naming);
  const RT = REQUEST_JSON.refreshToken;
  /** A JSON refresh body carrying `value` as the token (escaped when the request is built). */
  const jsonToken = (id: string, description: string, value: string, accept?: MediaType) => hostile(id, description, 'json', JSON_REFRESH, { token: { kind: 'literal', value }, ...(accept ? { accept } : {}) });
  const xmlToken = (id: string, description: string, value: string, accept?: MediaType) => hostile(id, description, 'xml', XML_REFRESH, { token: { kind: 'literal', value }, ...(accept ? { accept } : {}) });
  const XML_HEAD = `<${REQUEST_XML.root} xmlns="${REQUEST_XML.namespace}">`;
  const XML_TAIL = `</${REQUEST_XML.root}>`;
  return [
    jsonToken('oversized-token', 'a 200 kB refresh token', 'A'.repeat(200_000)),
    hostile('oversized-body', 'a 2 MiB JSON body (beyond usual request limits)', 'json', jsonBody({ [RT]: 'B'.repeat(2 * 1024 * 1024) })),
    jsonToken('unicode-token', 'non-ASCII letters, CJK and an emoji in the token', 'tökén-漢字-😀-ümlaut', 'text/json'),
    jsonToken('control-characters', 'NUL and other control characters in the token', 'abc\u0000\u0001\u001b[31m\u007fdef'),
    jsonToken('bidi-and-zero-width', 'right-to-left override and zero-width characters', 'abc\u202e\u200b\u2060\ufeffdef'),
    hostile('lone-surrogate', 'a lone UTF-16 surrogate escape in the token', 'json', `{"${RT}":"abc\\ud800def"}`),
    jsonToken('crlf-injection', 'CR LF and a header line in the token', 'abc\r\nSet-Cookie: probe=1\r\n\r\n'),
    jsonToken('sql-injection', 'an SQL injection string', "' OR '1'='1' --; DROP TABLE TOKENS; --"),
    jsonToken('command-injection', 'shell metacharacters', '$(id); `id` | cat /etc/passwd && echo'),
    jsonToken('path-traversal', 'a path traversal string', '../../../../../../windows/win.ini%00'),
    jsonToken('format-string', '.NET and C format placeholders', '{0}{1}%s%s%n%x{999999999}'),
    jsonToken('script-markup', 'HTML script markup', '<script>alert(1)</script><img src=x onerror=alert(1)>', 'text/json'),
    jsonToken('ldap-xpath-injection', 'LDAP and XPath metacharacters', "*)(uid=*))(|(uid=*' or '1'='1"),
    hostile('nosql-operator', 'an operator object instead of the token', 'json', `{"${RT}":{"$ne":null},"${REQUEST_JSON.grantType}":{"$gt":""}}`),
    hostile('deep-json-array', `arrays nested ${DEPTH} deep`, 'json', `{"${RT}":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`, { risk: 'deep-nesting' }),
    hostile('deep-json-object', `objects nested ${DEPTH} deep`, 'json', `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`, { risk: 'deep-nesting' }),
    hostile('duplicate-keys', 'the refresh_token key twice', 'json', `{"${RT}":"${TOKENISH}","${RT}":"${TOKENISH}x"}`),
    hostile('case-variant-keys', 'the refresh_token key in several letter cases', 'json', `{"REFRESH_TOKEN":"${TOKENISH}","Refresh_Token":"${TOKENISH}y"}`),
    hostile('proto-key', 'a __proto__ member carrying the token', 'json', `{"__proto__":{"${RT}":"${TOKENISH}"},"${RT}":"${TOKENISH}z"}`),
    hostile('constructor-key', 'a constructor.prototype member', 'json', `{"constructor":{"prototype":{"${RT}":"${TOKENISH}"}}}`),
    hostile('token-as-number', 'a huge number as the token', 'json', `{"${RT}":123456789012345678901234567890e999}`),
    hostile('token-as-array', 'an array as the token', 'json', `{"${RT}":["${TOKENISH}","${TOKENISH}"]}`),
    hostile('token-as-null', 'null as the token', 'json', `{"${RT}":null}`, { accept: 'text/json' }),
    hostile('token-as-boolean', 'true as the token', 'json', `{"${RT}":true}`),
    hostile('array-root', 'an array as the body', 'json', `[{"${RT}":"${TOKENISH}"}]`),
    hostile('string-root', 'a JSON string as the body', 'json', `"${TOKENISH}"`),
    hostile('empty-json-body', 'an empty body labelled JSON', 'json', ''),
    hostile('json-with-bom', 'a byte-order mark before the JSON', 'json', `\ufeff{"${RT}":"${TOKENISH}"}`),
    hostile('many-keys', '20 000 members', 'json', `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":${i}`).join(',')},"${RT}":"${TOKENISH}"}`),
    hostile('json-comments-trailing-comma', 'comments and a trailing comma', 'json', `{/* c */"${RT}":"${TOKENISH}",}`),
    hostile('wrong-charset', 'a UTF-8 JSON body labelled charset=utf-16', 'json', JSON_REFRESH.replace(TOKEN_PLACEHOLDER, TOKENISH), { contentType: 'application/json; charset=utf-16', encoding: 'utf-8' }),
    hostile('garbage-accept', 'an Accept header no formatter knows (Web API falls back to JSON)', 'json', JSON_REFRESH.replace(TOKEN_PLACEHOLDER, TOKENISH), { acceptHeader: 'application/x-unknown;q=abc, */*;;, ../../etc' }),
    hostile('xxe-file', 'an external entity pointing at a local file', 'xml', `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${XML_HEAD}<${REQUEST_XML.refreshToken}>&xxe;</${REQUEST_XML.refreshToken}>${XML_TAIL}`, { risk: 'external-entity' }),
    hostile('xxe-network', 'an external entity pointing at the network', 'xml', `<!DOCTYPE r [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/xxe">]>${XML_HEAD}<${REQUEST_XML.refreshToken}>&xxe;</${REQUEST_XML.refreshToken}>${XML_TAIL}`, { accept: 'text/xml', risk: 'external-entity' }),
    hostile('xxe-parameter-entity', 'an external parameter entity', 'xml', `<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>${XML_HEAD}${XML_TAIL}`, { risk: 'external-entity' }),
    hostile('billion-laughs', 'nested entity expansion', 'xml', `<!DOCTYPE r [${LAUGHS}]>${XML_HEAD}<${REQUEST_XML.refreshToken}>&lol9;</${REQUEST_XML.refreshToken}>${XML_TAIL}`, { risk: 'entity-expansion' }),
    hostile('xml-out-of-order', 'Refreshtoken before GrantType (the server skips what comes out of order)', 'xml', xmlBody([[REQUEST_XML.refreshToken, TOKENISH], [REQUEST_XML.grantType, 'password']])),
    hostile('xml-case-variant', 'element names in other letter cases', 'xml', xmlBody([[REQUEST_XML.refreshToken.toLowerCase(), TOKENISH], [REQUEST_XML.grantType.toUpperCase(), 'x']])),
    hostile('xml-cdata-token', 'the token in a CDATA section', 'xml', xmlBody([[REQUEST_XML.refreshToken, `<![CDATA[${TOKENISH}]]>`]]), { accept: 'text/xml' }),
    hostile('xml-nil-token', 'Refreshtoken i:nil="true"', 'xml', `<${REQUEST_XML.root} xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="${REQUEST_XML.namespace}"><${REQUEST_XML.refreshToken} i:nil="true"/>${XML_TAIL}`),
    hostile('xml-deep-nesting', `elements nested ${DEPTH} deep inside the token`, 'xml', xmlBody([[REQUEST_XML.refreshToken, `${'<a>'.repeat(DEPTH)}x${'</a>'.repeat(DEPTH)}`]]), { risk: 'deep-nesting' }),
    hostile('xml-wrong-type', 'a non-integer ControllerVersion', 'xml', xmlBody([[REQUEST_XML.version, 'three'], [REQUEST_XML.refreshToken, TOKENISH]])),
    hostile('xml-control-characters', 'control characters (not allowed in XML 1.0) in the token', 'xml', xmlBody([[REQUEST_XML.refreshToken, 'abc\u0001\u0008def']])),
    xmlToken('xml-markup-token', 'markup characters in the token (escaped)', '</Refreshtoken><GrantType>password</GrantType>&amp;'),
    hostile('xml-utf16-declaration', 'a UTF-8 body declaring encoding="utf-16"', 'xml', `<?xml version="1.0" encoding="utf-16"?>${xmlBody([[REQUEST_XML.refreshToken, TOKENISH]])}`),
    hostile('xml-many-attributes', '5 000 attributes on the root', 'xml', `<${REQUEST_XML.root} xmlns="${REQUEST_XML.namespace}" ${Array.from({ length: 5000 }, (_, i) => `a${i}="${i}"`).join(' ')}><${REQUEST_XML.refreshToken}>${TOKENISH}</${REQUEST_XML.refreshToken}>${XML_TAIL}`),
    hostile('xml-json-mislabelled', 'a JSON body labelled application/xml', 'json', JSON_REFRESH.replace(TOKEN_PLACEHOLDER, TOKENISH), { contentType: 'application/xml; charset=utf-8', accept: 'application/xml' }),
  ];
}
