// What a check says about one exchange, before the registry stamps its id, case and level on
// it: pass, fail with `Received: ... / Expected: ...`, or info. Messages are redacted here, once.

import type { ResultStatus } from '../findings/types.ts';
import { redact } from '../redaction/redactor.ts';

export interface Outcome {
  status: ResultStatus;
  title: string;
  message: string;
}

export function pass(title: string, message = ''): Outcome {
  return { status: 'pass', title, message };
}

/** The check applies but cannot judge: the title says why (PROFILE=strict fails it). */
export function skip(title: string): Outcome {
  return { status: 'skip', title, message: '' };
}

export function fail(title: string, received: string, expected: string): Outcome {
  return failWith(title, `Received: ${received} / Expected: ${expected}`);
}

/** A failure whose message is already in Received/Expected form (e.g. several schema problems). */
export function failWith(title: string, message: string): Outcome {
  return { status: 'fail', title, message: redact(message) };
}

export function info(title: string, message: string): Outcome {
  return { status: 'info', title, message: redact(message) };
}

/** A short, redacted quote of a value for a message. */
export function quote(value: string, max = 120): string {
  const text = JSON.stringify(value);
  return redact(text.length > max ? `${text.slice(0, max - 3)}...` : text);
}
