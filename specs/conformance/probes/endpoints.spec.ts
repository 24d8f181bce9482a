// The live probes of every endpoint the run covers (the doc set's, ENDPOINTS narrowing it): one
// describe per endpoint, one test per case and Accept media type, so a failure names the
// endpoint and what broke. All probes are sent (and XML validated in one batch) before the
// tests read their findings. The launcher starts the run (and reads the endpoint set) before
// mocha loads this file; under mocha alone the set is read here the same way from DOCS or docs/.

import type { Run } from '../../../src/run/context.ts';
import { declaredEndpoints, runFor } from '../run.ts';
import { endpointProbes, casesFor, probeTitle } from '../../../src/probes/cases.ts';
import type { ProbeRun } from '../../../src/probes/runner.ts';
import { probeStage, stageBudgetMs } from '../../../src/run/stages.ts';
import { testVerdict } from '../../../src/probes/verdict.ts';
import type { Finding } from '../../../src/findings/types.ts';
import { FindingError } from '../../../src/findings/findingError.ts';
import { namingConsistent } from '../../../src/checks/naming.ts';
import { RUN_CASE } from '../../../src/checks/evaluate.ts';

const endpoints = declaredEndpoints();

describe(`probes of ${endpoints.length} endpoint(s)`, function () {
  let run: Run;
  let probed: ProbeRun;

  before(async function () {
    run = await runFor(endpoints);
    this.timeout(stageBudgetMs(run));
    probed = await probeStage(run);
  });

  function judge(this: Mocha.Context, findings: readonly Finding[]): void {
    const verdict = testVerdict(findings, run.config.profile);
    if (verdict.kind === 'fail') throw new FindingError(verdict.message);
    if (verdict.kind === 'skip') {
      this.test!.title += ` (skipped: ${verdict.reason})`;
      this.skip();
    }
  }

  for (const endpoint of endpoints) {
    const probes = endpointProbes(endpoint, casesFor(endpoint, endpoints));
    describe(`${endpoint.id} (${endpoint.role}: ${endpoint.roleReason}) probes (${probes.length})`, function () {
      for (const probe of probes) {
        it(probeTitle(probe), function () {
          const result = probed.results.get(probe.key)!;
          if (result.excludedBy) {
            this.test!.title += ` (excluded by ${result.excludedBy})`;
            this.skip();
          }
          judge.call(this, result.findings);
        });
      }

      if (endpoint.role === 'issuing') {
        it('judges every login the run made here for a token (the chain, the family probes) like a probe', function () {
          judge.call(this, probed.loginFindings.filter((f) => f.endpoint === endpoint.id));
        });
      }

      if (endpoint.wire) {
        it('uses one naming across every response and both formats', function () {
          judge.call(this, probed.runFindings.filter((f) => f.endpoint === endpoint.id && f.check === namingConsistent.id));
        });
      }
    });
  }

  describe('the run as a whole', function () {
    it('gets an answer to every request until the run ends (the target keeps answering)', function () {
      judge.call(this, probed.runFindings.filter((f) => f.caseId === RUN_CASE && f.check !== namingConsistent.id));
    });
  });
});
