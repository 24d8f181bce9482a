// Consumer side of the contract: the real client runs against Pact's mock server for every
// interaction of the catalogue (in a worker thread, overlapping the rest of the run), and the
// complete recording becomes the contract (contracts/ for the default naming; a temporary
// folder for the documented one). Runs before verification.

import { expect } from 'chai';
import { CONSUMER_TEST_TOKEN, INTERACTIONS } from '../../../src/pact/interactions.ts';
import { namingMap } from '../../../src/schemas/load.ts';
import { currentRun, type Run } from '../../../src/run/context.ts';
import { consumerReported, consumerStage, stageBudgetMs, type ConsumerStage } from '../../../src/run/stages.ts';

describe('contract, consumer side (Pact mock server)', function () {
  let recorded: ConsumerStage;
  let run: Run | undefined;

  before(async function () {
    run = await currentRun();
    this.timeout(stageBudgetMs(run));
    recorded = await consumerStage(run);
  });
  after(() => run && consumerReported(run));

  for (const c of INTERACTIONS) {
    it(`records ${c.description} (${c.response.status})`, function () {
      const interaction = recorded.interactions.find((i) => i.description === c.description);
      if (interaction?.error !== undefined) throw new Error(interaction.error);
      const result = interaction?.result;
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
    if (recorded.finishError !== undefined) throw new Error(recorded.finishError);
    expect(recorded.leaks).to.deep.equal([]);
    expect(recorded.saved).to.be.a('string');
  });
});
