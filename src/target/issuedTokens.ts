// Reads the tokens a token response hands out, in whatever naming and format it came, so the
// chain can carry the new refresh token on and the redactor learns every live value.

import { registerSecret } from '../redaction/redactor.ts';
import { namingMap } from '../schemas/load.ts';
import { parseXmlDocument } from '../xml/safeParse.ts';

export interface IssuedTokens {
  accessToken?: string;
  refreshToken?: string;
}

function membersNamed(member: string) {
  const found = namingMap().response.members.find((m) => m.member === member);
  if (!found) throw new Error(`naming map: TokenResponse has no member ${member}`);
  return found;
}

/** The tokens in a JSON or XML token response body; nothing when it does not parse. */
export function readIssuedTokens(body: string): IssuedTokens {
  const access = membersNamed('accessToken');
  const refresh = membersNamed('refreshToken');
  const text = body.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) {
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
    const pick = (m: typeof access) => [value[m.jsonBackingField], value[m.documented]].find((v): v is string => typeof v === 'string' && v !== '');
    return tokens(pick(access), pick(refresh));
  }
  if (text.startsWith('<')) {
    let children;
    try {
      children = parseXmlDocument(text).children;
    } catch {
      return {};
    }
    const pick = (m: typeof access) => children.find((c) => c.localName === m.xmlBackingField || c.localName === m.xmlDocumented)?.text || undefined;
    return tokens(pick(access), pick(refresh));
  }
  return {};
}

function tokens(accessToken: string | undefined, refreshToken: string | undefined): IssuedTokens {
  return { ...(accessToken ? { accessToken } : {}), ...(refreshToken ? { refreshToken } : {}) };
}

/** The tokens a body hands out, each registered with the redactor before anything can print it. */
export function learnIssuedTokens(body: string): IssuedTokens {
  const issued = readIssuedTokens(body);
  registerSecret(issued.accessToken);
  registerSecret(issued.refreshToken);
  return issued;
}
