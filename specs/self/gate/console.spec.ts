// What the launcher prints: a live token written to the console comes out as its shape, colours
// follow the terminal and NO_COLOR, and the closing lines name a leak by file and shape only.

import { expect } from 'chai';
import { closingLines } from '../../../src/cli/closing.ts';
import { useColor } from '../../../src/cli/console.ts';
import { EXIT, exitCodeFor } from '../../../src/cli/exitCodes.ts';
import { redactProcessOutput } from '../../../src/redaction/outputGuard.ts';
import { clearSecrets, registerSecret, tokenShape } from '../../../src/redaction/redactor.ts';
import { FIXTURE_INPUT, LIVE_TOKEN } from '../reports/fixture.ts';

describe('launcher console and exit codes', () => {
  beforeEach(() => registerSecret(LIVE_TOKEN));
  afterEach(clearSecrets);

  it('prints a live token written to stdout as its shape', () => {
    const written: string[] = [];
    const original = process.stdout.write;
    process.stdout.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
    const restore = redactProcessOutput();
    try {
      process.stdout.write(`refused ${LIVE_TOKEN}\n`);
      process.stdout.write(Buffer.from(`again ${LIVE_TOKEN}\n`));
    } finally {
      restore();
      process.stdout.write = original;
    }
    expect(written).to.deep.equal([`refused ${tokenShape(LIVE_TOKEN)}\n`, `again ${tokenShape(LIVE_TOKEN)}\n`]);
  });

  it('uses colours on a terminal only, and never with NO_COLOR', () => {
    const tty = { isTTY: true } as NodeJS.WriteStream;
    const pipe = { isTTY: false } as NodeJS.WriteStream;
    expect(useColor(tty, {})).to.equal(true);
    expect(useColor(tty, { NO_COLOR: '1' })).to.equal(false);
    expect(useColor(pipe, {})).to.equal(false);
  });

  it('maps outcomes to exit codes: a leak fails even a conforming run, no test run could not test', () => {
    expect(exitCodeFor({ conforming: true, ranNothing: false, leaks: 0 })).to.equal(EXIT.CONFORMING);
    expect(exitCodeFor({ conforming: false, ranNothing: false, leaks: 0 })).to.equal(EXIT.FINDINGS);
    expect(exitCodeFor({ conforming: true, ranNothing: false, leaks: 1 })).to.equal(EXIT.FINDINGS);
    expect(exitCodeFor({ conforming: false, ranNothing: true, leaks: 0 })).to.equal(EXIT.COULD_NOT_TEST);
  });

  it('names a leak by file and token shape, and ends with the gate verdict', () => {
    const leaks = [{ file: 'reports/x.json', token: tokenShape(LIVE_TOKEN), form: 'json' }];
    const lines = closingLines({ input: FIXTURE_INPUT, files: ['reports/junit.xml'], scanned: ['reports', 'contracts'], secretCount: 1, leaks, exitCode: EXIT.FINDINGS }).map((l) => l.replace(/\u001b\[\d+m/g, ''));
    expect(lines).to.include(`LEAK: ${tokenShape(LIVE_TOKEN)} appeared in reports/x.json (json form); the file was scrubbed, the run fails`);
    expect(lines.join('\n')).not.to.contain(LIVE_TOKEN);
    expect(lines.at(-1)).to.equal('Gate: NOT CONFORMING: a live token leaked into an artifact, 2 findings fail the gate, 1 contract interaction fails, 1 test fails in the runner (exit 1); mocha: 1 passing, 2 failing, 1 pending');
  });
});
