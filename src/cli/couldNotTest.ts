// When the suite cannot test at all, the user gets one readable paragraph saying what is wrong
// and what to change, never a stack trace: a CI log reader should fix it on the first try.

import { ConfigError, MissingJavaError, TargetUnreachableError } from '../run/context.ts';
import { redact } from '../redaction/redactor.ts';

/** The paragraph for errors that mean "could not test", or undefined for anything else. */
export function couldNotTestMessage(error: unknown): string | undefined {
  if (error instanceof ConfigError) {
    return `Could not test: the configuration is invalid. ${error.message}. Fix the environment variable ${error.variable} `
      + '(the Configuration section of the README lists every variable and its allowed values) and run again. Exit code 2.';
  }
  if (error instanceof TargetUnreachableError) {
    return `Could not test: ${error.message}. Check TARGET_URL, that the server runs and is reachable from this machine `
      + '(proxy, firewall, TLS: CA_FILE), or unset TARGET_URL to run against the embedded reference provider. Exit code 2.';
  }
  if (error instanceof MissingJavaError) return `Could not test: ${error.message}. Exit code 2.`;
  return undefined;
}

/** For a failure of the suite itself: the redacted message, still without a stack. */
export function internalErrorMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `Could not test: the suite failed unexpectedly (${redact(text)}). Please report this with the console output. Exit code 2.`;
}
