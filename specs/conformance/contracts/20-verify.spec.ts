// Provider side of the contract: the target (embedded reference provider, or TARGET_URL)
// is verified against the contract the consumer specs just wrote. One test per interaction of
// every endpoint; a state the target cannot arrange (an outage on a live server, a login
// without its credentials) is a skip with its reason, and a failure in the strict profile.

import type { ContractVerdict } from '../../../src/pact/verify/verifyContract.ts';
import { interactionsFor } from '../../../src/pact/interactions.ts';
import type { Run } from '../../../src/run/context.ts';
import { stageBudgetMs, verificationStage } from '../../../src/run/stages.ts';
import { FindingError } from '../../../src/findings/findingError.ts';
import type { Profile } from '../../../src/config/config.ts';
import { isBlockingContract } from '../../../src/run/policy.ts';
import { declaredEndpoints, runFor } from '../run.ts';

const endpoints = declaredEndpoints();

describe('contract, provider side (Pact verifier)', function () {
  let verdicts: ContractVerdict[] = [];
  let profile: Profile = 'default';
  let run: Run;

  before(async function () {
    run = await runFor(endpoints);
    this.timeout(stageBudgetMs(run));
    profile = run.config.profile;
    verdicts = await verificationStage(run);
  });

  for (const c of interactionsFor(endpoints).cases) {
    it(`honours ${c.description}`, function () {
      const excludedBy = run.selection.excludedBy(c.id);
      if (excludedBy) {
        this.test!.title += ` (excluded by ${excludedBy})`;
        this.skip();
      }
      const verdict = verdicts.find((v) => v.interaction === c.description);
      if (!verdict) throw new Error('the contract has no such interaction; run the consumer specs first');
      if (isBlockingContract(verdict.status, profile)) {
        throw new FindingError(verdict.status === 'skip' ? `skipped, which the strict profile fails: ${verdict.message}` : verdict.message);
      }
      if (verdict.status === 'skip') {
        this.test!.title += ` (skipped: ${verdict.message})`;
        this.skip();
      }
    });
  }
});
