// `npm run pact:publish | pact:can-i-deploy | pact:record-deployment`: runs the official Pact
// CLI (@pact-foundation/pact-cli) with arguments from the environment and passes its exit code
// on. A configuration problem exits 2 with one line of explanation and no stack trace.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { BrokerConfigError } from './brokerConfig.ts';
import { brokerArgs, COMMANDS, type BrokerCommand } from './commands.ts';

const CONFIG_ERROR = 2;
const pactBin = createRequire(import.meta.url).resolve('@pact-foundation/pact-cli/bin/pact.js');

function main(command: string | undefined): number {
  if (!COMMANDS.includes(command as BrokerCommand)) {
    console.error(`usage: tsx src/pact/broker/cli.ts <${COMMANDS.join('|')}>`);
    return CONFIG_ERROR;
  }
  let args: string[];
  try {
    args = brokerArgs(command as BrokerCommand);
  } catch (error) {
    if (!(error instanceof BrokerConfigError)) throw error;
    console.error(`pact ${command}: ${error.message}`);
    return CONFIG_ERROR;
  }
  console.log(`pact ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [pactBin, ...args], { stdio: 'inherit' });
  if (result.error) {
    console.error(`pact ${command}: could not run the Pact CLI: ${result.error.message}`);
    return CONFIG_ERROR;
  }
  return result.status ?? 1;
}

process.exitCode = main(process.argv[2]);
