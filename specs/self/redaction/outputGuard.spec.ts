// Everything the process writes to stdout and stderr passes the redactor: a live token written
// as a string or as bytes comes out as its shape, anything else passes untouched with the
// writer's own arguments, and the original writers come back when the guard is lifted.

import { expect } from 'chai';
import { redactProcessOutput } from '../../../src/redaction/outputGuard.ts';
import { clearSecrets, registerSecret, tokenShape } from '../../../src/redaction/redactor.ts';

const TOKEN = 'Zq9xGuardedLiveToken_42';

type Write = typeof process.stdout.write;

/** Runs `body` with both streams' writers replaced by recorders, the guard installed over them. */
function guarded(body: () => void): { stdout: unknown[][]; stderr: unknown[][]; restored: boolean } {
  const seen = { stdout: [] as unknown[][], stderr: [] as unknown[][] };
  const originals = [process.stdout.write, process.stderr.write];
  const recorders = (['stdout', 'stderr'] as const).map((name) => {
    const recorder = ((...args: unknown[]) => { seen[name].push(args); return true; }) as Write;
    process[name].write = recorder;
    return recorder;
  });
  let restored = false;
  try {
    const lift = redactProcessOutput();
    try {
      body();
    } finally {
      lift();
      restored = process.stdout.write === recorders[0] && process.stderr.write === recorders[1];
    }
  } finally {
    [process.stdout.write, process.stderr.write] = originals as [Write, Write];
  }
  return { ...seen, restored };
}

describe('process output guard', () => {
  beforeEach(() => registerSecret(TOKEN));
  afterEach(clearSecrets);

  it('writes a token in a string or in bytes as its shape, on stdout and on stderr', () => {
    const done = () => undefined;
    const seen = guarded(() => {
      process.stdout.write(`refresh_token=${TOKEN}\n`);
      process.stderr.write(Buffer.from(`AssertionError: expected '${TOKEN}'`), done);
      process.stderr.write(new TextEncoder().encode(TOKEN));
    });
    expect(seen.stdout).to.deep.equal([[`refresh_token=${tokenShape(TOKEN)}\n`]]);
    expect(seen.stderr).to.deep.equal([[`AssertionError: expected '${tokenShape(TOKEN)}'`, done], [tokenShape(TOKEN)]]);
  });

  it('passes a text without tokens and its other arguments through unchanged', () => {
    const seen = guarded(() => {
      process.stdout.write('  ✔ reads the index\n', 'utf8');
    });
    expect(seen.stdout).to.deep.equal([['  ✔ reads the index\n', 'utf8']]);
    expect(seen.stderr).to.deep.equal([]);
  });

  it('puts the original writers back when lifted', () => {
    const seen = guarded(() => undefined);
    expect(seen.restored).to.equal(true);
    expect(seen.stdout).to.deep.equal([]);
  });
});
