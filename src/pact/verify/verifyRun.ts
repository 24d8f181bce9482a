// Contract verification as a stage of the conformance run, over the interactions of the run's
// endpoints: picks the state arrangements for the run's target (embedded provider, whose own
// users log in; or a live server, with LOGIN_* and CORP_LOGIN_*), keeps the run's token chain going on a
// live server, and records each interaction's verdict in the run's findings for the reports.
// Against a target that stopped answering nothing is verified: the interactions are skipped
// with the reason (the stop itself is one finding), instead of each waiting out its deadline.

import type { Naming } from '../../findings/types.ts';
import type { Run } from '../../run/context.ts';
import { LoginBudgetError } from '../../run/logins.ts';
import { TARGET_STOPPED } from '../../run/traffic.ts';
import { contractFile, narrowedSet } from '../participants.ts';
import { interactionsFor } from '../interactions.ts';
import { liveCredentials } from './credentials.ts';
import { embeddedArrangements, liveArrangements, type Arrangement, type Arrangements } from './states.ts';
import type { TestedEndpoint } from '../../endpoints/testedEndpoint.ts';
import { verifyContract, type ContractVerdict } from './verifyContract.ts';

export async function verifyRunContract(run: Run, naming: Naming): Promise<ContractVerdict[]> {
  const started = performance.now();
  const provider = run.target.provider;
  const { cases } = interactionsFor(run.endpoints);
  const excluded = (description: string) => run.selection.excludedBy(cases.find((c) => c.description === description)?.id ?? '') !== undefined;
  try {
    const verdicts = run.traffic.stop ? cases.filter((i) => !excluded(i.description)).map((i): ContractVerdict => ({ interaction: i.description, status: 'skip', message: TARGET_STOPPED })) : await verifyContract({
      contractFile: contractFile(naming, undefined, narrowedSet(run.config)),
      targetUrl: run.target.url,
      http: run.http,
      arrangements: provider ? embeddedArrangements(provider) : await liveStates(run),
      excluded,
      endpoints: run.endpoints,
      ...(provider ? {} : { admit: (endpoint, arrangement) => (logsIn(endpoint, arrangement) ? spendLogin(run) : undefined) }),
      onIssued: provider ? undefined : (issued) => {
        if (issued.refreshToken) run.tokens.handOver(issued.refreshToken);
        else run.tokens.broken('a contract refresh answered 200 without a readable refresh token');
      },
      onLost: provider ? undefined : (why) => run.tokens.broken(`the answer to a contract refresh was lost (${why}), so whether the server rotated the chain's token is unknown`),
    });
    const judged = run.traffic.stop ? verdicts.map(stoppedDuringVerification) : verdicts;
    for (const verdict of judged) run.findings.addContractResult(verdict);
    return judged;
  } finally {
    provider?.setTokenStoreAvailable(true);
    run.findings.timing('contracts.verify', performance.now() - started);
  }
}

/**
 * A request that carries the run's credentials to a live issuing endpoint is a login: it spends
 * from MAX_LOGINS, and beyond it is skipped with the reason. Credentials no user has touch no
 * account and spend nothing, as in the probes.
 */
export function logsIn(endpoint: TestedEndpoint | undefined, arrangement: Arrangement | undefined): boolean {
  return endpoint?.role === 'issuing' && arrangement?.credentials !== undefined;
}

function spendLogin(run: Run): string | undefined {
  try {
    run.loginBudget.spend();
    return undefined;
  } catch (error) {
    if (error instanceof LoginBudgetError) return error.message;
    throw error;
  }
}

async function liveStates(run: Run): Promise<Arrangements> {
  const token = await run.tokens.current().catch(() => undefined);
  return liveArrangements(run.tokens, token, liveCredentials(run.config));
}

/** Once the target stopped answering, a failing interaction says nothing the stop's finding does not. */
function stoppedDuringVerification(verdict: ContractVerdict): ContractVerdict {
  return verdict.status === 'fail' ? { ...verdict, status: 'skip', message: `${TARGET_STOPPED} (during contract verification)` } : verdict;
}
