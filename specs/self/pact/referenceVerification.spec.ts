// Verification against the embedded reference provider: a contract recorded in either naming
// passes a provider of that naming; a provider with a wrong-typed JSON member fails the 200
// JSON interaction naming the member; a provider of the other naming fails.

import { expect } from 'chai';
import type { Naming } from '../../../src/findings/types.ts';
import { INTERACTIONS } from '../../../src/pact/interactions.ts';
import { embeddedArrangements } from '../../../src/pact/verify/states.ts';
import { verifyContract, type ContractVerdict } from '../../../src/pact/verify/verifyContract.ts';
import { startReferenceProvider } from '../../../src/reference/index.ts';
import { HTTP, recordContract, writeTemp } from './support.ts';

const JSON_OK = INTERACTIONS.find((c) => c.format === 'json' && c.response.status === 200)!.description;
const contracts = new Map<Naming, string>();

async function verifyAgainstReference(contract: Naming, naming: Naming, faults: string[] = []): Promise<ContractVerdict[]> {
  const provider = await startReferenceProvider({ naming, faults });
  try {
    return await verifyContract({ contractFile: contracts.get(contract)!, targetUrl: `${provider.url}/`, arrangements: embeddedArrangements(provider), http: HTTP });
  } finally {
    await provider.stop();
  }
}

const failures = (verdicts: ContractVerdict[]) => verdicts.filter((v) => v.status !== 'pass');

describe('contract verification against the reference provider', function () {
  before(async () => {
    for (const naming of ['backing-field', 'documented'] as const) contracts.set(naming, writeTemp(await recordContract(naming)));
  });

  for (const naming of ['backing-field', 'documented'] as const) {
    it(`passes every interaction of the ${naming} contract on a ${naming} provider`, async () => {
      const verdicts = await verifyAgainstReference(naming, naming);
      expect(verdicts).to.have.length(INTERACTIONS.length);
      expect(failures(verdicts)).to.deep.equal([]);
    });
  }

  for (const [fault, field] of [['id-as-string', '<id>k__BackingField'], ['isext-as-string', '<isExt>k__BackingField']] as const) {
    it(`fails the JSON 200 interaction, naming ${field}, when the provider has the fault ${fault}`, async () => {
      const failed = failures(await verifyAgainstReference('backing-field', 'backing-field', [fault]));
      expect(failed.map((v) => v.interaction)).to.deep.equal([JSON_OK]);
      expect(failed[0]!.message).to.include(`$['${field}']`);
    });
  }

  it('fails both 200 interactions when the provider uses the other naming', async () => {
    const failed = failures(await verifyAgainstReference('backing-field', 'documented'));
    expect(failed.map((v) => v.interaction).sort()).to.deep.equal(INTERACTIONS.filter((c) => c.response.status === 200).map((c) => c.description).sort());
  });
});
