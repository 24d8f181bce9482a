// The run's helper thread: each task's answer reaches its own caller, a task that fails rejects
// with its error's message, and a thread with no task under way never keeps the process from
// ending. The task is Pact's verifier (the thread's real work), given a contract and a provider
// address where nothing listens: its report then names every interaction it could not verify.

import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { CONTRACTS_DIR } from '../../../src/pact/participants.ts';
import { inHelperThread } from '../../../src/run/helperThread.ts';
import { rejectionOf } from '../support/rejection.ts';
import { recordContract, writeTemp } from '../pact/support.ts';

const NOWHERE = 'http://127.0.0.1:9';
const request = (pactUrls: string[]) => ({ provider: 'consinco-auth-api', providerBaseUrl: NOWHERE, providerStatesSetupUrl: `${NOWHERE}/state`, pactUrls, logLevel: 'error' as const, timeout: 2000 });

describe('the helper thread', function () {
  this.timeout(60_000);
  let contract: string;

  before(async () => {
    contract = writeTemp(await recordContract('backing-field'));
  });

  it('answers each of two tasks sent at once with its own outcome', async () => {
    const [report, missing] = await Promise.allSettled([
      inHelperThread('verify', request([contract])),
      inHelperThread('verify', request([`${CONTRACTS_DIR}/no-such-contract.json`])),
    ]);
    expect(report.status).to.equal('fulfilled');
    const { errors } = JSON.parse((report as PromiseFulfilledResult<string>).value) as { errors: { interaction: string }[] };
    expect(errors.length).to.be.greaterThan(0);
    expect(errors.every((e) => e.interaction.startsWith('Verifying a pact between consinco-auth-client and consinco-auth-api'))).to.equal(true);
    expect(missing.status).to.equal('rejected');
    expect((missing as PromiseRejectedResult).reason).to.be.instanceOf(Error);
  });

  it('rejects a task that throws, with its message', async () => {
    const error = await rejectionOf(inHelperThread('verify', { ...request([contract]), provider: '' }), 'a verification without a provider name');
    expect(error.message).to.match(/provider/);
  });

  it('makes stdout and stderr blocking when it starts, so that Pact\'s core can write to a full pipe', function () {
    if (process.platform !== 'linux') this.skip();
    const module = pathToFileURL('src/run/helperThread.ts').href;
    // O_NONBLOCK in the flags /proc gives for the process's descriptors 1 and 2 (octal).
    const script = `import { readFileSync } from 'node:fs';
const nonBlocking = () => [1, 2].map((fd) => (parseInt(/^flags:\\s*(\\d+)/m.exec(readFileSync('/proc/self/fdinfo/' + fd, 'utf8'))[1], 8) & 0o4000) !== 0);
const before = nonBlocking();
const { inHelperThread } = await import(${JSON.stringify(module)});
await inHelperThread('verify', ${JSON.stringify({ ...request([contract]), provider: '' })}).catch(() => undefined);
console.error(JSON.stringify({ before, after: nonBlocking() }));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.status, child.stderr).to.equal(0);
    expect(JSON.parse(child.stderr.trim().split('\n').at(-1)!)).to.deep.equal({ before: [true, true], after: [false, false] });
  });

  it('lets the process end once no task is under way', () => {
    const module = pathToFileURL('src/run/helperThread.ts').href;
    const script = `const { inHelperThread } = await import(${JSON.stringify(module)});
const outcome = await inHelperThread('verify', ${JSON.stringify({ ...request([contract]), provider: '' })}).catch((error) => error.message);
console.log('answered:', outcome);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.error, 'the process did not end within 30 s').to.equal(undefined);
    expect(child.stdout).to.contain('answered: provider');
    expect(child.status).to.equal(0);
  });
});
