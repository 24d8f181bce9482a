// Output to a pipe is written asynchronously: a launcher that exits as soon as the run is done
// cuts off what the reader has not taken yet (it did: `npm test -- --list | ...` ended after
// 64 KiB). A reader that starts late must still get the whole of a preview far larger than a
// pipe's buffer.

import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { LAUNCHER_ARGS } from './gateRun.ts';

describe('the launcher writing to a pipe', () => {
  it('exits only after a late reader has taken the whole --list --format json', async function () {
    this.timeout(30000);
    // A real pipe (a shell's |), read only after a second.
    const command = `"${process.execPath}" ${LAUNCHER_ARGS.join(' ')} --list --format json | (sleep 1; cat)`;
    const text = await new Promise<string>((resolve, reject) => {
      execFile('sh', ['-c', command], { env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 32 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
    expect(text.length, 'the preview outgrows a pipe buffer').to.be.greaterThan(64 * 1024);
    expect((JSON.parse(text) as { requests: unknown[] }).requests.length).to.be.greaterThan(100);
  });
});
