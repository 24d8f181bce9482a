// Where the XSD validator's Java is looked for, as the validator library looks: JAVA_HOME/bin
// when JAVA_HOME is set, else each non-empty PATH entry; only an executable file counts. The
// helper the library ships is compiled already, so a java alone is enough.

import { expect } from 'chai';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureJava, javaExecutable, MissingJavaError } from '../../../src/validation/javaCheck.ts';

const scratch = mkdtempSync(join(tmpdir(), 'java-lookup-'));

/** A folder holding a file `java` (executable or not). */
function folderWithJava(executable: boolean): string {
  const dir = mkdtempSync(join(scratch, 'bin-'));
  writeFileSync(join(dir, 'java'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(dir, 'java'), executable ? 0o755 : 0o644);
  return dir;
}

describe('Java lookup of the XSD validator', () => {
  it('takes the first PATH entry holding an executable java, skipping one that is not executable', () => {
    const plain = folderWithJava(false);
    const runnable = folderWithJava(true);
    const second = folderWithJava(true);
    expect(javaExecutable({ PATH: ['/nonexistent-bin', plain, runnable, second].join(':') })).to.equal(join(runnable, 'java'));
    expect(() => javaExecutable({ PATH: plain })).to.throw(MissingJavaError);
  });

  it('takes JAVA_HOME/bin/java when JAVA_HOME is set, whatever PATH holds', () => {
    const home = mkdtempSync(join(scratch, 'jdk-'));
    mkdirSync(join(home, 'bin'));
    writeFileSync(join(home, 'bin', 'java'), '#!/bin/sh\n');
    chmodSync(join(home, 'bin', 'java'), 0o755);
    expect(javaExecutable({ JAVA_HOME: home, PATH: folderWithJava(true) })).to.equal(join(home, 'bin', 'java'));
  });

  it('does not read an empty PATH entry as the working folder', () => {
    const cwd = process.cwd();
    process.chdir(folderWithJava(true));
    try {
      expect(() => javaExecutable({ PATH: ':' })).to.throw(MissingJavaError);
      expect(() => javaExecutable({})).to.throw(MissingJavaError);
    } finally {
      process.chdir(cwd);
    }
  });

  it('needs no javac: the helper ships compiled', () => {
    expect(() => ensureJava({ PATH: folderWithJava(true) })).not.to.throw();
  });

  it('names itself and says how to install a JDK', () => {
    let error: unknown;
    try {
      ensureJava({ PATH: '/nonexistent-bin' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(MissingJavaError);
    expect((error as Error).name).to.equal('MissingJavaError');
    expect((error as Error).message).to.equal('the XSD validator needs a Java runtime (java), found neither in JAVA_HOME/bin nor on PATH. '
      + 'Install a JDK (Debian/Ubuntu: sudo apt-get install -y default-jdk-headless) or set JAVA_HOME');
  });
});
