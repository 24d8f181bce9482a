// The broker commands run the real Pact CLI against a loopback double of the broker API: what
// publish sends must be the committed contracts, with the commit, branch and build URL from
// the CI variables; can-i-deploy follows the matrix verdict; record-deployment posts to the
// environment's link; and an unconfigured broker is exit 2 with one line, no stack trace.

import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { CONTRACTS_DIR } from '../../../src/pact/participants.ts';
import { startBrokerDouble, type BrokerDouble } from './brokerDouble.ts';

const ROOT = join(CONTRACTS_DIR, '..');
const BROKER_TOKEN = 'broker-double-bearer-token-1234';
const CI = {
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF_NAME: 'main',
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_REPOSITORY: 'acme/consinco-auth',
  GITHUB_RUN_ID: '42',
};

/** The CLI re-serializes each pact and stamps its own pact_models version in metadata.pactRust; everything else must arrive as committed. */
function comparable(text: string): unknown {
  const pact = JSON.parse(text) as { metadata: Record<string, unknown> };
  const { pactRust: _stampedByTheCli, ...metadata } = pact.metadata;
  return { ...pact, metadata };
}

interface CliOutcome {
  code: number;
  output: string;
}

/** Runs `npm run pact:<command>`'s entry point with only the variables given (no inherited CI or broker settings). */
function runBrokerCli(command: string, env: Record<string, string>): Promise<CliOutcome> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PACT_BROKER_HTTP_RETRIES: '0', NO_COLOR: '1' };
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/pact/broker/cli.ts', command], { cwd: ROOT, env: { ...base, ...env }, timeout: 15000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('pact broker commands (real CLI, broker double)', function () {
  this.timeout(20000);
  let broker: BrokerDouble;

  beforeEach(async () => {
    broker = await startBrokerDouble();
  });
  afterEach(() => broker.close());

  it('publishes exactly the committed contracts with the commit, branch and build URL from CI', async () => {
    const { code, output } = await runBrokerCli('publish', { ...CI, PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: BROKER_TOKEN });
    expect(code, output).to.equal(0);
    const publish = broker.calls.find((c) => c.method === 'POST' && c.url === '/contracts/publish');
    expect(publish, 'a POST /contracts/publish').to.not.equal(undefined);
    expect(publish!.headers.authorization).to.equal(`Bearer ${BROKER_TOKEN}`);
    const body = JSON.parse(publish!.body) as { pacticipantName: string; pacticipantVersionNumber: string; branch: string; buildUrl: string; contracts: { consumerName: string; providerName: string; content: string }[] };
    expect(body).to.include({ pacticipantName: 'consinco-auth-client', pacticipantVersionNumber: CI.GITHUB_SHA, branch: 'main', buildUrl: 'https://github.example/acme/consinco-auth/actions/runs/42' });
    const committed = readdirSync(CONTRACTS_DIR).filter((f) => f.endsWith('.json')).map((f) => comparable(readFileSync(join(CONTRACTS_DIR, f), 'utf8')));
    const arrived = body.contracts.map((c) => comparable(Buffer.from(c.content, 'base64').toString('utf8')));
    expect(arrived).to.deep.equal(committed);
    expect(body.contracts.map((c) => [c.consumerName, c.providerName])).to.deep.equal([['consinco-auth-client', 'consinco-auth-api']]);
    expect(output).to.not.include(BROKER_TOKEN);
  });

  it('asks the matrix whether PACT_CONSUMER at this commit may go to PACT_ENVIRONMENT', async () => {
    const { code, output } = await runBrokerCli('can-i-deploy', { ...CI, PACT_BROKER_BASE_URL: broker.url, PACT_ENVIRONMENT: 'production', PACT_CONSUMER: 'erp-portal' });
    expect(code, output).to.equal(0);
    const matrix = broker.calls.find((c) => c.url.startsWith('/matrix'));
    const query = decodeURIComponent(matrix!.url);
    expect(query).to.include('q[][pacticipant]=erp-portal').and.include(`q[][version]=${CI.GITHUB_SHA}`).and.include('environment=production');
  });

  it('fails can-i-deploy when the broker says the version is not deployable', async () => {
    broker.deployable = false;
    const { code } = await runBrokerCli('can-i-deploy', { ...CI, PACT_BROKER_BASE_URL: broker.url, PACT_ENVIRONMENT: 'production' });
    expect(code).to.not.equal(0);
  });

  it('records a deployment on the environment the broker links to', async () => {
    const { code, output } = await runBrokerCli('record-deployment', { ...CI, PACT_BROKER_BASE_URL: broker.url, PACT_ENVIRONMENT: 'production' });
    expect(code, output).to.equal(0);
    const posted = broker.calls.find((c) => c.method === 'POST');
    expect(posted?.url).to.equal(`/pacticipants/consinco-auth-client/versions/${CI.GITHUB_SHA}/deployed-versions/environment/production-uuid`);
  });

  for (const [what, env, message] of [
    ['no broker URL', {}, 'PACT_BROKER_BASE_URL'],
    ['a user name without a password', { PACT_BROKER_BASE_URL: 'http://127.0.0.1:9', PACT_BROKER_USERNAME: 'ci' }, 'PACT_BROKER_PASSWORD'],
  ] as const) {
    it(`exits 2 with one line and no stack trace on ${what}`, async () => {
      const { code, output } = await runBrokerCli('publish', { ...CI, ...env });
      expect(code).to.equal(2);
      expect(output).to.include(message);
      expect(output).to.not.match(/\n\s+at /);
      expect(output.trim().split('\n')).to.have.length(1);
    });
  }

  it('exits 2 when can-i-deploy has no environment to check against', async () => {
    const { code, output } = await runBrokerCli('can-i-deploy', { ...CI, PACT_BROKER_BASE_URL: broker.url });
    expect(code).to.equal(2);
    expect(output).to.include('PACT_ENVIRONMENT');
    expect(broker.calls).to.deep.equal([]);
  });
});
