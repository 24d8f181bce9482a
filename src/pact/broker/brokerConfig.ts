// What the broker commands need, read from the conventional variables: the broker and its
// credentials (PACT_BROKER_*), the pacticipant names, and the version facts CI knows (commit,
// branch, build URL from GITHUB_* or CI_* variables, else git). A missing or contradictory
// setting is a BrokerConfigError: the CLI prints it and exits 2, without a stack trace.

import { execFileSync } from 'node:child_process';
import type { ConfigVariable } from '../../config/config.ts';
import { pacticipants, type Pacticipants } from '../participants.ts';

type Env = Record<string, string | undefined>;

/** What the broker commands read, besides CONTRACT_VARIABLES (docs/contracts.md explains each). */
export const BROKER_VARIABLES: ConfigVariable[] = [
  { name: 'PACT_BROKER_BASE_URL', default: '(required)', description: 'URL of the Pact Broker.' },
  { name: 'PACT_BROKER_TOKEN', default: '(none)', description: 'Bearer token for the broker (or the two below).', secret: true },
  { name: 'PACT_BROKER_USERNAME', default: '(none)', description: 'Basic-auth user for the broker (with PACT_BROKER_PASSWORD).' },
  { name: 'PACT_BROKER_PASSWORD', default: '(none)', description: 'Basic-auth password for the broker.', secret: true },
  { name: 'PACT_VERSION', default: '(GITHUB_SHA, CI_COMMIT_SHA, else git HEAD)', description: 'Consumer version: the commit being published or deployed.' },
  { name: 'PACT_BRANCH', default: '(GITHUB_HEAD_REF, GITHUB_REF_NAME, CI_COMMIT_REF_NAME, else git)', description: 'Branch of the published version.' },
  { name: 'PACT_ENVIRONMENT', default: '(required by can-i-deploy, record-deployment)', description: 'Environment being deployed to, e.g. production.' },
  { name: 'PACT_PACTICIPANT', default: '(PACT_CONSUMER)', description: 'Pacticipant that can-i-deploy and record-deployment ask about.' },
  { name: 'PACT_BROKER_HTTP_RETRIES', default: '(8, the Pact CLI\'s)', description: 'How often the Pact CLI retries a failed broker request.' },
];

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
