// The build's precompiled JSON Schema validators (the validators precompiledSchemas.ts holds in
// the compiled tree): every schema a run on the package's own Help Pages compiles, compiled now
// with the run's own Ajv options into ajv's standalone code, each exported by its schemaKey. The
// run looks a schema up by its content, so a validator is only ever used for the very schema it
// was compiled from; any other (another Help Page's) compiles at run time as before.

import standaloneModule from 'ajv/dist/standalone/index.js';
import { _ } from 'ajv/dist/2020.js';
import { packageEndpoints } from '../endpoints/packageEndpoints.ts';
import { runJsonSchemas } from '../validation/endpointResponses.ts';
import { createAjv, schemaKey } from '../validation/jsonBody.ts';

const standaloneCode = standaloneModule.default;

/** `formatsModule`: the path of schemaFormats.ts, whose SCHEMA_FORMATS the generated code reads its formats from. */
export function precompiledSchemasModule(formatsModule: string): string {
  // The formats are the run's own objects, imported by the module, not copies in generated code.
  const ajv = createAjv({ source: true, formats: _`SCHEMA_FORMATS` });
  const exports: Record<string, string> = {};
  for (const schema of runJsonSchemas(packageEndpoints())) {
    const key = schemaKey(schema);
    if (exports[key]) continue;
    ajv.addSchema(schema, key);
    exports[key] = key;
  }
  return [
    `import { SCHEMA_FORMATS } from ${JSON.stringify(formatsModule)};`,
    'const exports = {};',
    standaloneCode(ajv, exports),
    'export const PRECOMPILED = exports;',
  ].join('\n');
}
