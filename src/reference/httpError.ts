// Web API's HttpError: the one error body shape every failure uses ({"Message": ...} plus
// ModelState for validation). Messages are fixed texts: no request value, token, exception
// type or stack trace is ever copied into one (the faults that do so add it explicitly).

export interface HttpError {
  Message: string;
  /** Model-state key (`model.refresh_token`, `model`) to its messages. */
  ModelState?: Record<string, string[]>;
  ExceptionMessage?: string;
  ExceptionType?: string;
  StackTrace?: string;
}

export function invalidRequest(key: string, message: string): HttpError {
  return { Message: 'The request is invalid.', ModelState: { [key]: [message] } };
}

export function messageOnly(message: string): HttpError {
  return { Message: message };
}

export const INTERNAL_ERROR: HttpError = { Message: 'An error has occurred.' };
