// token.semantics and token.clock: a 200 token response must also mean something, whatever
// its shape. Its access token expires after it was issued, expires_in says the same lifetime,
// the access token is not the refresh token, a refresh hands out a new refresh token, the type
// is bearer, and it names the user the token was issued to (when the run knows who that is).
// Advisory: .issued close to the response's own Date, or clients that compare clocks misjudge
// the token's lifetime. Every 200 token exchange is judged, whichever probe (or login) made it.

import type { Identity } from '../findings/types.ts';
import type { Check } from './check.ts';
import { wireOf, type ProbeExchange } from './exchange.ts';
import { parseBody } from './body.ts';
import { readInstant } from './instant.ts';
import { fail, failWith, pass, quote, type Outcome } from './outcome.ts';
import { textField, tokenFields, type TokenFields } from './tokenFields.ts';

/** expires_in is whole seconds and read from the clock a moment after .issued. */
export const EXPIRES_IN_TOLERANCE_SEC = 5;
/** Beyond this, .issued and the Date header disagree by more than request latency and rounding. */
export const CLOCK_TOLERANCE_SEC = 120;

function fieldsOf(exchange: ProbeExchange): TokenFields | undefined {
  const response = exchange.response;
  if (response?.status !== 200 || exchange.transportError) return undefined;
  return tokenFields(parseBody(response), wireOf(exchange));
}

/** A short name for the title, and `Received ... / Expected ...`; member names are the documented ones. */
interface Problem {
  what: string;
  message: string;
}

function problems(fields: TokenFields, exchange: ProbeExchange): Problem[] {
  const found: Problem[] = [];
  const issued = readInstant(fields.get('.issued'));
  const expires = readInstant(fields.get('.expires'));
  const comparable = issued && expires && issued.absolute === expires.absolute;
  if (comparable && expires.ms <= issued.ms) {
    found.push({ what: '.expires not after .issued', message: `Received: .expires ${quote(String(fields.get('.expires')))}, .issued ${quote(String(fields.get('.issued')))} / Expected: .expires after .issued` });
  }
  const expiresIn = seconds(fields.get('expires_in'));
  if (comparable && expiresIn !== undefined) {
    const lifetime = (expires.ms - issued.ms) / 1000;
    if (Math.abs(expiresIn - lifetime) > EXPIRES_IN_TOLERANCE_SEC) {
      found.push({ what: 'expires_in disagrees with .expires - .issued', message: `Received: expires_in ${expiresIn} s, .expires - .issued ${Math.round(lifetime)} s / Expected: the same lifetime within ${EXPIRES_IN_TOLERANCE_SEC} s` });
    }
  }
  const access = textField(fields, 'access_token');
  const refresh = textField(fields, 'refresh_token');
  if (access !== undefined && access === refresh) found.push({ what: 'access token equals refresh token', message: 'Received: access_token equal to refresh_token / Expected: two different tokens (RFC 6749 §1.5)' });
  if (refresh !== undefined && refresh === exchange.sentToken) found.push({ what: 'the presented refresh token handed back', message: 'Received: refresh_token equal to the one presented / Expected: a new refresh token' });
  if (fields.has('token_type') && String(fields.get('token_type') ?? '').toLowerCase() !== 'bearer') {
    found.push({ what: 'token_type not bearer', message: `Received: token_type ${shown(fields.get('token_type'))} / Expected: "bearer" (any letter case, RFC 6750 §4)` });
  }
  found.push(...identityProblems(fields, exchange.identity));
  return found;
}

/** A member's value in a message: quoted (and redacted) text, or null. */
function shown(value: unknown): string {
  return value === null ? 'null' : quote(String(value));
}

/** expires_in as a number of seconds (a string as documented, a number from OWIN); undefined when it is neither. */
function seconds(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}

function identityProblems(fields: TokenFields, identity: Identity | undefined): Problem[] {
  if (!identity) return [];
  const found: Problem[] = [];
  const username = fields.get('username');
  if (identity.username !== undefined && fields.has('username') && String(username ?? '').toUpperCase() !== identity.username.toUpperCase()) {
    found.push({ what: 'another user', message: `Received: username ${shown(username)} / Expected: ${quote(identity.username)}, the user the token was issued to` });
  }
  const company = fields.get('company');
  if (identity.company !== undefined && fields.has('company') && String(company ?? '').trim() !== identity.company.trim()) {
    found.push({ what: 'another company', message: `Received: company ${shown(company)} / Expected: ${quote(identity.company)}, the company of the login` });
  }
  return found;
}

export const tokenSemantics: Check = {
  id: 'token.semantics',
  title: 'A token response that means what it says',
  rule: 'RFC 6749 §5.1 (expires_in, token_type), §1.5, §6 (a new refresh token); RFC 6750 §4 (bearer); Help Page .issued / .expires, username, company',
  level: 'MUST',
  tokenEndpointsOnly: true,
  run(exchange) {
    const fields = fieldsOf(exchange);
    if (!fields) return [];
    const found = problems(fields, exchange);
    if (found.length === 0) return [pass(`lifetime, token types and distinct tokens agree${exchange.identity ? ', and the user is the login\'s' : ''}`)];
    return [failWith(found.map((p) => p.what).join(', '), found.map((p) => p.message).join('; '))];
  },
};

export const tokenClock: Check = {
  id: 'token.clock',
  title: '.issued close to the response\'s Date header',
  rule: `RFC 9110 §6.6.1 (Date); Help Page .issued: at most ${CLOCK_TOLERANCE_SEC} s apart (advisory)`,
  level: 'SHOULD',
  tokenEndpointsOnly: true,
  run(exchange) {
    const issuedText = fieldsOf(exchange)?.get('.issued');
    const issued = readInstant(issuedText);
    const dateHeader = exchange.response?.headers['date'];
    const date = Date.parse(dateHeader ?? '');
    if (!issued?.absolute || Number.isNaN(date)) return [];
    const apartSec = Math.round((issued.ms - date) / 1000);
    if (Math.abs(apartSec) <= CLOCK_TOLERANCE_SEC) return [pass(`.issued ${Math.abs(apartSec)} s from Date`)];
    return [clockSkew(String(issuedText), dateHeader!, apartSec)];
  },
};

function clockSkew(issued: string, date: string, apartSec: number): Outcome {
  return fail(`.issued ${Math.abs(apartSec)} s ${apartSec < 0 ? 'behind' : 'ahead of'} the Date header`, `.issued ${quote(issued)}, Date ${date}`, `.issued within ${CLOCK_TOLERANCE_SEC} s of Date (server clocks in sync, dates in the right zone)`);
}
