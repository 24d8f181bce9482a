// Contract verification as a stage of the conformance run: picks the state arrangements for
// the run's target (embedded provider or live server), keeps the run's token chain going on a
// live server, and records each interaction's verdict in the run's findings for the reports.

import type { Naming } from '../../findings/types.ts';
import type { Run } from '../../run/context.ts';
import { INTERACTIONS } from '../interactions.ts';
import { contractFile } from '../participants.ts';
import { embeddedArrangements, liveArrangements, type Arrangements } from './states.ts';
import { verifyContract, type ContractVerdict } from './verifyContract.ts';

export async function verifyRunContract(run: Run, naming: Naming): Promise<ContractVerdict[]> {
  const started = performance.now();
  const provider = run.target.provider;
  try {
    const verdicts = await verifyContract({
      contractFile: contractFile(naming),
      targetUrl: run.target.url,
      http: run.http,
      arrangements: provider ? embeddedArrangements(provider) : await liveStates(run),
      excluded: (description) => run.selection.excludedBy(INTERACTIONS.find((c) => c.description === description)?.id ?? '') !== undefined,
      onIssued: provider ? undefined : (issued) => {
        if (issued.refreshToken) run.tokens.handOver(issued.refreshToken);
        else run.tokens.broken('a contract refresh answered 200 without a readable refresh token');
      },
    });
    for (const verdict of verdicts) run.findings.addContractResult(verdict);
    return verdicts;
  } finally {
    provider?.setTokenStoreAvailable(true);
    run.findings.timing('contracts.verify', performance.now() - started);
  }
}

async function liveStates(run: Run): Promise<Arrangements> {
  const token = await run.tokens.current().catch(() => undefined);
  return liveArrangements(run.tokens, token);
}
