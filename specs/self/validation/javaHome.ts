// A stand-in java for the specs of the XSD validator: JAVA_HOME points, for the length of one
// call, at a folder whose bin/java is a shell script, so a spec can replay what a JVM printed or
// count the JVMs a validation starts.

import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `body` with JAVA_HOME at a java that is the script `script(home)` returns. */
export async function withJavaScript<T>(script: (home: string) => string, body: (home: string) => Promise<T>): Promise<T> {
  const home = mkdtempSync(join(tmpdir(), 'stand-in-java-'));
  mkdirSync(join(home, 'bin'));
  writeFileSync(join(home, 'bin', 'java'), `#!/bin/sh\n${script(home)}\n`);
  chmodSync(join(home, 'bin', 'java'), 0o755);
  const previous = process.env['JAVA_HOME'];
  process.env['JAVA_HOME'] = home;
  try {
    return await body(home);
  } finally {
    if (previous === undefined) delete process.env['JAVA_HOME'];
    else process.env['JAVA_HOME'] = previous;
    rmSync(home, { recursive: true, force: true });
  }
}
