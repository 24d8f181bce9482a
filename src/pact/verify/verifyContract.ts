// Provider verification of one pact file against a target: interactions whose state cannot be
// arranged are skipped with the reason; the rest run through Pact's verifier with state
// handlers that arrange each state, a requestFilter that injects live tokens, and the capture
// proxy that keeps the token chain intact and live tokens out of Pact. Hooks never throw (a
// throwing hook can still let Pact 16 report success): errors are recorded and fail the
// interactions of that state afterwards.

import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import '../quietBacktraces.ts';
import type { VerifierOptions } from '@pact-foundation/pact';
import type { HttpOptions } from '../../http/client.ts';
import { redact } from '../../redaction/redactor.ts';
import type { IssuedTokens } from '../../target/issuedTokens.ts';
import { REFRESH_PATH } from '../../target/paths.ts';
import { readPact, stateOf, writeSubset } from '../contractFile.ts';
import type { ProviderState } from '../interactions.ts';
import { startCaptureProxy } from './captureProxy.ts';
import { injectRefreshToken, type FilterRequest } from './injectToken.ts';
import { readVerdicts } from './results.ts';
import type { Arrangement, Arrangements } from './states.ts';

export interface ContractVerdict {
  interaction: string;
  status: 'pass' | 'fail' | 'skip';
  message: string;
}

export interface VerifyOptions {
  contractFile: string;
  /** Base URL of the target, ending in `/`. */
  targetUrl: string;
  arrangements: Arrangements;
  http: HttpOptions;
  /** Called with the tokens of every successful refresh the verification made. */
  onIssued?: (tokens: IssuedTokens) => void;
}

/**
 * Pact's verifier, loaded when first needed, or ahead of that by a caller that waits anyway.
 * Its own module, not the package's index: the index also loads the consumer DSL, GraphQL and
 * the message APIs, about 0.3 s where the verifier alone takes about half that.
 */
export function loadPact(): Promise<typeof import('@pact-foundation/pact/src/dsl/verifier/verifier.js')> {
  return import('@pact-foundation/pact/src/dsl/verifier/verifier.js');
}

export async function verifyContract(options: VerifyOptions): Promise<ContractVerdict[]> {
  const pact = readPact(options.contractFile);
  const skipReason = (state: string | undefined) => (state ? options.arrangements[state as ProviderState]?.skip : undefined);
  const skipped = pact.interactions.filter((i) => skipReason(stateOf(i)) !== undefined);
  const runnable = pact.interactions.filter((i) => !skipped.includes(i));
  const skips: ContractVerdict[] = skipped.map((i) => ({ interaction: i.description, status: 'skip', message: skipReason(stateOf(i))! }));
  if (runnable.length === 0) return skips;

  const file = skipped.length > 0 ? writeSubset(options.contractFile, (i) => runnable.some((r) => r.description === i.description)) : options.contractFile;
  const hookErrors = new Map<string, string>();
  const proxy = await startCaptureProxy({ targetUrl: options.targetUrl, http: options.http, onIssued: options.onIssued ?? (() => undefined) });
  let pendingToken: string | undefined;
  const arrange = (state: string, step: (a: Arrangement) => Promise<void> | void) => async () => {
    try {
      const arrangement = options.arrangements[state as ProviderState];
      if (!arrangement) throw new Error(`no arrangement for provider state "${state}"`);
      await step(arrangement);
    } catch (error) {
      hookErrors.set(state, redact(`arranging "${state}" failed: ${(error as Error).message}`));
    }
    return undefined;
  };
  try {
    const { Verifier } = await loadPact();
    const verifier = new Verifier({
      provider: pact.provider.name,
      providerBaseUrl: proxy.url,
      pactUrls: [file],
      logLevel: 'error',
      timeout: options.http.timeoutMs + 1000,
      // Setup-and-teardown handlers are HTTP-only; the option's type also admits message handlers.
      stateHandlers: Object.fromEntries(Object.keys(options.arrangements).map((state) => [state, {
        setup: arrange(state, async (a) => {
          pendingToken = undefined;
          a.setup?.();
          pendingToken = a.token ? await a.token() : undefined;
        }),
        teardown: arrange(state, (a) => a.teardown?.()),
      }])) as unknown as VerifierOptions['stateHandlers'],
      requestFilter: (req: FilterRequest & { path: string }, _res: unknown, next: () => void) => {
        if (pendingToken !== undefined && req.path.replace(/^\/+/, '').toLowerCase() === REFRESH_PATH.toLowerCase()) {
          injectRefreshToken(req, pendingToken);
          pendingToken = undefined;
        }
        next();
      },
    });
    const report = await verifier.verifyProvider().catch((error: Error) => error.message);
    const verdicts = readVerdicts(report, runnable.map((i) => i.description));
    return [...skips, ...verdicts.map((v): ContractVerdict => {
      const hookError = hookErrors.get(stateOf(runnable.find((i) => i.description === v.description)!) ?? '');
      return hookError
        ? { interaction: v.description, status: 'fail', message: [hookError, v.status === 'fail' ? v.message : ''].filter(Boolean).join('\n') }
        : { interaction: v.description, status: v.status, message: v.message };
    })];
  } finally {
    await proxy.close();
    if (file !== options.contractFile) rmSync(dirname(file), { recursive: true, force: true });
  }
}
