// The build's precompiled JSON Schema validators (src/package/precompile.ts): one for each schema
// a run on the package's own Help Pages compiles, found by the schema's content, each judging
// bodies exactly as the validator the run would otherwise compile itself.

import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { packageEndpoints } from '../../../src/endpoints/packageEndpoints.ts';
import { CODE_ROOT } from '../../../src/package/locations.ts';
import { precompiledSchemasModule } from '../../../src/package/precompile.ts';
import { runJsonSchemas } from '../../../src/validation/endpointResponses.ts';
import { createAjv, jsonProblems, schemaKey } from '../../../src/validation/jsonBody.ts';

type Schema = { properties?: Record<string, { examples?: unknown[] }>; required?: string[] };

/** A body from the schema's examples, then that body broken one way at a time: each member left out, each of the wrong type. */
function bodiesFor(schema: Schema): unknown[] {
  const sample = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, p]) => [name, p.examples?.[0] ?? null]));
  const broken = Object.keys(sample).flatMap((name) => {
    const { [name]: value, ...without } = sample;
    return [without, { ...sample, [name]: typeof value === 'string' ? 12345 : 'not of its type' }, { ...sample, [name]: '2025-02-30T25:61:00' }];
  });
  return [sample, ...broken, {}, null, 'a string', [sample]];
}

describe('precompiled JSON Schema validators', () => {
  let dir: string;
  let precompiled: Record<string, ValidateFunction>;
  const schemas = runJsonSchemas(packageEndpoints());

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'precompiled-'));
    const file = join(dir, 'precompiled.mjs');
    // In the bundle, esbuild resolves the generated code's require() of ajv's runtime helpers; here Node does.
    const prelude = `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(join(CODE_ROOT, 'package.json'))});`;
    writeFileSync(file, `${prelude}\n${precompiledSchemasModule(join(CODE_ROOT, 'src/validation/schemaFormats.ts'))}`);
    ({ PRECOMPILED: precompiled } = (await import(pathToFileURL(file).href)) as { PRECOMPILED: Record<string, ValidateFunction> });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds one validator for each schema a run of the package\'s endpoints compiles (committed schemas and every endpoint in both namings), and no other', () => {
    expect(schemas.length).to.be.greaterThan(8);
    expect(Object.keys(precompiled).sort()).to.deep.equal([...new Set(schemas.map(schemaKey))].sort());
  });

  it('judges every body as the validator compiled at run time does, problems and their wording alike', () => {
    let judged = 0;
    let refused = 0;
    for (const schema of schemas) {
      const compiled = createAjv().compile(schema);
      for (const body of bodiesFor(schema as Schema)) {
        const problems = jsonProblems(compiled, body);
        expect(jsonProblems(precompiled[schemaKey(schema)]!, body), JSON.stringify(body)).to.deep.equal(problems);
        judged += 1;
        if (problems.length > 0) refused += 1;
      }
    }
    // Neither side is vacuous: most broken bodies are refused, and the samples pass.
    expect(refused).to.be.greaterThan(judged / 2).and.lessThan(judged);
  });

  it('names a schema by its content: the same schema built twice has one key, a changed one another', () => {
    const [first] = schemas as Record<string, unknown>[];
    expect(schemaKey(structuredClone(first!))).to.equal(schemaKey(first!));
    expect(schemaKey({ ...first, title: 'changed' })).to.not.equal(schemaKey(first!));
  });
});
