// The verification's request rewriting: puts live values (a refresh token, a user's credentials)
// into a request body in place of the contract's synthetic ones, before the capture proxy sends
// it on. A JSON body is parsed and written again; in an XML body the elements are found by the
// endpoint's DataContract names.

import type { TestedEndpoint } from '../../endpoints/testedEndpoint.ts';
import { mediaTypeEssence } from '../../http/mediaType.ts';
import { parseJsonObject } from '../../json/object.ts';
import { registerSecret } from '../../redaction/redactor.ts';
import { xmlElement } from '../bodies.ts';
import type { Example } from '../schemaMatchers.ts';

/** A request body on its way to the target. */
export interface OutgoingBody {
  contentType: string | undefined;
  text: string;
}

const JSON_MEDIA = /^(application|text)\/([\w.-]+\+)?json$/i;

/** `body` with `values` (by JSON name) in place of the contract's, or undefined when it does not carry every one of them. */
export function injectValues(body: OutgoingBody, endpoint: TestedEndpoint, values: Readonly<Record<string, Example>>): string | undefined {
  const { members, xmlNamespace } = endpoint.wire!.naming.request;
  const slots = Object.entries(values).map(([json, value]) => ({ json, element: members.find((m) => m.json === json)?.xml ?? json, value }));
  if (JSON_MEDIA.test(mediaTypeEssence(body.contentType))) {
    const parsed = parseJsonObject(body.text);
    if (!parsed || !slots.every((s) => s.json in parsed)) return undefined;
    for (const { json, value } of slots) parsed[json] = value;
    return JSON.stringify(parsed);
  }
  let xml = body.text;
  if (!xml.includes(xmlNamespace)) return undefined;
  for (const { element, value } of slots) {
    const pattern = new RegExp(`<${element}>[^<]*</${element}>`);
    if (!pattern.test(xml)) return undefined;
    xml = xml.replace(pattern, () => xmlElement(element, String(value)));
  }
  return xml;
}

/** A refreshing endpoint's refresh token member with `token` in it. */
export function refreshTokenValues(endpoint: TestedEndpoint, token: string): Record<string, Example> {
  const member = endpoint.wire!.naming.request.members.find((m) => !m.optional)!;
  return { [member.json]: token };
}

/** A refreshing endpoint's request with the live refresh token in its required member. */
export function injectRefreshToken(body: OutgoingBody, endpoint: TestedEndpoint, token: string): string | undefined {
  registerSecret(token);
  return injectValues(body, endpoint, refreshTokenValues(endpoint, token));
}
