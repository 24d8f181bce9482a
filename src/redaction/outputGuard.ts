// The console is one of the ways out of the process: everything written to stdout and stderr
// (mocha's reporter, assertion diffs, hook logs) passes through the redactor first, so a live
// token that reaches a message is printed as its shape.

import { redact } from './redactor.ts';

/** Returns a function that puts the original writers back (for tests). */
export function redactProcessOutput(): () => void {
  const restores = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write;
    const write = original.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : undefined;
      return write(text === undefined ? chunk : redact(text), ...rest);
    }) as typeof stream.write;
    return () => {
      stream.write = original;
    };
  });
  return () => restores.forEach((restore) => restore());
}
