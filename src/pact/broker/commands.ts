// The three broker commands as argument lists for the official Pact CLI (`pact broker ...`).
// Credentials are not among them: the CLI reads PACT_BROKER_TOKEN / _USERNAME / _PASSWORD
// from the environment itself, so they never show in a process list or a log line.

import { relative } from 'node:path';
import { CONTRACTS_DIR } from '../participants.ts';
import { brokerConfig, buildUrl, environment, gitBranch, gitCommit } from './brokerConfig.ts';

type Env = Record<string, string | undefined>;

export const COMMANDS = ['publish', 'can-i-deploy', 'record-deployment'] as const;
export type BrokerCommand = (typeof COMMANDS)[number];

export function brokerArgs(command: BrokerCommand, env: Env = process.env): string[] {
  const { baseUrl, names } = brokerConfig(env);
  const common = ['--broker-base-url', baseUrl];
  const pacticipant = env.PACT_PACTICIPANT?.trim() || names.consumer;
  switch (command) {
    case 'publish': {
      const branch = gitBranch(env);
      const build = buildUrl(env);
      return ['broker', 'publish', relative(process.cwd(), CONTRACTS_DIR) || '.', ...common,
        '--consumer-app-version', gitCommit(env),
        ...(branch ? ['--branch', branch] : []),
        ...(build ? ['--build-url', build] : [])];
    }
    case 'can-i-deploy':
      return ['broker', 'can-i-deploy', ...common, '--pacticipant', pacticipant, '--version', gitCommit(env), '--to-environment', environment(env)];
    case 'record-deployment':
      return ['broker', 'record-deployment', ...common, '--pacticipant', pacticipant, '--version', gitCommit(env), '--environment', environment(env)];
  }
}
