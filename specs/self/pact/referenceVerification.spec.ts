// Verification against the embedded reference provider, every endpoint of the package's set
// (login, corp login, refresh-token): a contract recorded in either naming passes a provider of
// that naming, its users' credentials injected into the logins; a provider with a wrong-typed
// JSON member fails each 200 JSON interaction naming the member; a corp login that answers the
// login's TokenResponse fails the corp login's 200s and nothing else; a provider of the other
// naming fails every 200.

import { expect } from 'chai';
import type { Naming } from '../../../src/findings/types.ts';
import { INTERACTIONS } from '../../../src/pact/interactions.ts';
import { embeddedArrangements } from '../../../src/pact/verify/states.ts';
import { verifyContract, type ContractVerdict } from '../../../src/pact/verify/verifyContract.ts';
import { startReferenceProvider } from '../../../src/reference/index.ts';
import { HTTP, recordContract, writeTemp } from './support.ts';

const ok = (format?: string, endpoint?: string) => INTERACTIONS.filter((c) => c.response.status === 200 && (!format || c.format === format) && (!endpoint || c.endpoint.name === endpoint)).map((c) => c.description).sort();
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
    it(`fails every JSON 200 interaction (login, corp login, refresh), naming ${field}, when the provider has the fault ${fault}`, async () => {
      const failed = failures(await verifyAgainstReference('backing-field', 'backing-field', [fault]));
      expect(failed.map((v) => v.interaction).sort()).to.deep.equal(ok('json'));
      expect(failed.map((v) => v.interaction)).to.have.length(3);
      for (const verdict of failed) expect(verdict.message).to.include(`$['${field}']`);
    });
  }

  it('fails the corp login\'s 200 interactions, and nothing else, when the corp login answers with the login\'s TokenResponse (corp-login-token-response)', async () => {
    const failed = failures(await verifyAgainstReference('backing-field', 'backing-field', ['corp-login-token-response']));
    expect(failed.map((v) => v.interaction).sort()).to.deep.equal(ok(undefined, 'corp-login'));
    expect(failed.map((v) => v.interaction)).to.have.length(2);
    expect(failed.find((v) => v.interaction.startsWith('a JSON'))!.message).to.include('Actual map is missing').and.include('<email>k__BackingField');
  });

  it('fails every 200 interaction when the provider uses the other naming', async () => {
    const failed = failures(await verifyAgainstReference('backing-field', 'documented'));
    expect(failed.map((v) => v.interaction).sort()).to.deep.equal(ok());
    expect(failed).to.have.length(6);
  });
});
