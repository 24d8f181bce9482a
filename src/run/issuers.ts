// What the run's issuing endpoints give the probes: the credentials an issuing endpoint's
// probes log in with (the configured ones; on the embedded provider, its own user's), and a
// refresh token fresh from a given issuer for the refreshing endpoint's family probes (a real
// login, spending from MAX_LOGINS; on the embedded provider, a token of that issuer's user).

import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import type { Identity } from '../findings/types.ts';
import type { Credentials } from '../probes/request.ts';
import { registerSecret } from '../redaction/redactor.ts';
import { credentialIdentity, loginSource } from '../target/login.ts';
import type { Run } from './context.ts';
import { configuredCredentials, noCredentialsReason } from './credentials.ts';
import { TokenSourceError } from './tokens.ts';

/** Where an endpoint is on the target: its doc's path, or LOGIN_PATH for the login. */
export function endpointPath(run: Pick<Run, 'config'>, endpoint: TestedEndpoint): string {
  return endpoint.name === 'login' && run.config.login ? run.config.login.path : endpoint.path;
}

export function probeCredentials(run: Pick<Run, 'config' | 'target'>, endpoint: TestedEndpoint): Credentials | undefined {
  return configuredCredentials(run.config, endpoint) ?? run.target.provider?.credentials(endpoint.name);
}

export type FamilyToken = { token: string; identity: Identity } | { skipReason: string };

/** A refresh token of a new family from `issuer`. */
export async function familyToken(run: Run, issuer: TestedEndpoint): Promise<FamilyToken> {
  const credentials = probeCredentials(run, issuer);
  if (!credentials) return { skipReason: noCredentialsReason(issuer) };
  const provider = run.target.provider;
  if (provider && !configuredCredentials(run.config, issuer)) {
    const token = provider.issueRefreshToken(credentials.username);
    registerSecret(token);
    return { token, identity: credentialIdentity(credentials) };
  }
  const source = loginSource({ baseUrl: run.target.url, endpoint: issuer, credentials, path: endpointPath(run, issuer) }, run.http, (e) => run.loginExchanges.push(e), run.loginBudget);
  try {
    const token = await source.obtain();
    registerSecret(token);
    return { token, identity: credentialIdentity(credentials) };
  } catch (error) {
    if (!(error instanceof TokenSourceError)) throw error;
    return { skipReason: `no refresh token from ${issuer.id}: ${error.message}` };
  }
}
