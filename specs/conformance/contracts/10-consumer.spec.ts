// Consumer side of the contract: the real client runs against Pact's mock server for every
// interaction of the run's endpoints (in the helper thread, overlapping the rest of the run), and
// the complete recording becomes the contract, one file for every endpoint (contracts/ for the
// default naming; a temporary folder for the documented one). Runs before verification. An
// endpoint that yields no interaction is listed with the reason.

import { expect } from 'chai';
import { CONSUMER_TEST_TOKEN, interactionsFor, type InteractionCase } from '../../../src/pact/interactions.ts';
import type { ConsumerResult } from '../../../src/pact/client.ts';
import { responseTemplate } from '../../../src/pact/templates.ts';
import { contractNaming } from '../../../src/pact/participants.ts';
import type { Run } from '../../../src/run/context.ts';
import { consumerReported, consumerStage, stageBudgetMs, type ConsumerStage } from '../../../src/run/stages.ts';
import { declaredEndpoints, runFor } from '../run.ts';

const endpoints = declaredEndpoints();
const { cases, omitted } = interactionsFor(endpoints);
let run: Run;

/** What the client made of the mock's answer: the contract's examples, in the doc's names and types. */
function expectExamples(c: InteractionCase, result: ConsumerResult | undefined): void {
  expect(result?.status).to.equal(c.response.status);
  if (result && 'token' in result) {
    for (const m of c.endpoint.wire!.naming.response.members) expect(result.token[m.documented], m.documented).to.equal(m.example);
    expect(result.token.refresh_token).to.not.equal(CONSUMER_TEST_TOKEN);
  } else if (result && 'body' in result) {
    const expected = responseTemplate(c, contractNaming(run.config.naming))?.text ?? '';
    expect(c.format === 'json' && expected !== '' ? JSON.parse(result.body) : result.body.trim()).to.deep.equal(c.format === 'json' && expected !== '' ? JSON.parse(expected) : expected);
  } else {
    expect(result).to.have.property('message').that.is.a('string');
  }
}

describe('contract, consumer side (Pact mock server)', function () {
  let recorded: ConsumerStage;

  before(async function () {
    run = await runFor(endpoints);
    this.timeout(stageBudgetMs(run));
    recorded = await consumerStage(run);
  });
  after(() => run && consumerReported(run));

  for (const c of cases) {
    it(`records ${c.description} (${c.response.status})`, function () {
      const interaction = recorded.interactions.find((i) => i.description === c.description);
      if (interaction?.error !== undefined) throw new Error(interaction.error);
      expectExamples(c, interaction?.result);
    });
  }

  for (const { endpoint, reason } of omitted) {
    it(`holds no interaction of ${endpoint} (${reason})`, function () {
      this.skip();
    });
  }

  it('writes the complete contract, holding synthetic examples only', function () {
    if (recorded.finishError !== undefined) throw new Error(recorded.finishError);
    expect(recorded.leaks).to.deep.equal([]);
    expect(recorded.saved).to.be.a('string');
  });
});
