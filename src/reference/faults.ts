// The bugs the reference provider can inject, kept as data. Each fault names the check that
// must catch it (catches[0]) and every check it may legitimately trip, so the suite's fault
// matrix can assert exactly those fail. The code that injects a fault sits where it acts
// (serializers, negotiation, token store, responder) and asks `faults.has(id)`.

/** The probes engine's check ids that can catch a fault (`fields.extra` is info only, never one). */
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
}

export const FAULTS = [
  // naming
  { id: 'mixed-naming', description: 'JSON token responses use the other naming for the first half of the members (documented and backing-field keys in one body)', catches: ['naming.consistent', 'body.schema'] },
  { id: 'renamed-field', description: 'JSON token responses capitalise the userCode key (`<UserCode>k__BackingField` / `UserCode`), a name of neither naming', catches: ['body.schema', 'naming.consistent'] },
  { id: 'missing-field', description: 'JSON token responses leave out the companyType member', catches: ['body.schema'] },
  // types
  { id: 'id-as-string', description: 'JSON token responses send the integer `id` as a string ("1")', catches: ['body.schema'] },
  { id: 'isext-as-string', description: 'JSON token responses send the boolean `isExt` as a string ("true" / "false")', catches: ['body.schema'] },
  { id: 'expires-in-as-number', description: 'JSON token responses send the string `expiresIn` as a number (86399), as a raw OWIN endpoint would', catches: ['body.schema'] },
  // dates
  { id: 'dates-without-offset', description: 'token responses (JSON and XML) write dates without the UTC offset (unspecified kind)', catches: ['dates.format'] },
  { id: 'dates-ms-ajax', description: 'JSON token responses write dates in the DataContractJsonSerializer form "\\/Date(1736496819755-0300)\\/"', catches: ['dates.format', 'body.schema'] },
  // XML
  { id: 'xml-wrong-namespace', description: 'XML token responses put TokenResponse in the namespace of the CLR parent (…/Kike.Security.Data)', catches: ['xml.datacontract', 'body.schema'] },
  { id: 'xml-declaration-order', description: 'XML token responses list the elements in declaration order instead of ordinal order', catches: ['xml.datacontract', 'body.schema'] },
  { id: 'xml-nil-omitted', description: 'XML token responses omit null members instead of writing i:nil="true"', catches: ['xml.datacontract', 'body.schema'] },
  { id: 'xml-doctype', description: 'XML token responses start with a <!DOCTYPE TokenResponse> declaration', catches: ['xml.no-doctype', 'body.schema', 'xml.datacontract'] },
  { id: 'xml-utf16-declaration', description: 'XML token responses start with <?xml version="1.0" encoding="utf-16"?> on a UTF-8 body', catches: ['xml.datacontract'] },
  // content negotiation
  { id: 'text-json-as-application-json', description: 'a text/json request is answered with Content-Type application/json', catches: ['content-type.negotiated'] },
  { id: 'xml-asked-json-given', description: 'XML asked (Accept or Content-Type) is answered with a JSON body labelled application/json', catches: ['content-type.negotiated', 'body.schema', 'xml.datacontract'] },
  { id: 'charset-ignored', description: 'every response is written in utf-8, whatever Accept-Charset or the request\'s charset=utf-16 asks for', catches: ['content-type.negotiated'] },
  { id: 'request-charset-ignored', description: 'request bodies are read as UTF-8 whatever charset their Content-Type names (a UTF-16 request gets 400)', catches: ['status.documented'] },
  { id: 'latin1-body', description: 'utf-8 responses are written in ISO-8859-1 (the ç and ã of user names as single bytes) while labelled charset=utf-8', catches: ['body.charset'] },
  { id: 'no-charset', description: 'every Content-Type is sent without "; charset=utf-8"', catches: ['content-type.negotiated'] },
  // status codes
  { id: 'invalid-token-400', description: 'an unknown, used or expired refresh token is answered 400 with a ModelState body instead of 401', catches: ['status.documented', 'token.rotation', 'token.expiry'] },
  { id: 'invalid-token-200', description: 'an unknown, used or expired refresh token is answered 200 with a new token for the first configured user', catches: ['status.documented', 'token.rotation', 'token.replay-detection', 'token.expiry', 'token.semantics', 'token.clock', 'body.schema'] },
  { id: 'malformed-body-500', description: 'a body that is not well-formed JSON or XML is answered 500 instead of 400', catches: ['input.no-server-error', 'status.documented'] },
  // headers
  { id: 'no-cache-control-no-store', description: 'responses carry Web API\'s default Cache-Control: no-cache (no no-store)', catches: ['headers.no-store'] },
  { id: 'cacheable-token-response', description: 'responses carry Cache-Control: public, max-age=3600 and an Expires an hour ahead (an output-cache rule applied to the auth API)', catches: ['headers.no-cache-of-tokens', 'headers.no-store'] },
  // error hygiene
  { id: 'stack-trace-in-500', description: '500 bodies carry ExceptionMessage, ExceptionType and StackTrace (IncludeErrorDetailPolicy.Always)', catches: ['errors.no-details'] },
  { id: 'token-echo-in-error', description: 'the 401 body quotes the refresh token it refused', catches: ['errors.no-token-echo', 'body.schema'] },
  // token lifecycle
  { id: 'old-refresh-token-accepted', description: 'a refresh issues a new refresh token but the used one keeps working', catches: ['token.rotation'] },
  { id: 'no-replay-detection', description: 'a replayed (already used) refresh token is refused, but the tokens issued from it stay valid', catches: ['token.replay-detection'] },
  { id: 'same-refresh-token-returned', description: 'a refresh answers with the refresh token it was given (kept valid) instead of a new one', catches: ['token.semantics', 'token.rotation'] },
  { id: 'no-refresh-token', description: 'token responses (login and refresh) carry refresh_token null: the session can never be renewed', catches: ['token.issued'] },
  { id: 'refresh-token-never-expires', description: 'refresh tokens are accepted after their lifetime', catches: ['token.expiry'] },
  // token semantics
  { id: 'expires-before-issued', description: 'token responses carry an .expires one hour before .issued', catches: ['token.semantics'] },
  { id: 'expires-in-mismatch', description: 'token responses say expires_in 3599 while .expires is a day after .issued (two lifetime settings)', catches: ['token.semantics'] },
  { id: 'access-token-equals-refresh-token', description: 'token responses hand out the refresh token as the access token too', catches: ['token.semantics'] },
  { id: 'token-type-not-bearer', description: 'token responses say token_type "mac" for the bearer token they issue', catches: ['token.semantics'] },
  { id: 'other-user-in-response', description: 'token responses name another user (username OUTRO, company 99) than the one the token was issued to', catches: ['token.semantics'] },
  { id: 'issued-clock-skew', description: 'token responses date .issued and .expires 10 minutes behind the Date header (the application server\'s clock drifts)', catches: ['token.clock'] },
  // robustness
  { id: 'slow-response', description: 'every response is held back slowMs (default 1500 ms) before it is written', catches: ['response.time'] },
  { id: 'truncated-body', description: 'refresh-token 200 bodies are cut mid-document (Content-Length matches the cut body)', catches: ['body.schema', 'xml.datacontract', 'naming.consistent', 'dates.format', 'token.rotation'] },
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
}

export function isFaultId(id: string): id is FaultId {
  return FAULTS.some((f) => f.id === id);
}

export function activateFaults(ids: readonly string[]): ActiveFaults {
  const unknown = ids.filter((id) => !isFaultId(id));
  if (unknown.length > 0) throw new UnknownFaultError(unknown);
  const active = new Set(ids as readonly FaultId[]);
  return { has: (id) => active.has(id), ids: [...active] };
}
