// The verifier's requestFilter work: puts live values (a refresh token, a user's credentials)
// into the request body in place of the contract's synthetic ones, and fixes Content-Length to
// the rewritten body. Pact's proxy has parsed a JSON body into an object and left any other
// body as a Buffer; XML elements are found by the endpoint's DataContract names.

import type { TestedEndpoint } from '../../endpoints/testedEndpoint.ts';
import { registerSecret } from '../../redaction/redactor.ts';
import { xmlElement } from '../bodies.ts';
import type { Example } from '../schemaMatchers.ts';

export interface FilterRequest {
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** Rewrites `req` in place with `values` (by JSON name); returns false when the body does not carry every one of them. */
export function injectValues(req: FilterRequest, endpoint: TestedEndpoint, values: Readonly<Record<string, Example>>): boolean {
  const { members, xmlNamespace } = endpoint.wire!.naming.request;
  const slots = Object.entries(values).map(([json, value]) => ({ json, element: members.find((m) => m.json === json)?.xml ?? json, value }));
  let text: string;
  if (Buffer.isBuffer(req.body)) {
    let xml = req.body.toString('utf8');
    if (!xml.includes(xmlNamespace)) return false;
    for (const { element, value } of slots) {
      const pattern = new RegExp(`<${element}>[^<]*</${element}>`);
      if (!pattern.test(xml)) return false;
      xml = xml.replace(pattern, () => xmlElement(element, String(value)));
    }
    text = xml;
    req.body = Buffer.from(text, 'utf8');
  } else if (req.body && typeof req.body === 'object' && slots.every((s) => s.json in (req.body as object))) {
    for (const { json, value } of slots) (req.body as Record<string, unknown>)[json] = value;
    text = JSON.stringify(req.body);
  } else {
    return false;
  }
  req.headers['content-length'] = String(Buffer.byteLength(text, 'utf8'));
  return true;
}

/** A refreshing endpoint's refresh token member with `token` in it. */
export function refreshTokenValues(endpoint: TestedEndpoint, token: string): Record<string, Example> {
  const member = endpoint.wire!.naming.request.members.find((m) => !m.optional)!;
  return { [member.json]: token };
}

/** A refreshing endpoint's request with the live refresh token in its required member. */
export function injectRefreshToken(req: FilterRequest, endpoint: TestedEndpoint, token: string): boolean {
  registerSecret(token);
  return injectValues(req, endpoint, refreshTokenValues(endpoint, token));
}
