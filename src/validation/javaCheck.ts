// The XSD validator runs Java (and compiles its helper with javac when the helper is not built
// yet). Finding that out in the middle of a run would read as a failing probe; looking for the
// executables before the run starts makes it a "could not test" with the fix in the message.

import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

export class MissingJavaError extends Error {
  constructor(missing: string) {
    super(`the XSD validator needs ${missing}, found neither in JAVA_HOME/bin nor on PATH. `
      + 'Install a JDK (Debian/Ubuntu: sudo apt-get install -y default-jdk-headless) or set JAVA_HOME');
    this.name = 'MissingJavaError';
  }
}

const HELPER = join(dirname(createRequire(import.meta.url).resolve('xsd-schema-validator')), '..', 'support', 'XMLValidator.class');

/** Where the validator library looks: JAVA_HOME/bin when JAVA_HOME is set, else PATH. */
function findExecutable(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const dirs = env['JAVA_HOME'] ? [join(env['JAVA_HOME'], 'bin')] : (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  return dirs.map((dir) => join(dir, name)).find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The java the XSD validator runs, found as the library finds it. */
export function javaExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const java = findExecutable('java', env);
  if (!java) throw new MissingJavaError('a Java runtime (java)');
  return java;
}

export function ensureJava(env: NodeJS.ProcessEnv = process.env): void {
  javaExecutable(env);
  if (!existsSync(HELPER) && !findExecutable('javac', env)) throw new MissingJavaError('a JDK (javac) to compile its helper');
}
