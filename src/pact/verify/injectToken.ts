// The verifier's requestFilter: puts a live refresh token into the request body in place of
// the contract's synthetic one, and fixes Content-Length to the rewritten body. Pact's proxy
// has parsed a JSON body into an object and left any other body as a Buffer.

import { registerSecret } from '../../redaction/redactor.ts';
import { namingMap } from '../../schemas/load.ts';
import { xmlElement } from '../bodies.ts';
import { requestMembers } from '../client.ts';

export interface FilterRequest {
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** Rewrites `req` in place; returns false when the body carries no refresh token to replace. */
export function injectRefreshToken(req: FilterRequest, token: string): boolean {
  registerSecret(token);
  const { json, xml } = requestMembers().token;
  let text: string;
  if (Buffer.isBuffer(req.body)) {
    const element = xml ?? json;
    const pattern = new RegExp(`<${element}>[^<]*</${element}>`);
    const original = req.body.toString('utf8');
    if (!pattern.test(original) || !original.includes(namingMap().request.xmlNamespace)) return false;
    text = original.replace(pattern, () => xmlElement(element, token));
    req.body = Buffer.from(text, 'utf8');
  } else if (req.body && typeof req.body === 'object' && json in req.body) {
    (req.body as Record<string, unknown>)[json] = token;
    text = JSON.stringify(req.body);
  } else {
    return false;
  }
  req.headers['content-length'] = String(Buffer.byteLength(text, 'utf8'));
  return true;
}
