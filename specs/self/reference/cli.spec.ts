// The standalone server: `npm run reference-server` prints one `listening on <url>` line,
// serves login, corp login and refresh, stops on SIGTERM with exit code 0, lists its faults, and answers
// bad arguments with a message and exit code 2, no stack trace.

import { expect } from 'chai';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { FAULTS } from '../../../src/reference/index.ts';
import { corpLogin, corpLoginJson, login, post, refresh } from './support.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function startCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'src/reference/cli.ts', ...args], { cwd: ROOT, stdio: 'pipe' });
}

async function finish(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += String(c)));
  child.stderr.on('data', (c) => (stderr += String(c)));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

describe('reference provider: command line', () => {
  it('prints one listening line, serves login and refresh, and exits 0 on SIGTERM', async () => {
    const child = startCli(['--port', '0', '--naming', 'documented', '--user', '3:MARIA:s3:cret']);
    const closed = finish(child);
    try {
      const lines = createInterface({ input: child.stdout });
      const [first] = (await once(lines, 'line')) as [string];
      expect(first).to.match(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
      const provider = { url: first.slice('listening on '.length) };
      const res = await fetch(`${provider.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ company: '3', username: 'MARIA', password: 's3:cret' }),
      });
      expect(res.status).to.equal(200);
      const issued = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(issued)).to.include('access_token');
      expect((await refresh(provider, String(issued.refresh_token))).status).to.equal(200);
      expect((await login(provider)).status, 'default users are replaced by --user').to.equal(401);
      expect((await corpLogin(provider)).status, 'the default corp users stay without --corp-user').to.equal(200);
    } finally {
      child.kill('SIGTERM');
    }
    const { code, stdout } = await closed;
    expect(code).to.equal(0);
    expect(stdout.trim().split('\n')).to.have.length(1);
  });

  it('replaces the corp users with --corp-user <groupId>:<email>:<password>', async () => {
    const child = startCli(['--port', '0', '--corp-user', '7:ana@exemplo.com.br:pa:ss']);
    const closed = finish(child);
    try {
      const [first] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const provider = { url: first.slice('listening on '.length) };
      const json = { 'content-type': 'application/json', accept: 'application/json' };
      expect((await post(provider, '/api/v1/auth/corp/login', corpLoginJson(7, 'ana@exemplo.com.br', 'pa:ss'), json)).status).to.equal(200);
      expect((await corpLogin(provider)).status, 'default corp users are replaced').to.equal(401);
    } finally {
      child.kill('SIGTERM');
    }
    expect((await closed).code).to.equal(0);
  });

  it('lists the faults with --list-faults: id, checks, endpoints, description', async () => {
    const { code, stdout } = await finish(startCli(['--list-faults']));
    expect(code).to.equal(0);
    const rows = stdout.trim().split('\n').map((line) => line.split('\t'));
    expect(rows.map((row) => row[0])).to.deep.equal(FAULTS.map((f) => f.id));
    expect(rows.map((row) => row[2])).to.deep.equal(FAULTS.map((f) => f.endpoints.join(',')));
  });

  for (const args of [['--fault', 'no-such-fault'], ['--port', 'x'], ['--bogus'], ['--corp-user', 'one:a@b.c:pw'], ['--corp-user', '1:a@b.c']]) {
    it(`exits 2 with a message and no stack trace on ${args.join(' ')}`, async () => {
      const { code, stdout, stderr } = await finish(startCli(args));
      expect(code).to.equal(2);
      expect(stdout).to.equal('');
      expect(stderr).to.match(/^reference-server: /);
      expect(stderr).not.to.match(/^\s+at /m);
    });
  }
});
