// Proof that the XML contract's matching rules really apply to DataContract XML (pact-js
// #632): the rules are keyed by namespace URI; a provider sending other values of the right
// types passes; one sending id = "abc" and isExt = "yes" fails, naming both elements; and the
// same rules keyed the usual way ($.TokenResponse...) would compare values literally.

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { ordinalSort } from '../../../src/naming/namingMap.ts';
import { xmlDocument, xmlElement } from '../../../src/pact/bodies.ts';
import { readPact } from '../../../src/pact/contractFile.ts';
import { contractFile } from '../../../src/pact/participants.ts';
import { namingMap } from '../../../src/schemas/load.ts';
import { INTERACTIONS, startStub, verifyOne, writeTemp, type Stub } from './support.ts';

const XML_OK = INTERACTIONS.find((c) => c.id === 'contract.xml.valid-token')!.description;
const { typeName, xmlNamespace, members } = namingMap().response;

/** A DataContract TokenResponse whose values differ from the contract's examples, with `overrides` by member. */
function tokenResponseXml(overrides: Record<string, string> = {}): string {
  const other: Record<string, string> = { integer: '4711', boolean: 'false', date: '2031-12-24T23:59:59.5Z' };
  const byElement = new Map(members.map((m) => [m.xmlBackingField, overrides[m.member] ?? other[m.type] ?? `other ${m.member}`]));
  return xmlDocument(typeName, xmlNamespace, ordinalSort([...byElement.keys()]).map((e) => xmlElement(e, byElement.get(e)!)));
}

describe('XML contract rules apply to namespaced DataContract XML', function () {
  let stub: Stub | undefined;
  afterEach(() => stub?.close());

  it('keys every response rule by the namespace URI, down to the element text', () => {
    const interaction = readPact(contractFile('backing-field')).interactions.find((i) => i.description === XML_OK)!;
    const keys = Object.keys((interaction.response.matchingRules as { body: Record<string, unknown> }).body);
    expect(keys).to.have.length(members.length);
    for (const m of members) expect(keys).to.include(`$['${xmlNamespace}:${typeName}']['${xmlNamespace}:${m.xmlBackingField}']['#text']`);
  });

  it('passes a provider that sends other values of the right types', async () => {
    stub = await startStub('application/xml; charset=utf-8', tokenResponseXml());
    const verdict = await verifyOne(contractFile('backing-field'), XML_OK, stub.url);
    expect(verdict.status, verdict.message).to.equal('pass');
  });

  it('fails a provider that sends id = "abc" and isExt = "yes", naming both elements', async () => {
    stub = await startStub('application/xml; charset=utf-8', tokenResponseXml({ id: 'abc', isExt: 'yes' }));
    const verdict = await verifyOne(contractFile('backing-field'), XML_OK, stub.url);
    expect(verdict.status).to.equal('fail');
    expect(verdict.message).to.include('$.TokenResponse._x003C_id_x003E_k__BackingField').and.include("Expected 'abc' to match an integer number");
    expect(verdict.message).to.include('$.TokenResponse._x003C_isExt_x003E_k__BackingField').and.include('Expected yes to match a boolean');
  });

  it('would not apply if keyed the usual way: other values then fail as literal mismatches', async () => {
    const usual = readFileSync(contractFile('backing-field'), 'utf8').split(`${xmlNamespace}:`).join('');
    stub = await startStub('application/xml; charset=utf-8', tokenResponseXml());
    const verdict = await verifyOne(writeTemp(usual), XML_OK, stub.url);
    expect(verdict.status).to.equal('fail');
    expect(verdict.message).to.include("Expected 'other name' to be equal to 'sample string 7'");
  });
});
