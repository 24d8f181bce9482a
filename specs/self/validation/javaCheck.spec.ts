// The Java prerequisite is found where the XSD validator library looks for it, and its absence
// is an error that says how to install it.

import { expect } from 'chai';
import { ensureJava, MissingJavaError } from '../../../src/validation/javaCheck.ts';

describe('Java prerequisite of the XSD validator', () => {
  it('finds java on PATH', () => {
    expect(() => ensureJava(process.env)).not.to.throw();
  });

  it('looks in JAVA_HOME/bin only when JAVA_HOME is set, as the library does', () => {
    expect(() => ensureJava({ ...process.env, JAVA_HOME: '/nonexistent-jdk' })).to.throw(MissingJavaError, /Java runtime \(java\).*default-jdk-headless/);
  });

  it('fails when java is on no PATH entry', () => {
    expect(() => ensureJava({ PATH: '/nonexistent-bin' })).to.throw(MissingJavaError, /JAVA_HOME\/bin nor on PATH/);
  });
});
