// Consumer side of the contract: the real client runs against Pact's mock server for every
// interaction of the catalogue, and the complete recording becomes the contract (contracts/
// for the default naming; a temporary folder for the documented one). Runs before verification.

import { expect } from 'chai';
import { ContractRecording, CONSUMER_TEST_TOKEN } from '../../../src/pact/consumer.ts';
import { contractLeaks } from '../../../src/pact/leaks.ts';
import { INTERACTIONS } from '../../../src/pact/interactions.ts';
import { contractNaming } from '../../../src/pact/participants.ts';
import { namingMap } from '../../../src/schemas/load.ts';
import { currentRun, type Run } from '../../../src/run/context.ts';

describe('contract, consumer side (Pact mock server)', function () {
  let recording: ContractRecording;
  let run: Run;
  let started: number;

  before(async function () {
    run = await currentRun();
    started = performance.now();
    recording = new ContractRecording(contractNaming(run.config.naming));
  });
  after(() => {
    recording?.dispose();
    run?.findings.timing('contracts.consumer', performance.now() - started);
  });

  for (const c of INTERACTIONS) {
    it(`records ${c.description} (${c.response.status})`, async function () {
      const result = await recording.record(c);
      expect(result?.status).to.equal(c.response.status);
      if (result?.status === 200 && 'token' in result) {
        // The mock answers with the contract's examples, parsed into the doc's names and types.
        for (const m of namingMap().response.members) expect(result.token[m.documented], m.documented).to.equal(m.example);
        expect(result.token.refresh_token).to.not.equal(CONSUMER_TEST_TOKEN);
      } else {
        expect(result).to.have.property('message').that.is.a('string');
      }
    });
  }

  it('writes the complete contract, holding synthetic examples only', function () {
    const text = recording.finish();
    expect(contractLeaks(JSON.parse(text), text)).to.deep.equal([]);
    recording.save(text);
  });
});
