// Reads the committed schemas (never regenerates them on the hot path).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package/locations.ts';
import type { NamingMap } from '../naming/namingMap.ts';
import { SCHEMA_FILES } from './generate.ts';

export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');

export function schemaPath(name: string): string {
  return join(SCHEMAS_DIR, name);
}

export function loadJsonSchemaFile(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaPath(name), 'utf8')) as Record<string, unknown>;
}

let naming: NamingMap | undefined;

/** The committed naming map (schemas/naming.json). */
export function namingMap(): NamingMap {
  naming ??= loadJsonSchemaFile(SCHEMA_FILES.naming) as unknown as NamingMap;
  return naming;
}
