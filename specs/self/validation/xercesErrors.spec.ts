// What the XSD helper runner says when the JVM gives no verdict of its own, word for word: a
// reader must be able to tell a JVM killed at the deadline from one ended by another signal,
// an exit without a result from a result the exit code contradicts, and see the JVM's own
// words; and a JVM that dies without reading its input is an error, not a crash of the run.

import { expect } from 'chai';
import { resolve } from 'node:path';
import { runXerces, XsdValidatorError } from '../../../src/validation/xerces.ts';
import { withJavaScript } from './javaHome.ts';
import { rejectionOf } from '../support/rejection.ts';

const ERROR_XSD = resolve('schemas/error.xsd');

const rejection = (script: string, xml = '<a/>') => rejectionOf(withJavaScript(() => script, () => runXerces(xml, ERROR_XSD)), 'the run');

describe('XSD helper runner: errors in words', () => {
  const cases: [what: string, script: string, message: string][] = [
    ['a JVM killed (as at the deadline)', 'cat >/dev/null; kill -9 $$', 'the JVM was ended by SIGKILL (no verdict within 60 s?)'],
    ['a JVM ended by another signal', 'cat >/dev/null; kill -TERM $$', 'the JVM was ended by SIGTERM'],
    ['an exit without a result line, with what the JVM said', "cat >/dev/null; echo 'Error: could not find or load main class' >&2; exit 1", 'java exited with code 1 and no result: Error: could not find or load main class\n'],
    ['a result the exit code contradicts', 'cat >/dev/null; echo result=OK; exit 1', 'java exited with code 1 and result OK: '],
    ['a passing exit code with a failing result', 'cat >/dev/null; echo result=FATAL_ERROR; exit 0', 'java exited with code 0 and result FATAL_ERROR: '],
    ['a failing result without a message', 'cat >/dev/null; echo result=WITH_ERRORS; exit 1', 'java answered WITH_ERRORS without a message'],
  ];
  for (const [what, script, message] of cases) {
    it(`words ${what}`, async () => {
      const error = await rejection(script);
      expect(error).to.be.instanceOf(XsdValidatorError);
      expect(error.name).to.equal('XsdValidatorError');
      expect(error.message).to.equal(`XSD validation could not run: ${message}`);
    });
  }

  it('reports a JVM that exits before reading a large document as an error, the broken pipe included', async () => {
    const error = await rejection('exit 3', `<a>${'x'.repeat(4 << 20)}</a>`);
    expect(error.message).to.equal('XSD validation could not run: java exited with code 3 and no result: ');
  });

  it('keeps only the first 300 characters of what the JVM said', async () => {
    const error = await rejection(`cat >/dev/null; printf '%0400d' 0 >&2; exit 1`);
    expect(error.message).to.equal(`XSD validation could not run: java exited with code 1 and no result: ${'0'.repeat(300)}`);
  });
});
