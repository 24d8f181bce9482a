// Runs xsd-schema-validator's Java helper (Xerces, support/XMLValidator) on one document and
// returns its messages. Not through the library's validateXML: that wrapper reads the JVM's
// stderr chunk by chunk and keeps only chunks that start with "[", so a chunk led by the JVM's
// "Picked up JAVA_TOOL_OPTIONS" banner loses every message in it, and a JVM ended by a signal
// counts as valid; on a loaded machine both turned invalid documents into valid ones. Here the
// safety properties go on the java command line (no banner, no process-wide environment
// change), stderr is read whole, and only the helper's own result line is a verdict: anything
// else (a signal, a missing result, a deadline) is an error, never a pass.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setup } from 'xsd-schema-validator';
import { redact } from '../redaction/redactor.ts';
import { javaExecutable } from './javaCheck.ts';

/** The package folder: the helper is the class support.XMLValidator under it. */
const LIBRARY_DIR = join(dirname(createRequire(import.meta.url).resolve('xsd-schema-validator')), '..');
/** Java's own XML parser then refuses any external DTD and reads schemas from files only. */
const JAVA_SAFETY = ['-Djavax.xml.accessExternalDTD=', '-Djavax.xml.accessExternalSchema=file'];
/**
 * The JVM lives a fraction of a second: its optimizing compiler (C2) would only compete for the
 * cores. With the quick one alone, a batch of the run's 144 documents took 130 instead of 180 ms,
 * and 170 instead of 250 ms of CPU.
 */
const JAVA_SHORT_LIVED = ['-XX:TieredStopAtLevel=1'];
/** A batch of a few hundred documents takes well under a second; a JVM still busy after this is stuck. */
const DEADLINE_MS = 60_000;
/** What the helper prints on stdout, last: OK (exit 0), WITH_ERRORS or FATAL_ERROR (exit 1). */
const VERDICTS: Record<string, number> = { OK: 0, WITH_ERRORS: 1, FATAL_ERROR: 1 };

export class XsdValidatorError extends Error {
  constructor(why: string) {
    super(`XSD validation could not run: ${redact(why)}`);
    this.name = 'XsdValidatorError';
  }
}

let helperReady: Promise<void> | undefined;

/** Xerces' messages (`[error] ... (line:col)`, `[fatal] ...`, `[warning] ...`); none when the document is valid. */
export async function runXerces(xml: string, schemaFile: string): Promise<string[]> {
  // The library compiles its helper with javac where the package came without the class.
  await (helperReady ??= setup().catch((error: Error) => {
    helperReady = undefined;
    throw new XsdValidatorError(error.message);
  }));
  return new Promise((resolve, reject) => {
    const child = spawn(javaExecutable(), ['-Dfile.encoding=UTF-8', ...JAVA_SHORT_LIVED, ...JAVA_SAFETY, '-classpath', LIBRARY_DIR, 'support.XMLValidator', '-stdin', `-schema=${schemaFile}`]);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const deadline = setTimeout(() => child.kill('SIGKILL'), DEADLINE_MS);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // A JVM that dies before reading its input breaks the pipe; 'close' says why.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => {
      clearTimeout(deadline);
      reject(new XsdValidatorError(error.message));
    });
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      const errors = Buffer.concat(stderr).toString('utf8');
      const result = /^result=(\w+)/m.exec(Buffer.concat(stdout).toString('utf8'))?.[1];
      if (signal) return reject(new XsdValidatorError(`the JVM was ended by ${signal}${signal === 'SIGKILL' ? ` (no verdict within ${DEADLINE_MS / 1000} s?)` : ''}`));
      if (result === undefined || VERDICTS[result] !== code) return reject(new XsdValidatorError(`java exited with code ${code} and ${result ? `result ${result}` : 'no result'}: ${errors.slice(0, 300)}`));
      const messages = errors.split(/(?=\[(?:error|fatal|warning)\] )/).filter((m) => m.startsWith('[')).map((m) => m.trimEnd());
      if (result !== 'OK' && messages.length === 0) return reject(new XsdValidatorError(`java answered ${result} without a message`));
      resolve(result === 'OK' ? [] : messages);
    });
    child.stdin.end(xml);
  });
}
