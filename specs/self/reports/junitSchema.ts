// Validates a JUnit file against the committed schemas/junit.xsd with Xerces, as CI tools would
// read it. Our own output is trusted, but external access stays off for the JVM all the same.

import { resolve } from 'node:path';
import { validateXML } from 'xsd-schema-validator';

const JUNIT_XSD = resolve('schemas/junit.xsd');

/** Xerces' messages; empty when the file is valid. */
export async function validateJunit(file: string): Promise<string[]> {
  process.env['JAVA_TOOL_OPTIONS'] = '-Djavax.xml.accessExternalDTD= -Djavax.xml.accessExternalSchema=file';
  try {
    await validateXML({ file }, JUNIT_XSD);
    return [];
  } catch (error) {
    return (error as { messages?: string[] }).messages ?? [(error as Error).message];
  } finally {
    delete process.env['JAVA_TOOL_OPTIONS'];
  }
}
