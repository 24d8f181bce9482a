// The schemas a run judges each endpoint's 200 bodies by, made once per endpoint: a token
// endpoint's from its narrowed model and naming map (the same generator that writes schemas/,
// so the package's refresh-token gets exactly the committed schemas), any other endpoint's from
// the general Help Page model (endpointSchemas.ts). Error bodies are Web API's HttpError for
// every endpoint (jsonBody.ts, xmlBody.ts).

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import type { Naming } from '../findings/types.ts';
import { responseSchemas, responseSchemasIn } from '../schemas/endpointSchemas.ts';
import type { XsdSet } from '../schemas/endpointXsd.ts';
import { responseSchema } from '../schemas/jsonSchemas.ts';
import { responseXsd } from '../schemas/xsd.ts';
import { committedSchemas, compileSchema, jsonProblems } from './jsonBody.ts';
import type { SchemaProblem } from './problem.ts';
import type { XsdTarget } from './xsdBatch.ts';

interface ResponseSchemas {
  /** Compiled when first asked for: an XML body needs only the XSD (ajv's compile takes about 10 ms a schema). */
  json: () => ValidateFunction;
  /** Absent when the page shows no XML sample, so no DataContract form is known. */
  xsd?: XsdTarget;
}

const made = new WeakMap<TestedEndpoint, Map<Naming, ResponseSchemas | undefined>>();
let folder: string | undefined;

/**
 * A folder per set of files, named by their content: endpoints whose XSDs are the same (the
 * login's and the refresh's TokenResponse) then name the same file, so their documents share an
 * XSD batch and its JVM (xsdBatch.ts), where two files declaring the same root never could.
 */
function scratch(files: Iterable<[string, string]>): string {
  folder ??= mkdtempSync(join(tmpdir(), 'endpoint-xsd-'));
  const entries = [...files];
  const dir = join(folder, createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16));
  if (existsSync(dir)) return dir;
  mkdirSync(dir);
  for (const [name, text] of entries) writeFileSync(join(dir, name), text);
  return dir;
}

/** The JSON Schema of the endpoint's 200 body in `naming`, without its $id: ids repeat across endpoints (every token response is `token-response.<naming>`); references are local. */
function responseJsonSchema(endpoint: TestedEndpoint, naming: Naming): object | undefined {
  const schema = endpoint.wire ? responseSchema(endpoint.wire.model, endpoint.wire.naming, naming) : responseSchemasIn(endpoint.api, naming)?.json;
  if (!schema) return undefined;
  const { $id: _id, ...anonymous } = schema as Record<string, unknown>;
  return anonymous;
}

const NAMINGS: readonly Naming[] = ['backing-field', 'documented'];

/** Every JSON Schema a run of these endpoints may compile, as the run compiles it: the build precompiles them (precompile.ts). */
export function runJsonSchemas(endpoints: readonly TestedEndpoint[]): object[] {
  return [...committedSchemas(), ...endpoints.flatMap((endpoint) => NAMINGS.flatMap((naming) => responseJsonSchema(endpoint, naming) ?? []))];
}

function compileWhenAsked(endpoint: TestedEndpoint, naming: Naming): () => ValidateFunction {
  let compiled: ValidateFunction | undefined;
  return () => (compiled ??= compileSchema(responseJsonSchema(endpoint, naming)!));
}

function tokenSchemas(endpoint: TestedEndpoint, naming: Naming): ResponseSchemas {
  const { naming: map } = endpoint.wire!;
  const dir = scratch([['response.xsd', responseXsd(map, naming)]]);
  return {
    json: compileWhenAsked(endpoint, naming),
    xsd: { xsd: join(dir, 'response.xsd'), namespace: map.response.xmlNamespace, root: map.response.typeName },
  };
}

function xsdTarget(set: XsdSet): XsdTarget {
  const dir = scratch(set.files);
  return { xsd: join(dir, set.main), namespace: set.root.namespace, root: set.root.name, namespaces: new Map([...set.namespaces].map(([ns, file]) => [ns, join(dir, file)])) };
}

/** A page's response schemas in the naming asked for, else the one its samples show. */
function generalSchemas(endpoint: TestedEndpoint, naming: Naming): ResponseSchemas | undefined {
  const named = responseSchemasIn(endpoint.api, naming);
  if (!named) return undefined;
  return { json: compileWhenAsked(endpoint, naming), ...(named.xsd ? { xsd: xsdTarget(named.xsd) } : {}) };
}

function schemasFor(endpoint: TestedEndpoint, naming: Naming): ResponseSchemas | undefined {
  let byNaming = made.get(endpoint);
  if (!byNaming) made.set(endpoint, (byNaming = new Map()));
  if (!byNaming.has(naming)) byNaming.set(naming, endpoint.wire ? tokenSchemas(endpoint, naming) : generalSchemas(endpoint, naming));
  return byNaming.get(naming);
}

/** Why a 200 body cannot be judged: the page describes no response body to build a schema from. */
export function undescribedResponse(endpoint: TestedEndpoint): string | undefined {
  if (endpoint.wire) return undefined;
  const body = responseSchemas(endpoint.api);
  if (!body) return 'the page documents no response body';
  return body.undescribed;
}

export function responseJsonProblems(endpoint: TestedEndpoint, value: unknown, naming: Naming): SchemaProblem[] | undefined {
  const schemas = schemasFor(endpoint, naming);
  return schemas && jsonProblems(schemas.json(), value);
}

/** Compiles the endpoint's JSON Schema in this naming now, ahead of the first body: while a JVM validates, say. */
export function compileResponseSchema(endpoint: TestedEndpoint, naming: Naming): void {
  schemasFor(endpoint, naming)?.json();
}

export function responseXsdTarget(endpoint: TestedEndpoint, naming: Naming): XsdTarget | undefined {
  return schemasFor(endpoint, naming)?.xsd;
}
