// JSON bodies against the committed JSON Schemas, with ajv in strict mode and the formats of
// schemaFormats.ts.

import { createHash } from 'node:crypto';
import { Ajv2020, type CodeOptions, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { SCHEMA_FILES } from '../schemas/generate.ts';
import { loadJsonSchemaFile } from '../schemas/load.ts';
import type { Naming } from '../findings/types.ts';
import type { SchemaProblem } from './problem.ts';
import { redact } from '../redaction/redactor.ts';
import { PRECOMPILED } from './precompiledSchemas.ts';
import { SCHEMA_FORMATS } from './schemaFormats.ts';

export type BodyKind = 'request' | 'response' | 'error';

/** `code`: the build's options for standalone code (precompile.ts); the rest are the same for every compile. */
export function createAjv(code: CodeOptions = {}): Ajv2020 {
  // A run compiles a dozen schemas and validates a few hundred small bodies: ajv's optimizing
  // passes over the generated code cost more at compile time than they save.
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, code: { optimize: false, ...code } });
  for (const [name, format] of Object.entries(SCHEMA_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/** Names a schema by its content: the build's precompiled validators are found by it. */
export function schemaKey(schema: object): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('base64url');
}

const SCHEMA_OF: Record<string, string> = {
  request: SCHEMA_FILES.requestJson,
  'response:backing-field': SCHEMA_FILES.responseJson['backing-field'],
  'response:documented': SCHEMA_FILES.responseJson.documented,
  error: SCHEMA_FILES.errorJson,
};
let compiler: Ajv2020 | undefined;
/**
 * The run's one Ajv, for the committed schemas and the endpoints' alike: an instance compiles the
 * JSON Schema 2020-12 meta-schema before its first schema (about 15 ms), so a second one would
 * pay that again.
 */
function runAjv(): Ajv2020 {
  return (compiler ??= createAjv());
}

/**
 * The validator of `schema`: the one the build compiled for the very same schema (a run on the
 * package's own Help Pages finds all of its schemas there), else compiled now.
 */
export function compileSchema(schema: object): ValidateFunction {
  return PRECOMPILED[schemaKey(schema)] ?? runAjv().compile(schema);
}

/** The committed schemas a run validates bodies by. */
export function committedSchemas(): object[] {
  return Object.values(SCHEMA_OF).map((file) => loadJsonSchemaFile(file));
}
const validators = new Map<string, ValidateFunction>();

/** For tests: the next validation compiles the committed schemas afresh (a run compiles each once, when first needed). */
export function forgetCompiledSchemas(): void {
  compiler = undefined;
  validators.clear();
}

function validatorFor(kind: BodyKind, naming: Naming): ValidateFunction {
  const key = kind === 'response' ? `response:${naming}` : kind;
  let validate = validators.get(key);
  if (!validate) {
    validate = compileSchema(loadJsonSchemaFile(SCHEMA_OF[key]!));
    validators.set(key, validate);
  }
  return validate;
}

export function validateJsonBody(kind: BodyKind, value: unknown, naming: Naming = 'backing-field'): SchemaProblem[] {
  return jsonProblems(validatorFor(kind, naming), value);
}

/** Runs a compiled schema and words what it finds as Received / Expected. */
export function jsonProblems(validate: ValidateFunction, value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => toProblem(e, value));
}

function toProblem(error: ErrorObject, root: unknown): SchemaProblem {
  const missing = error.keyword === 'required' ? String(error.params['missingProperty']) : undefined;
  const field = missing ?? decodePointer(error.instancePath).at(-1);
  const received = missing ? 'no such member' : describe(valueAt(root, error.instancePath));
  return {
    ...(field !== undefined ? { field } : {}),
    path: error.instancePath || '/',
    received: redact(received),
    expected: expectation(error),
  };
}

function expectation(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required': return `member "${String(error.params['missingProperty'])}"`;
    case 'type': return `a value of type ${[error.params['type']].flat().join(' or ')}`;
    case 'format': return `a ${String(error.params['format'])} (.NET form yyyy-MM-ddTHH:mm:ss[.fffffff][Z|±hh:mm])`;
    default: return error.message ?? error.keyword;
  }
}

function decodePointer(pointer: string): string[] {
  return pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const key of decodePointer(pointer)) current = (current as Record<string, unknown> | undefined)?.[key];
  return current;
}

/** The received value as JSON, shortened so a huge value cannot flood a report. */
export function describe(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
