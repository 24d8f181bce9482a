// What the capture proxy does for the verifier around each interaction: arranges the provider
// state the verifier asks for, and puts the live token or credentials that state calls for into
// the request that follows. Arranging never throws, so the verifier always gets its answer:
// an error is kept and fails the interactions of that state afterwards, with what went wrong;
// a state that could not be arranged at that moment (no live token any more) skips its
// interaction with the reason instead of failing it.

import type { TestedEndpoint } from '../../endpoints/testedEndpoint.ts';
import { redact } from '../../redaction/redactor.ts';
import { stateOf, type PactInteraction } from '../contractFile.ts';
import type { ProviderState } from '../providerStates.ts';
import type { StateChange } from './captureProxy.ts';
import { credentialsFor, type CredentialLookup } from './credentials.ts';
import { injectRefreshToken, injectValues, type OutgoingBody } from './injectToken.ts';
import { StateUnavailable, type Arrangement, type Arrangements } from './states.ts';

interface StateSetup {
  state: string;
  /** Why the state could not be arranged for this interaction. */
  unavailable?: string;
}

export class StateArranger {
  private readonly setups: StateSetup[] = [];
  private readonly failures = new Map<string, string>();
  private pendingToken: string | undefined;
  private pendingCredentials: CredentialLookup | undefined;

  constructor(
    private readonly arrangements: Arrangements,
    private readonly endpointAt: (path: string) => TestedEndpoint | undefined,
  ) {}

  /** States the contract names but the arrangements do not are left alone, as Pact's own state handlers leave them. */
  async change({ state, action }: StateChange): Promise<void> {
    const arrangement = this.arrangements[state as ProviderState] as Arrangement | undefined;
    if (!arrangement) return;
    if (action === 'setup') {
      this.setups.push({ state });
      await this.attempt(state, async () => {
        this.pendingToken = undefined;
        this.pendingCredentials = arrangement.credentials;
        arrangement.setup?.();
        this.pendingToken = arrangement.token ? await arrangement.token() : undefined;
      });
    }
    if (action === 'teardown') await this.attempt(state, () => arrangement.teardown?.());
  }

  /** The request body with the values the last state called for, or undefined to send it as it came. */
  rewrite(path: string, body: OutgoingBody): string | undefined {
    const endpoint = this.endpointAt(path);
    let text: string | undefined;
    if (this.pendingToken !== undefined && endpoint?.role === 'refreshing') {
      text = injectRefreshToken(body, endpoint, this.pendingToken);
      this.pendingToken = undefined;
    }
    if (this.pendingCredentials !== undefined && endpoint?.role === 'issuing') {
      const found = credentialsFor(endpoint, this.pendingCredentials);
      if ('values' in found) text = injectValues(body, endpoint, found.values);
      this.pendingCredentials = undefined;
    }
    return text;
  }

  /** Why arranging the interaction's state failed, if it did. */
  failure(interaction: PactInteraction): string | undefined {
    return this.failures.get(stateOf(interaction) ?? '');
  }

  /**
   * Why each interaction's state could not be arranged when its turn came. The verifier sets up
   * each interaction's state in file order, so the n-th setup belongs to the n-th interaction;
   * when the setups do not line up that way, nothing is attributed.
   */
  unavailable(runnable: readonly PactInteraction[]): Map<string, string> {
    const { setups } = this;
    const aligned = setups.length === runnable.length && setups.every((s, n) => s.state === stateOf(runnable[n]!));
    if (!aligned) return new Map();
    return new Map(runnable.flatMap((interaction, n) => (setups[n]!.unavailable ? [[interaction.description, setups[n]!.unavailable!] as const] : [])));
  }

  private async attempt(state: string, step: () => Promise<void> | void): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (error instanceof StateUnavailable) this.setups.at(-1)!.unavailable = redact(error.message);
      else this.failures.set(state, redact(`arranging "${state}" failed: ${(error as Error).message}`));
    }
  }
}
