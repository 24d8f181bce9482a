// The live probes of POST api/v1/auth/refresh-token: one test per case and Accept media type,
// so a failure names what broke. All probes are sent (and XML validated in one batch) before
// the tests read their findings.

import { currentRun, type Run } from '../../../src/run/context.ts';
import { expandProbes, probeTitle } from '../../../src/probes/cases.ts';
import type { ProbeRun } from '../../../src/probes/runner.ts';
import { probeStage, stageBudgetMs } from '../../../src/run/stages.ts';
import { testVerdict } from '../../../src/probes/verdict.ts';
import type { Finding } from '../../../src/findings/types.ts';
import { FindingError } from '../../../src/findings/findingError.ts';
import { namingConsistent } from '../../../src/checks/naming.ts';

const probes = expandProbes();

describe(`POST api/v1/auth/refresh-token probes (${probes.length})`, function () {
  let run: Run;
  let probed: ProbeRun;

  before(async function () {
    run = await currentRun();
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

  it('judges every login exchange like a refresh response (status, content type, schema, caching)', function () {
    judge.call(this, probed.loginFindings);
  });

  it('uses one naming across every response and both formats', function () {
    judge.call(this, probed.runFindings.filter((f) => f.check === namingConsistent.id));
  });

  it('gets an answer to every request until the run ends (the target keeps answering)', function () {
    judge.call(this, probed.runFindings.filter((f) => f.check !== namingConsistent.id));
  });
});
