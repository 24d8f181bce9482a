// The cases each role adds to the derived input cases: an issuing endpoint's login with the
// configured credentials (200), with credentials no user has (401) and while the store is down
// (500); a refreshing endpoint's own table (documentedCases.ts, hostileCases.ts) and a refresh of
// a token fresh from each issuing endpoint of the run (corp login's tokens are refreshed and
// judged too); a generic endpoint's documented 200 with the page's own sample and the 415. Every
// body is built from the endpoint's request shape, never spelled by hand.

import type { TestedEndpoint } from '../../endpoints/testedEndpoint.ts';
import { credentialPlaceholder, type MediaType, type ProbeCase } from '../caseTypes.ts';
import { documentedRefreshCases, UNKNOWN_TOKEN } from '../documentedCases.ts';
import { hostileRefreshCases } from '../hostileCases.ts';
import { refreshBodies } from '../requestBodies.ts';
import { TOKEN_PLACEHOLDER } from '../caseTypes.ts';
import { modelCases, type Baseline } from './modelCases.ts';
import { requestShape, xmlText, type RequestMemberShape, type RequestShape } from '../../endpoints/requestShape.ts';
import { escapeXmlText } from '../../xml/text.ts';

const JSON_AND_XML_ACCEPTS: readonly MediaType[] = ['application/json', 'text/json', 'application/xml', 'text/xml'];

function documented4xx(endpoint: TestedEndpoint): number[] {
  const codes = endpoint.api.responseCodes.map((c) => c.status).filter((s) => s >= 400 && s < 500);
  return codes.length > 0 ? codes : [400];
}

const WRONG_PASSWORD = 'not-the-password-0';

/** A credential no user has: an unknown user with a wrong password, the group or company kept plausible. */
function unknownCredential(m: RequestMemberShape): string | number {
  if (m.type === 'integer') return 1;
  if (m.dataType === 'Password') return WRONG_PASSWORD;
  if (m.dataType === 'EmailAddress') return 'no-such-user@conformance.invalid';
  return `conformance-no-such-${m.json.toLowerCase()}`;
}

/** JSON and XML bodies of an issuing endpoint from member values (raw JSON for placeholders of integers). */
function issuingBodies(shape: RequestShape, value: (m: RequestMemberShape) => { json: unknown; xml: string }): { json: Record<string, unknown>; xml: Baseline['xml'] } {
  const credentials = shape.members.filter((m) => m.required);
  const json = Object.fromEntries(credentials.map((m) => [m.json, value(m).json]));
  const frame = shape.sample.xml!;
  const children = (shape.xmlOrder ?? []).flatMap((element): [string, string][] => {
    const m = credentials.find((c) => c.xml === element);
    return m ? [[element, value(m).xml]] : [];
  });
  return { json, xml: { ...frame, children } };
}

/** An integer credential's placeholder goes in unquoted, so the body carries a JSON number. */
const RAW = (placeholder: string) => `@@RAW${placeholder}@@`;
const unquoteRaw = (json: string) => json.replace(/"@@RAW(.*?)@@"/g, '$1');

function issuingCases(endpoint: TestedEndpoint, shape: RequestShape): ProbeCase[] {
  const wrong = issuingBodies(shape, (m) => ({ json: unknownCredential(m), xml: escapeXmlText(String(unknownCredential(m))) }));
  const valid = issuingBodies(shape, (m) => ({ json: m.type === 'integer' ? RAW(credentialPlaceholder(m.json)) : credentialPlaceholder(m.json), xml: credentialPlaceholder(m.json) }));
  const validJson = unquoteRaw(JSON.stringify(valid.json));
  const validXml = xmlText(valid.xml!);
  const ok = { status: 200, body: 'token' } as const;
  const refused = { status: 401, body: 'error' } as const;
  const baseline: Baseline = { json: wrong.json, ...(wrong.xml ? { xml: wrong.xml } : {}), expect: refused, sentPassword: WRONG_PASSWORD };
  return [
    { id: 'ok.json-body', description: 'the configured credentials in a JSON body', role: 'documented', expect: ok, token: { kind: 'credentials' }, body: { format: 'json', template: validJson } },
    { id: 'ok.xml-body', description: "the configured credentials in the doc's XML body (DataContract order)", role: 'documented', expect: ok, token: { kind: 'credentials' }, body: { format: 'xml', template: validXml } },
    { id: 'unauthorized.wrong-credentials.json-body', description: 'credentials no user has (never a 500)', role: 'documented', expect: refused, sentPassword: WRONG_PASSWORD, body: { format: 'json', template: JSON.stringify(wrong.json) } },
    { id: 'unauthorized.wrong-credentials.xml-body', description: 'credentials no user has (never a 500)', role: 'documented', expect: refused, sentPassword: WRONG_PASSWORD, body: { format: 'xml', template: xmlText(wrong.xml!) } },
    { id: 'server-error.json-body', description: 'valid credentials while the token store is down', role: 'server-error', expect: { status: 500, body: 'error' }, token: { kind: 'store-down' }, body: { format: 'json', template: validJson } },
    { id: 'server-error.xml-body', description: 'valid credentials while the token store is down', role: 'server-error', expect: { status: 500, body: 'error' }, token: { kind: 'store-down' }, body: { format: 'xml', template: validXml } },
    ...modelCases(shape, baseline, { documented4xx: documented4xx(endpoint), hostile: true }),
  ];
}

function refreshingCases(endpoint: TestedEndpoint, shape: RequestShape, issuers: readonly TestedEndpoint[]): ProbeCase[] {
  const naming = endpoint.wire!.naming;
  const bodies = refreshBodies(naming);
  const family = issuers.flatMap((issuer): ProbeCase[] => (['json', 'xml'] as const).map((format) => ({
    id: `ok.${issuer.name}-token.${format}-body`,
    description: `a refresh token fresh from ${issuer.id}`,
    role: 'documented',
    expect: { status: 200, body: 'token' },
    token: { kind: 'family', issuer: issuer.name },
    body: { format, template: format === 'json' ? bodies.jsonRefresh : bodies.xmlRefresh },
    accepts: [format === 'json' ? 'application/json' : 'application/xml'],
  })));
  const baseline: Baseline = {
    json: { [bodies.json.refreshToken]: TOKEN_PLACEHOLDER, [bodies.json.grantType]: bodies.json.supportedGrant },
    xml: { ...shape.sample.xml!, children: [[bodies.xml.grantType, bodies.json.supportedGrant], [bodies.xml.refreshToken, TOKEN_PLACEHOLDER]] },
    expect: { status: 401, body: 'error' },
    token: { kind: 'literal', value: UNKNOWN_TOKEN },
  };
  return [...documentedRefreshCases(naming), ...family, ...hostileRefreshCases(naming), ...modelCases(shape, baseline, { documented4xx: documented4xx(endpoint), hostile: true })];
}

function genericCases(endpoint: TestedEndpoint, shape: RequestShape | undefined): ProbeCase[] {
  const ok = { status: 200, body: 'document' } as const;
  const cases: ProbeCase[] = [];
  if (shape?.sample.json) cases.push({ id: 'ok.sample.json-body', description: "the page's JSON request sample", role: 'documented', expect: ok, body: { format: 'json', template: JSON.stringify(shape.sample.json) }, accepts: JSON_AND_XML_ACCEPTS });
  if (shape?.sample.xml) cases.push({ id: 'ok.sample.xml-body', description: "the page's XML request sample", role: 'documented', expect: ok, body: { format: 'xml', template: xmlText(shape.sample.xml) }, accepts: JSON_AND_XML_ACCEPTS });
  if (shape) cases.push({ id: 'unsupported-media-type', description: 'a text/plain body no formatter reads', role: 'documented', expect: { status: 415, body: 'error' }, body: { format: 'other', contentType: 'text/plain; charset=utf-8', template: 'conformance=probe' }, accepts: ['application/json'] });
  if (!endpoint.api.request && endpoint.api.uriParameters.length === 0) cases.push({ id: 'ok.no-body', description: 'the action, which takes no body', role: 'documented', expect: ok, body: { format: 'other', template: '' }, accepts: JSON_AND_XML_ACCEPTS });
  if (shape?.sample.json) cases.push(...modelCases(shape, { json: shape.sample.json, ...(shape.sample.xml ? { xml: shape.sample.xml } : {}), expect: ok }, { documented4xx: documented4xx(endpoint), hostile: false }));
  return cases;
}

/** Every case of an endpoint; `issuers` are the run's issuing endpoints (a refreshing endpoint refreshes their tokens). */
export function roleCases(endpoint: TestedEndpoint, issuers: readonly TestedEndpoint[]): ProbeCase[] {
  const shape = requestShape(endpoint);
  switch (endpoint.role) {
    case 'issuing': return issuingCases(endpoint, shape!);
    case 'refreshing': return refreshingCases(endpoint, shape!, issuers);
    case 'generic': return genericCases(endpoint, shape);
  }
}
