// What the broker commands need, read from the conventional variables: the broker and its
// credentials (PACT_BROKER_*), the pacticipant names, and the version facts CI knows (commit,
// branch, build URL from GITHUB_* or CI_* variables, else git). A missing or contradictory
// setting is a BrokerConfigError: the CLI prints it and exits 2, without a stack trace.

import { execFileSync } from 'node:child_process';
import { pacticipants, type Pacticipants } from '../participants.ts';

type Env = Record<string, string | undefined>;

export class BrokerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrokerConfigError';
  }
}

export interface BrokerConfig {
  baseUrl: string;
  names: Pacticipants;
}

const value = (env: Env, name: string) => env[name]?.trim() || undefined;

export function brokerConfig(env: Env = process.env): BrokerConfig {
  const baseUrl = value(env, 'PACT_BROKER_BASE_URL');
  if (!baseUrl) {
    throw new BrokerConfigError('the Pact Broker is not configured: set PACT_BROKER_BASE_URL, and PACT_BROKER_TOKEN or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD (see docs/contracts.md)');
  }
  if (!/^https?:\/\/[^\s]+$/.test(baseUrl)) throw new BrokerConfigError(`PACT_BROKER_BASE_URL: "${baseUrl}" is not an http(s) URL`);
  const [user, password, token] = [value(env, 'PACT_BROKER_USERNAME'), value(env, 'PACT_BROKER_PASSWORD'), value(env, 'PACT_BROKER_TOKEN')];
  if (token && (user || password)) throw new BrokerConfigError('set either PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD, not both');
  if (Boolean(user) !== Boolean(password)) throw new BrokerConfigError('PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD go together; one of them is missing');
  return { baseUrl, names: pacticipants(env) };
}

/** The version this checkout publishes as: the commit CI built, else git's HEAD. */
export function gitCommit(env: Env = process.env): string {
  const commit = value(env, 'PACT_VERSION') ?? value(env, 'GITHUB_SHA') ?? value(env, 'CI_COMMIT_SHA') ?? git(['rev-parse', 'HEAD']);
  if (!commit) throw new BrokerConfigError('no version to publish: set PACT_VERSION, or run inside a git checkout (or CI with GITHUB_SHA / CI_COMMIT_SHA)');
  return commit;
}

export function gitBranch(env: Env = process.env): string | undefined {
  const branch = value(env, 'PACT_BRANCH') ?? value(env, 'GITHUB_HEAD_REF') ?? value(env, 'GITHUB_REF_NAME') ?? value(env, 'CI_COMMIT_REF_NAME') ?? git(['rev-parse', '--abbrev-ref', 'HEAD']);
  return branch === 'HEAD' ? undefined : branch;
}

export function buildUrl(env: Env = process.env): string | undefined {
  const [server, repository, runId] = [value(env, 'GITHUB_SERVER_URL'), value(env, 'GITHUB_REPOSITORY'), value(env, 'GITHUB_RUN_ID')];
  if (server && repository && runId) return `${server}/${repository}/actions/runs/${runId}`;
  return value(env, 'CI_JOB_URL') ?? value(env, 'CI_PIPELINE_URL');
}

export function environment(env: Env = process.env): string {
  const name = value(env, 'PACT_ENVIRONMENT');
  if (!name) throw new BrokerConfigError('PACT_ENVIRONMENT is not set: name the environment being deployed to (e.g. production)');
  return name;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
