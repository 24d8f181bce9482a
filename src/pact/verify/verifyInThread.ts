// Pact's verifier, run in the run's helper thread (src/run/helperThread.ts): the consumer
// recording has loaded Pact's core there already, where loading it again on the main thread
// cost about 45 ms just when the probes were back. The verifier itself works in Rust threads of
// its own, talks only to the capture proxy (on the main thread) over loopback, and reads the
// process's environment, which the main thread sets (verifyContract.ts).

import type { VerifierOptions } from '@pact-foundation/pact-core/src/verifier/types.js';

/** The options of Pact's verifier the run sets, as plain data. */
export type VerifierRequest = Required<Pick<VerifierOptions, 'provider' | 'providerBaseUrl' | 'providerStatesSetupUrl' | 'pactUrls' | 'logLevel' | 'timeout'>>;

/** Pact's verification report, or the message of the error that stopped it. */
export async function verifyInThisThread(request: VerifierRequest): Promise<string> {
  const { Verifier } = await import('@pact-foundation/pact-core/src/verifier/index.js');
  return new Verifier(request).verify().catch((error: Error) => error.message);
}
