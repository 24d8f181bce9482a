// Input cases derived from a request's shape, the same rules for every endpoint: per required
// member missing, empty, of the wrong type and under a wrong-case key; unknown members; an
// integer sent as a JSON string (Json.NET converts it, a strict binder does not: the finding says
// which the server did); the XML order rule; hostile values in each string member. Each starts
// from a baseline body whose answer the role knows (wrong credentials: 401; an unknown refresh
// token: 401; a generic page's own sample: 200). Where the doc does not say which code an input
// gets (model validation's 400 or the credential check's 401), any documented 4xx is right.

import { TOKEN_PLACEHOLDER, type CaseRisk, type MediaType, type ProbeCase, type TokenSpec } from '../caseTypes.ts';
import { xmlText, type RequestMemberShape, type RequestShape, type XmlFrame } from '../../endpoints/requestShape.ts';

/** A body the role knows the answer to, which each case changes in one way. */
export interface Baseline {
  json: Record<string, unknown>;
  xml?: XmlFrame;
  expect: ProbeCase['expect'];
  token?: TokenSpec;
  /** The made-up password of a login baseline, kept by every case whose body still carries it. */
  sentPassword?: string;
}

const UNKNOWN_MEMBER = 'conformanceUnknownMember';
const WRONG_TYPE_VALUE: Record<string, unknown> = { integer: 'not-a-number', 'decimal number': 'not-a-number', boolean: 'not-a-boolean', date: 'not-a-date', string: { not: 'a string' }, other: 'not-an-object' };

/** Hostile strings for every string member: none may get a 500 or come back echoed. */
export const HOSTILE_VALUES: readonly { id: string; description: string; value: string; risk?: CaseRisk }[] = [
  { id: 'sql-injection', description: 'an SQL injection string', value: "' OR '1'='1' --; DROP TABLE USERS; --" },
  { id: 'script-markup', description: 'HTML script markup', value: '<script>alert(1)</script>' },
  { id: 'crlf-injection', description: 'CR LF and a header line', value: 'abc\r\nSet-Cookie: probe=1\r\n\r\n' },
  { id: 'control-characters', description: 'NUL and other control characters', value: 'abc\u0000\u0001\u001b[31mdef' },
  { id: 'unicode', description: 'non-ASCII letters, CJK, an emoji and a right-to-left override', value: 'tökén-漢字-😀-\u202eabc' },
  { id: 'format-string', description: '.NET and C format placeholders', value: '{0}{1}%s%n{999999999}' },
  { id: 'path-traversal', description: 'a path traversal string', value: '../../../../windows/win.ini%00' },
  { id: 'oversized', description: 'a 64 kB value', value: 'A'.repeat(64 * 1024) },
];

/** The name in other letter cases: lower case, or upper case when it already is lower case. */
const otherCase = (name: string) => (name.toLowerCase() !== name ? name.toLowerCase() : name.toUpperCase());
const article = (type: string) => `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;

const JSON_TYPES: readonly MediaType[] = ['application/json', 'text/json'];
const XML_TYPES: readonly MediaType[] = ['application/xml', 'text/xml'];

export interface DerivedOptions {
  /** Every documented 4xx of the endpoint (400 when the page documents none). */
  documented4xx: readonly number[];
  /** Hostile values in string members (not for a generic page, whose baseline would act on a live server). */
  hostile: boolean;
}

export function modelCases(shape: RequestShape, baseline: Baseline, options: DerivedOptions): ProbeCase[] {
  const cases: ProbeCase[] = [];
  const any4xx: ProbeCase['expect'] = { status: options.documented4xx[0]!, body: 'error', oneOf: options.documented4xx };
  let turn = 0;
  const accepts = (format: 'json' | 'xml'): readonly MediaType[] => [(format === 'json' ? JSON_TYPES : XML_TYPES)[turn++ % 2]!];
  const add = (id: string, description: string, format: 'json' | 'xml', template: string | undefined, expect: ProbeCase['expect'], role: 'documented' | 'hostile' = 'documented', risk?: CaseRisk, typeVariant?: ProbeCase['typeVariant']) => {
    if (template === undefined) return;
    // The baseline's token goes with the cases whose body still carries its placeholder.
    const token = baseline.token && template.includes(TOKEN_PLACEHOLDER) ? { token: baseline.token } : {};
    const password = baseline.sentPassword && template.includes(baseline.sentPassword) ? { sentPassword: baseline.sentPassword } : {};
    cases.push({ id, description, role, expect, ...token, ...password, body: { format, template }, accepts: accepts(format), ...(risk ? { risk } : {}), ...(typeVariant ? { typeVariant } : {}) });
  };
  const json = (change: (body: Record<string, unknown>) => void) => {
    const body = { ...baseline.json };
    change(body);
    return JSON.stringify(body);
  };
  const frame = baseline.xml;
  const xml = (change: (children: [string, string][]) => [string, string][]) => (frame ? xmlText(frame, change(frame.children.map(([n, t]) => [n, t]))) : undefined);
  const hasElement = (m: RequestMemberShape) => frame !== undefined && m.xml !== undefined && frame.children.some(([n]) => n === m.xml);

  for (const m of shape.members.filter((x) => x.required)) {
    const key = m.json;
    add(`input.${key}.missing.json-body`, `no ${key} member`, 'json', json((b) => delete b[key]), any4xx);
    add(`input.${key}.empty.json-body`, `an empty ${key}`, 'json', json((b) => (b[key] = '')), any4xx);
    add(`input.${key}.wrong-type.json-body`, `${key} of the wrong type (${JSON.stringify(WRONG_TYPE_VALUE[m.type])} for ${m.type === 'other' ? 'an object' : article(m.type)})`, 'json', json((b) => (b[key] = WRONG_TYPE_VALUE[m.type])), any4xx);
    // Json.NET binds keys case-insensitively: either answer is right, a 500 is not.
    add(`input.${key}.wrong-case.json-body`, `the ${key} key as ${otherCase(key)} (Json.NET binds it case-insensitively)`, 'json', json((b) => { b[otherCase(key)] = b[key]; delete b[key]; }), { ...baseline.expect, oneOf: [...new Set([baseline.expect.status, ...options.documented4xx])] });
    if (!hasElement(m)) continue;
    const element = m.xml!;
    add(`input.${key}.missing.xml-body`, `no ${element} element`, 'xml', xml((c) => c.filter(([n]) => n !== element)), any4xx);
    add(`input.${key}.empty.xml-body`, `an empty ${element} element`, 'xml', xml((c) => c.map(([n, t]) => [n, n === element ? '' : t])), any4xx);
    if (m.type !== 'string' && m.type !== 'other') add(`input.${key}.wrong-type.xml-body`, `${element} of the wrong type ("not-a-value" for ${article(m.type)})`, 'xml', xml((c) => c.map(([n, t]) => [n, n === element ? 'not-a-value' : t])), any4xx);
    // DataContractSerializer matches names exactly: the member is missing.
    add(`input.${key}.wrong-case.xml-body`, `the ${element} element as ${otherCase(element)} (DataContractSerializer matches names exactly)`, 'xml', xml((c) => c.map(([n, t]) => [n === element ? otherCase(element) : n, t])), any4xx);
  }
  for (const m of shape.members.filter((x) => x.type === 'integer' && typeof baseline.json[x.json] === 'number')) {
    add(`input.${m.json}.as-string.json-body`, `${m.json} as a JSON string (${JSON.stringify(String(baseline.json[m.json]))}): the page types it integer`, 'json', json((b) => (b[m.json] = String(b[m.json]))), { ...baseline.expect, oneOf: [...new Set([baseline.expect.status, ...options.documented4xx])] }, 'documented', undefined, { member: m.json, documented: 'integer', sent: 'string' });
  }
  add('input.unknown-member.json-body', `an unknown member ${UNKNOWN_MEMBER} (ignored by Json.NET)`, 'json', json((b) => (b[UNKNOWN_MEMBER] = 'x')), baseline.expect);
  if (frame) {
    add('input.unknown-member.xml-body', `an unknown element ${UNKNOWN_MEMBER[0]!.toUpperCase()}${UNKNOWN_MEMBER.slice(1)} last (ignored by DataContractSerializer)`, 'xml', xml((c) => [...c, [`${UNKNOWN_MEMBER[0]!.toUpperCase()}${UNKNOWN_MEMBER.slice(1)}`, 'x']]), baseline.expect);
    const reversed = [...frame.children].reverse();
    if (reversed.length > 1) {
      // DataContractSerializer reads in order and skips what comes back out of order: only the last element binds.
      const lost = shape.members.filter((m) => m.required && m.xml !== undefined && m.xml !== reversed[0]![0] && frame.children.some(([n]) => n === m.xml));
      add('input.xml-order.xml-body', `the elements in reverse order (DataContractSerializer skips ${lost.length > 0 ? lost.map((m) => m.xml).join(', ') : 'the optional ones'})`, 'xml', xml(() => reversed), lost.length > 0 ? any4xx : baseline.expect);
    }
  }
  if (options.hostile) {
    for (const m of shape.members.filter((x) => x.type === 'string')) {
      for (const h of HOSTILE_VALUES) add(`hostile.${m.json}.${h.id}`, `${h.description} in ${m.json}`, 'json', json((b) => (b[m.json] = h.value)), any4xx, 'hostile', h.risk);
      if (hasElement(m)) add(`hostile.${m.json}.xml-markup`, `escaped markup in ${m.xml}`, 'xml', xml((c) => c.map(([n, t]) => [n, n === m.xml ? '&lt;/' + m.xml + '&gt;&lt;x&gt;&amp;amp;' : t])), any4xx, 'hostile');
    }
  }
  return cases;
}
