// The console is one of the ways out of the process: everything written to stdout and stderr
// (mocha's reporter, assertion diffs, hook logs) passes through the redactor first, so a live
// token that reaches a message is printed as its shape.

import { redact } from './redactor.ts';

export function redactProcessOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : undefined;
      return write(text === undefined ? chunk : redact(text), ...rest);
    }) as typeof stream.write;
  }
}
