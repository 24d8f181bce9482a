// A Content-Type's media type without its parameters, lower case: `application/json` from
// `Application/JSON; charset=utf-8`. The checks, the reference provider and the verifier's
// request rewriting all decide by it.

export function mediaTypeEssence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}
