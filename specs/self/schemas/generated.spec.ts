// The committed schemas are exactly what the doc generates, and every one is a schema ajv
// accepts in strict mode: nothing in schemas/ is edited by hand.

import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { refreshTokenEndpoint } from '../../../src/doc/endpoint.ts';
import { generateSchemaFiles, SCHEMA_FILES } from '../../../src/schemas/generate.ts';
import { loadJsonSchemaFile, schemaPath, SCHEMAS_DIR } from '../../../src/schemas/load.ts';
import { createAjv } from '../../../src/validation/jsonBody.ts';

describe('generated schemas', () => {
  const generated = generateSchemaFiles(refreshTokenEndpoint());

  for (const [name, content] of generated) {
    it(`schemas/${name} equals what the doc generates (run npm run schemas if not)`, () => {
      expect(readFileSync(schemaPath(name), 'utf8') === content, `schemas/${name} has drifted from the doc`).to.equal(true);
    });
  }

  it('generates the same output twice (deterministic)', () => {
    expect([...generateSchemaFiles(refreshTokenEndpoint())]).to.deep.equal([...generated]);
  });

  it('every committed JSON Schema compiles in ajv strict mode', () => {
    const names = readdirSync(SCHEMAS_DIR).filter((n) => n.endsWith('.schema.json'));
    expect(names).to.include.members([SCHEMA_FILES.requestJson, SCHEMA_FILES.errorJson, ...Object.values(SCHEMA_FILES.responseJson)]);
    const ajv = createAjv();
    for (const name of names) expect(() => ajv.compile(loadJsonSchemaFile(name)), name).not.to.throw();
  });

  it('the XSDs carry the DataContract form: namespace, qualified elements, ordinal order, nillable strings', () => {
    const xsd = generated.get(SCHEMA_FILES.responseXsd['backing-field'])!;
    expect(xsd).to.contain('targetNamespace="http://schemas.datacontract.org/2004/07/Kike.Security.Data.Dto"');
    expect(xsd).to.contain('elementFormDefault="qualified"');
    const names = [...xsd.matchAll(/<xs:element name="(_x003C_\w+)"/g)].map((m) => m[1]!);
    expect(names.indexOf('_x003C_ADUser_x003E_k__BackingField')).to.be.lessThan(names.indexOf('_x003C_accessToken_x003E_k__BackingField'));
    expect(names.indexOf('_x003C_companyType_x003E_k__BackingField')).to.be.lessThan(names.indexOf('_x003C_company_x003E_k__BackingField'));
    expect(names.indexOf('_x003C_expiresIn_x003E_k__BackingField')).to.be.lessThan(names.indexOf('_x003C_expires_x003E_k__BackingField'));
    expect(names.indexOf('_x003C_isExt_x003E_k__BackingField')).to.be.lessThan(names.indexOf('_x003C_issued_x003E_k__BackingField'));
    expect(xsd).to.match(/name="_x003C_accessToken_x003E_k__BackingField" type="xs:string" nillable="true"/);
    expect(xsd).to.match(/name="_x003C_id_x003E_k__BackingField" type="xs:int" \/>/);
    expect(xsd).not.to.contain('minOccurs');
    expect(generated.get(SCHEMA_FILES.responseXsd.documented)).to.contain('name="_x002E_issued" type="xs:dateTime"');
  });
});
