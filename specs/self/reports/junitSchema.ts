// Validates a JUnit file against the committed schemas/junit.xsd with Xerces, as CI tools would
// read it, through the same helper runner as the run's XSD batches (external access off).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runXerces } from '../../../src/validation/xerces.ts';

const JUNIT_XSD = resolve('schemas/junit.xsd');

/** Xerces' messages; empty when the file is valid. */
export function validateJunit(file: string): Promise<string[]> {
  return runXerces(readFileSync(file, 'utf8'), JUNIT_XSD);
}
