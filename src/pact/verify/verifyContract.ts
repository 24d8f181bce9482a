// Provider verification of one pact file against a target: interactions whose state cannot be
// arranged (or whose endpoint has no credentials on this target) are skipped with the reason;
// the rest run through Pact's verifier, which talks only to the capture proxy: it arranges each
// state (stateArranger.ts), injects live tokens and credentials by the endpoint at the path,
// keeps the token chain intact and live tokens out of Pact.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import '../quietBacktraces.ts';
import '../noTelemetry.ts';
import type { TestedEndpoint } from '../../endpoints/testedEndpoint.ts';
import type { HttpOptions } from '../../http/client.ts';
import type { IssuedTokens } from '../../target/issuedTokens.ts';
import { readPact, stateOf, writeSubset, type PactInteraction } from '../contractFile.ts';
import { packageEndpoints } from '../../endpoints/packageEndpoints.ts';
import type { ProviderState } from '../providerStates.ts';
import { startCaptureProxy } from './captureProxy.ts';
import { readVerdicts } from './results.ts';
import { inHelperThread } from '../../run/helperThread.ts';
import { StateArranger } from './stateArranger.ts';
import { arrangementSkip, type Arrangement, type Arrangements } from './states.ts';

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
  /** Called when a refresh the verification made got no complete answer. */
  onLost?: (why: string) => void;
  /** Interactions (by description) ONLY or SKIP left out: neither sent nor given a verdict. */
  excluded?: (description: string) => boolean;
  /** The endpoints the contract covers (default: the package's own three), for what goes into whose request. */
  endpoints?: readonly TestedEndpoint[];
  /** Asked, in file order, for each interaction that would be sent: a reason to skip it instead (a login beyond MAX_LOGINS). */
  admit?: (endpoint: TestedEndpoint | undefined, arrangement: Arrangement | undefined) => string | undefined;
}

export async function verifyContract(options: VerifyOptions): Promise<ContractVerdict[]> {
  const pact = readPact(options.contractFile);
  const endpoints = options.endpoints ?? packageEndpoints();
  const endpointAt = (path: string | undefined) => endpoints.find((e) => e.path.toLowerCase() === (path ?? '').split('?')[0]!.replace(/^\/+/, '').toLowerCase());
  const skipReason = (i: PactInteraction) => arrangementSkip(options.arrangements[stateOf(i) as ProviderState] as Arrangement | undefined, endpointAt(i.request.path));
  const selected = pact.interactions.filter((i) => !options.excluded?.(i.description));
  const reasons = new Map(selected.map((i) => [i, skipReason(i) ?? options.admit?.(endpointAt(i.request.path), options.arrangements[stateOf(i) as ProviderState])]));
  const skipped = selected.filter((i) => reasons.get(i) !== undefined);
  const runnable = selected.filter((i) => !skipped.includes(i));
  const skips: ContractVerdict[] = skipped.map((i) => ({ interaction: i.description, status: 'skip', message: reasons.get(i)! }));
  if (runnable.length === 0) return skips;

  const file = runnable.length < pact.interactions.length ? writeSubset(options.contractFile, (i) => runnable.some((r) => r.description === i.description)) : options.contractFile;
  const states = new StateArranger(options.arrangements, endpointAt);
  const proxy = await startCaptureProxy({
    targetUrl: options.targetUrl,
    http: options.http,
    tokenRole: (path) => {
      const role = endpointAt(path)?.role;
      return role === 'generic' ? undefined : role;
    },
    onIssued: options.onIssued ?? (() => undefined),
    ...(options.onLost ? { onLost: options.onLost } : {}),
    onStateChange: (change) => states.change(change),
    rewrite: (path, body) => states.rewrite(path, body),
  });
  try {
    // Pact's core alone, not Pact JS's Verifier: that one puts an Express proxy of its own in
    // front of the target for its state handlers and request filters, which the capture proxy
    // does here. In the helper thread, where the consumer recording loaded Pact's core already.
    const report = await loopbackOnly(() => inHelperThread('verify', {
      provider: pact.provider.name,
      providerBaseUrl: proxy.url,
      providerStatesSetupUrl: proxy.stateChangeUrl,
      pactUrls: [file],
      logLevel: 'error',
      // A request may first wait its turn under RATE_LIMIT.
      timeout: options.http.timeoutMs + 1000 + (options.http.pacer ? Math.ceil(1000 / options.http.pacer.ratePerSecond) : 0),
    }));
    const verdicts = readVerdicts(report, runnable.map((i) => i.description));
    const unavailable = states.unavailable(runnable);
    return [...skips, ...verdicts.map((v): ContractVerdict => {
      const hookError = states.failure(runnable.find((i) => i.description === v.description)!);
      const reason = unavailable.get(v.description);
      if (reason && v.status === 'fail') return { interaction: v.description, status: 'skip', message: reason };
      return hookError
        ? { interaction: v.description, status: 'fail', message: [hookError, v.status === 'fail' ? v.message : ''].filter(Boolean).join('\n') }
        : { interaction: v.description, status: v.status, message: v.message };
    })];
  } finally {
    await proxy.close();
    if (file !== options.contractFile) rmSync(dirname(file), { recursive: true, force: true });
  }
}

/**
 * Pact's verifier reads the proxy variables itself and sent its requests for the run's own
 * loopback server (the capture proxy) to the user's proxy: as absolute-form requests under
 * HTTP_PROXY, as CONNECT tunnels under HTTPS_PROXY, whatever NO_PROXY said. It only ever talks to loopback, over plain HTTP, so it runs with no proxy
 * variable set; the capture proxy's onward request to the target keeps the user's settings
 * (read once into the run's config) and RATE_LIMIT, through the run's client.
 *
 * For the same reason it gets an empty trust store: its HTTP client reads the system's CA
 * certificates (SSL_CERT_FILE, SSL_CERT_DIR, else /etc/ssl/certs) afresh for every request it
 * sends, state changes included, which took about 10 ms a request, two thirds of the
 * verification. Node read its own trust store at start-up, so the run's client is unaffected.
 * The verifier works in the helper thread, but Pact's core reads the process's environment,
 * which this (the main) thread's process.env writes; a worker's process.env is only a copy.
 */
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY'].flatMap((name) => [name, name.toLowerCase()]);
const TRUST_STORE_VARIABLES = ['SSL_CERT_FILE', 'SSL_CERT_DIR'];

async function loopbackOnly<T>(verify: () => Promise<T>): Promise<T> {
  const saved = [...PROXY_VARIABLES, ...TRUST_STORE_VARIABLES].map((name) => [name, process.env[name]] as const);
  const emptyStore = mkdtempSync(join(tmpdir(), 'pact-no-ca-'));
  for (const name of PROXY_VARIABLES) delete process.env[name];
  writeFileSync(join(emptyStore, 'none.pem'), '');
  process.env.SSL_CERT_FILE = join(emptyStore, 'none.pem');
  process.env.SSL_CERT_DIR = emptyStore;
  try {
    return await verify();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(emptyStore, { recursive: true, force: true });
  }
}
