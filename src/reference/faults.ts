// The bugs the reference provider can inject, kept as data. Each fault names the check that
// must catch it (catches[0]) and every check it may legitimately trip, so the suite's fault
// matrix can assert exactly those fail, and the endpoints it acts on: a request sees only the
// faults of its endpoint. The code that injects a fault sits where it acts (serializers,
// negotiation, token store, responder, actions) and asks `faults.has(id)`.

import type { EndpointName } from './contract.ts';

/** The probes engine's check ids that can catch a fault (the info-only `fields.extra` and `input.member-types` never can). */
export const CHECK_IDS = [
  'status.documented', 'content-type.negotiated', 'body.charset', 'body.schema', 'naming.consistent', 'dates.format',
  'xml.datacontract', 'headers.no-store', 'headers.no-cache-of-tokens', 'errors.no-details', 'errors.no-token-echo', 'xml.no-doctype',
  'token.rotation', 'token.replay-detection', 'token.expiry', 'token.issued', 'token.semantics', 'token.clock', 'input.no-server-error', 'response.time',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface Fault {
  readonly id: string;
  /** One line: the bug it injects. */
  readonly description: string;
  /** catches[0] must fail when the fault is on; the rest may. */
  readonly catches: readonly [CheckId, ...CheckId[]];
  /** The endpoints whose requests see the fault. */
  readonly endpoints: readonly EndpointName[];
}

/** The three auth endpoints: the token, negotiation and robustness faults act there, the generic endpoint has its own. */
const ALL: readonly EndpointName[] = ['login', 'corp-login', 'refresh-token'];
/** The TokenResponse endpoints: members such as userCode and companyType exist only there. */
const TOKEN_RESPONSE: readonly EndpointName[] = ['login', 'refresh-token'];
const REFRESH: readonly EndpointName[] = ['refresh-token'];
const ISSUING: readonly EndpointName[] = ['login', 'corp-login'];
const CORP: readonly EndpointName[] = ['corp-login'];
/** The generic (non-auth) endpoint, served from its Help Page alone. */
const GENERIC: readonly EndpointName[] = ['adu-model'];

export const FAULTS = [
  // naming
  { id: 'mixed-naming', description: 'JSON token responses use the other naming for the first half of the members (documented and backing-field keys in one body)', catches: ['naming.consistent', 'body.schema'], endpoints: ALL },
  { id: 'renamed-field', description: 'JSON token responses capitalise the userCode key (`<UserCode>k__BackingField` / `UserCode`), a name of neither naming', catches: ['body.schema', 'naming.consistent'], endpoints: TOKEN_RESPONSE },
  { id: 'missing-field', description: 'JSON token responses leave out the companyType member', catches: ['body.schema'], endpoints: TOKEN_RESPONSE },
  // types
  { id: 'id-as-string', description: 'JSON token responses send the integer `id` as a string ("1")', catches: ['body.schema'], endpoints: ALL },
  { id: 'isext-as-string', description: 'JSON token responses send the boolean `isExt` as a string ("true" / "false")', catches: ['body.schema'], endpoints: ALL },
  { id: 'expires-in-as-number', description: 'JSON token responses send the string `expiresIn` as a number (86399), as a raw OWIN endpoint would', catches: ['body.schema'], endpoints: ALL },
  // dates
  { id: 'dates-without-offset', description: 'token responses (JSON and XML) write dates without the UTC offset (unspecified kind)', catches: ['dates.format'], endpoints: ALL },
  { id: 'dates-ms-ajax', description: 'JSON token responses write dates in the DataContractJsonSerializer form "\\/Date(1736496819755-0300)\\/"', catches: ['dates.format', 'body.schema'], endpoints: ALL },
  // XML
  { id: 'xml-wrong-namespace', description: 'XML token responses put TokenResponse in the namespace of the CLR parent (…/Kike.Security.Data)', catches: ['xml.datacontract', 'body.schema'], endpoints: ALL },
  { id: 'xml-declaration-order', description: 'XML token responses list the elements in declaration order instead of ordinal order', catches: ['xml.datacontract', 'body.schema'], endpoints: ALL },
  { id: 'xml-nil-omitted', description: 'XML token responses omit null members instead of writing i:nil="true"', catches: ['xml.datacontract', 'body.schema'], endpoints: ALL },
  { id: 'xml-doctype', description: 'XML token responses start with a <!DOCTYPE TokenResponse> declaration', catches: ['xml.no-doctype', 'body.schema', 'xml.datacontract'], endpoints: ALL },
  { id: 'xml-utf16-declaration', description: 'XML token responses start with <?xml version="1.0" encoding="utf-16"?> on a UTF-8 body', catches: ['xml.datacontract'], endpoints: ALL },
  // content negotiation
  { id: 'text-json-as-application-json', description: 'a text/json request is answered with Content-Type application/json', catches: ['content-type.negotiated'], endpoints: ALL },
  { id: 'xml-asked-json-given', description: 'XML asked (Accept or Content-Type) is answered with a JSON body labelled application/json', catches: ['content-type.negotiated', 'body.schema', 'xml.datacontract'], endpoints: ALL },
  { id: 'charset-ignored', description: 'every response is written in utf-8, whatever Accept-Charset or the request\'s charset=utf-16 asks for', catches: ['content-type.negotiated'], endpoints: ALL },
  { id: 'request-charset-ignored', description: 'request bodies are read as UTF-8 whatever charset their Content-Type names (a UTF-16 request gets 400)', catches: ['status.documented'], endpoints: ALL },
  { id: 'latin1-body', description: 'utf-8 responses are written in ISO-8859-1 (the ç and ã of user names as single bytes) while labelled charset=utf-8', catches: ['body.charset'], endpoints: ALL },
  { id: 'no-charset', description: 'every Content-Type is sent without "; charset=utf-8"', catches: ['content-type.negotiated'], endpoints: ALL },
  // status codes
  { id: 'invalid-token-400', description: 'an unknown, used or expired refresh token is answered 400 with a ModelState body instead of 401', catches: ['status.documented', 'token.rotation', 'token.expiry'], endpoints: REFRESH },
  { id: 'invalid-token-200', description: 'an unknown, used or expired refresh token is answered 200 with a new token for the first configured user', catches: ['status.documented', 'token.rotation', 'token.replay-detection', 'token.expiry', 'token.semantics', 'token.clock', 'body.schema'], endpoints: REFRESH },
  { id: 'malformed-body-500', description: 'a body that is not well-formed JSON or XML is answered 500 instead of 400', catches: ['input.no-server-error', 'status.documented'], endpoints: ALL },
  // headers
  { id: 'no-cache-control-no-store', description: 'responses carry Web API\'s default Cache-Control: no-cache (no no-store)', catches: ['headers.no-store'], endpoints: ALL },
  { id: 'cacheable-token-response', description: 'responses carry Cache-Control: public, max-age=3600 and an Expires an hour ahead (an output-cache rule applied to the auth API)', catches: ['headers.no-cache-of-tokens', 'headers.no-store'], endpoints: ALL },
  // error hygiene
  { id: 'stack-trace-in-500', description: '500 bodies carry ExceptionMessage, ExceptionType and StackTrace (IncludeErrorDetailPolicy.Always)', catches: ['errors.no-details'], endpoints: ALL },
  { id: 'token-echo-in-error', description: 'the 401 body quotes the refresh token it refused', catches: ['errors.no-token-echo', 'body.schema'], endpoints: REFRESH },
  // token lifecycle
  { id: 'old-refresh-token-accepted', description: 'a refresh issues a new refresh token but the used one keeps working', catches: ['token.rotation'], endpoints: REFRESH },
  { id: 'no-replay-detection', description: 'a replayed (already used) refresh token is refused, but the tokens issued from it stay valid', catches: ['token.replay-detection'], endpoints: REFRESH },
  { id: 'same-refresh-token-returned', description: 'a refresh answers with the refresh token it was given (kept valid) instead of a new one', catches: ['token.semantics', 'token.rotation'], endpoints: REFRESH },
  { id: 'no-refresh-token', description: 'token responses (login and refresh) carry refresh_token null: the session can never be renewed', catches: ['token.issued'], endpoints: ALL },
  { id: 'refresh-token-never-expires', description: 'refresh tokens are accepted after their lifetime', catches: ['token.expiry'], endpoints: REFRESH },
  // token semantics
  { id: 'expires-before-issued', description: 'token responses carry an .expires one hour before .issued', catches: ['token.semantics'], endpoints: ALL },
  { id: 'expires-in-mismatch', description: 'token responses say expires_in 3599 while .expires is a day after .issued (two lifetime settings)', catches: ['token.semantics'], endpoints: ALL },
  { id: 'access-token-equals-refresh-token', description: 'token responses hand out the refresh token as the access token too', catches: ['token.semantics'], endpoints: ALL },
  { id: 'token-type-not-bearer', description: 'token responses say token_type "mac" for the bearer token they issue', catches: ['token.semantics'], endpoints: ALL },
  { id: 'other-user-in-response', description: 'token responses name another user (username OUTRO, company 99) than the one the token was issued to', catches: ['token.semantics'], endpoints: ALL },
  { id: 'issued-clock-skew', description: 'token responses date .issued and .expires 10 minutes behind the Date header (the application server\'s clock drifts)', catches: ['token.clock'], endpoints: ALL },
  // robustness
  { id: 'slow-response', description: 'every response is held back slowMs (default 1500 ms) before it is written', catches: ['response.time'], endpoints: ALL },
  { id: 'truncated-body', description: 'refresh-token 200 bodies are cut mid-document (Content-Length matches the cut body)', catches: ['body.schema', 'xml.datacontract', 'naming.consistent', 'dates.format', 'token.rotation'], endpoints: REFRESH },
  // the issuing endpoints (login, corp login)
  { id: 'corp-group-id-string-500', description: 'corp login answers 500 when the JSON groupId is a string ("1"), which Json.NET binds to the int property', catches: ['input.no-server-error', 'status.documented'], endpoints: CORP },
  { id: 'credentials-echo-in-error', description: 'login and corp login 401 bodies quote the password they refused', catches: ['errors.no-token-echo'], endpoints: ISSUING },
  { id: 'wrong-credentials-500', description: 'login and corp login answer 500 instead of 401 to credentials no user has (the user lookup throws)', catches: ['input.no-server-error', 'status.documented'], endpoints: ISSUING },
  { id: 'corp-login-token-response', description: 'corp login answers the TokenResponse of the login (userCode, company, ...) instead of its documented TokenCorpResponse', catches: ['body.schema', 'xml.datacontract'], endpoints: CORP },
  // the generic endpoint (a non-auth page)
  { id: 'generic-member-renamed', description: 'the generic endpoint\'s 200 bodies (JSON and XML) write their first member capitalised (Model_code for model_code), a name its page does not show', catches: ['body.schema'], endpoints: GENERIC },
  { id: 'generic-required-500', description: 'the generic endpoint answers 500 instead of 400 when a member its page marks Required is missing, null or blank (the action runs on the invalid model)', catches: ['input.no-server-error', 'status.documented'], endpoints: GENERIC },
] as const satisfies readonly Fault[];

export type FaultId = (typeof FAULTS)[number]['id'];

export class UnknownFaultError extends Error {
  constructor(readonly unknown: readonly string[]) {
    super(`unknown fault id ${unknown.map((id) => `"${id}"`).join(', ')}; known: ${FAULTS.map((f) => f.id).join(', ')}`);
    this.name = 'UnknownFaultError';
  }
}

/** The faults switched on for one server instance. */
export interface ActiveFaults {
  has(id: FaultId): boolean;
  readonly ids: readonly FaultId[];
  /** The faults a request to `endpoint` sees. */
  on(endpoint: EndpointName): ActiveFaults;
}

export function isFaultId(id: string): id is FaultId {
  return FAULTS.some((f) => f.id === id);
}

export function activateFaults(ids: readonly string[]): ActiveFaults {
  const unknown = ids.filter((id) => !isFaultId(id));
  if (unknown.length > 0) throw new UnknownFaultError(unknown);
  return activeSet(new Set(ids as readonly FaultId[]));
}

function activeSet(active: ReadonlySet<FaultId>): ActiveFaults {
  return {
    has: (id) => active.has(id),
    ids: [...active],
    on: (endpoint) => activeSet(new Set([...active].filter((id) => FAULTS.find((f) => f.id === id)!.endpoints.includes(endpoint)))),
  };
}
