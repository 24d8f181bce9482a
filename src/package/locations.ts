// Where the package's own files are, whether the code runs from source (tsx, in this
// repository) or compiled (dist/, as `npm install` leaves it): the schemas, the Help Page and
// package.json sit at the package root in both cases; only the code tree moves into dist/.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This file is src/package/locations.ts from source, dist/src/package/locations.js compiled. */
export const COMPILED = import.meta.url.endsWith('.js');

/** Root of the code tree (src/ and specs/): the project root from source, dist/ when compiled. */
export const CODE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Root of the package: schemas/, docs/, package.json. */
export const PACKAGE_ROOT = COMPILED ? join(CODE_ROOT, '..') : CODE_ROOT;

/** The file extension of the code tree's modules: `.ts` from source, `.js` compiled. */
const CODE_EXTENSION = COMPILED ? '.js' : '.ts';

/** A module of the code tree by its path from the code root, without extension (`src/cli/gate`). */
export function codeFile(path: string): string {
  return join(CODE_ROOT, `${path}${CODE_EXTENSION}`);
}

export interface PackageInfo {
  name: string;
  version: string;
}

let info: PackageInfo | undefined;

/** The package's name and version, from its package.json (read once). */
export function packageInfo(): PackageInfo {
  info ??= JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageInfo;
  return info;
}
