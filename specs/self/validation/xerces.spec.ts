// The XSD helper runner: Xerces' verdicts come through whole, and a JVM that gives no verdict of
// its own (a signal, no result line, a failing result without a message) is an error, never a
// pass. The stand-in java scripts replay what a loaded machine produced: the JVM's banner and
// the error lines in one stderr chunk, which the library's wrapper turned into "valid".

import { expect } from 'chai';
import { resolve } from 'node:path';
import { runXerces, XsdValidatorError } from '../../../src/validation/xerces.ts';
import { withJavaScript } from './javaHome.ts';
import { rejectionOf } from '../support/rejection.ts';

const ERROR_XSD = resolve('schemas/error.xsd');

/** Runs `body` with JAVA_HOME at a java that is this shell script (it reads its input first). */
const withFakeJava = <T>(script: string, body: () => Promise<T>) => withJavaScript(() => `cat >/dev/null\n${script}`, body);

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, 'the run');

describe('XSD helper runner', () => {
  it('passes a valid document and reports an invalid one with its position', async () => {
    expect(await runXerces('<Error><Message>x</Message></Error>', ERROR_XSD)).to.deep.equal([]);
    const messages = await runXerces('<Error><Nachricht>x</Nachricht></Error>', ERROR_XSD);
    expect(messages).to.have.length.greaterThan(0);
    expect(messages[0]).to.match(/^\[error\] cvc-complex-type.* \(1:\d+\)$/);
  });

  it('keeps the messages that share a stderr chunk with the JVM banner', async () => {
    const messages = await withFakeJava(
      `printf 'Picked up JAVA_TOOL_OPTIONS: -Dx=\\n[error] first (1:2)\\n[error] second (3:4)\\n' >&2; echo result=WITH_ERRORS; exit 1`,
      () => runXerces('<a/>', ERROR_XSD),
    );
    expect(messages).to.deep.equal(['[error] first (1:2)', '[error] second (3:4)']);
  });

  for (const [what, script] of [
    ['a JVM ended by a signal', 'kill -9 $$'],
    ['an exit without a result line', 'exit 1'],
    ['a failing result without a message', 'echo result=WITH_ERRORS; exit 1'],
    ['a result that contradicts the exit code', 'echo result=OK; exit 1'],
  ] as const) {
    it(`calls ${what} an error, never a valid document`, async () => {
      const error = await withFakeJava(script, () => rejection(runXerces('<a/>', ERROR_XSD)));
      expect(error).to.be.instanceOf(XsdValidatorError);
      expect(error.message).to.match(/^XSD validation could not run: /);
    });
  }
});
