// The three doc commands as other tools call them: `doc check` (its exact line per endpoint and
// exit 0 / 1 / 2), `validate --doc` and `schemas --doc --out`, on corpus pages and folders, and
// a live /Help served on loopback from the corpus' fixture folders (index -> API pages ->
// ResourceModel pages), with its failure modes (redirect, missing page, deadline).

import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadLiveHelp } from '../../../src/doc/liveHelp.ts';
import { CORPUS, liveRoutes, manifest } from './corpus.ts';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'doc-commands-'));

async function command(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env } });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

const doc = (...args: string[]) => command('src/doc/cli.ts', args);
const page = (file: string) => join(CORPUS, file);

/** Serves a live-Help fixture folder (routes.json: path and query -> file), plus a redirect and a silent route. */
async function serveLiveHelp(folder: string): Promise<{ server: Server; url: string }> {
  const routes = liveRoutes(folder);
  const server = createServer((req, res) => {
    if (req.url === '/moved/Help') return res.writeHead(302, { location: '/Help' }).end();
    if (req.url === '/silent/Help') return undefined;
    if (req.url === '/huge/Help') return res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><h1>ASP.NET Web API Help Page</h1>${'<p>x</p>'.repeat(300_000)}</body></html>`);
    if (req.url === '/foreign/Help') {
      return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>ASP.NET Web API Help Page</h1><table class="help-page-table"><thead><tr><th>API</th><th>Description</th></tr></thead><tbody><tr><td class="api-name"><a href="http://elsewhere.invalid/Help/Api/GET-api-x">GET api/x</a></td><td class="api-documentation"><p></p></td></tr></tbody></table></body></html>');
    }
    const file = routes[req.url ?? ''];
    if (!file) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(CORPUS, folder, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('doc commands', function () {
  this.timeout(60000);

  describe('npm run doc -- check', () => {
    it('prints one line per endpoint and exits 0 when every sample is valid', async () => {
      const result = await doc('check', 'docs/refresh-token.help.txt');
      expect(result.out).to.equal('POST api/v1/auth/refresh-token: request ConsincoRefreshTokenBindingModel, response TokenResponse, samples valid 4/4\n');
      expect(result.code).to.equal(0);
    });

    it('reads the family of Consinco pages (login, corp login)', async () => {
      const login = await doc('check', 'docs/login.help.txt');
      expect(login.out).to.match(/^POST api\/v1\/auth\/login: request ConsincoUserBindingModel, response TokenResponse, samples valid 4\/4$/m);
      const corp = await doc('check', 'docs/corp-login.help.txt');
      expect(corp.out).to.match(/^POST api\/v1\/auth\/corp\/login: request ConsincoUserCorpBindingModel, response TokenCorpResponse, samples valid 4\/4$/m);
      expect([login.code, corp.code]).to.deep.equal([0, 0]);
    });

    it('exits 1 naming the invalid sample with Received / Expected', async () => {
      const result = await doc('check', page('negative/sample-contradicts-table.cells.txt'));
      expect(result.out).to.contain('GET api/v1/Roles?RoleId={RoleId}: request None., response RoleViewModel, samples valid 1/2');
      expect(result.out).to.match(/invalid response sample for application\/json, text\/json \(.*sample-contradicts-table\.cells\.txt:47\):\n {4}- RoleId \(\/RoleId\): Received: "1" \/ Expected: a value of type integer/);
      expect(result.code).to.equal(1);
    });

    it('exits 2 on a page it cannot read, with the file, the line and what was expected', async () => {
      const result = await doc('check', page('negative/no-method-line.cells.txt'));
      expect(result.err).to.match(/no-method-line\.cells\.txt: help page line 1: expected "<METHOD> <path>" on the first line .* got "Request Information"/);
      expect(result.code).to.equal(2);
    });

    it('checks a folder: every readable page gets its line, an unreadable one makes it exit 2', async () => {
      const result = await doc('check', page('cells'));
      expect(result.out.split('\n').filter((l) => /^(GET|POST|PUT) /.test(l))).to.have.length(manifest.pages.filter((p) => p.file.startsWith('cells/')).length);
      expect(result.code).to.equal(0);
      const mixed = await doc('check', page('negative'));
      expect(mixed.code).to.equal(2);
      expect(mixed.out).to.contain('samples valid');
    });

    it('exits 2 with the usage on a missing argument or an unknown command', async () => {
      for (const args of [['check'], ['lint', 'x'], []]) {
        const result = await doc(...args);
        expect(result.code, args.join(' ')).to.equal(2);
        expect(result.err).to.contain('usage: npm run doc -- check <page | folder | URL>');
      }
    });
  });

  describe('live /Help on loopback', () => {
    const servers: Server[] = [];
    after(() => servers.forEach((s) => s.close()));

    for (const site of manifest.live) {
      it(`reads ${site.folder}: the index, every API page and the ResourceModel pages they link`, async () => {
        const { server, url } = await serveLiveHelp(site.folder);
        servers.push(server);
        const result = await doc('check', `${url}/Help`);
        const apis = readdirSync(join(CORPUS, site.folder, 'Help', 'Api')).length;
        const lines = result.out.split('\n').filter((l) => / samples valid /.test(l));
        expect(lines, result.err).to.have.length(apis);
        for (const line of lines) expect(line).to.match(/samples valid (\d+)\/\1$/);
        expect(result.code).to.equal(0);
      });
    }

    it('takes a type the API page only links from its ResourceModel page', async () => {
      const { server, url } = await serveLiveHelp('live/deeprootcrm');
      servers.push(server);
      const set = await loadLiveHelp(`${url}/Help`, { timeoutMs: 5000, maxResponseBytes: 1048576, insecureTls: false });
      expect(set.failures).to.deep.equal([]);
      const types = set.endpoints[0]!.types;
      expect(types.get('UserModel')).to.include({ kind: 'complex', origin: 'resource-model' });
      expect(types.get('UserModel')!.at.source).to.equal(`${url}/Help/ResourceModel?modelName=UserModel`);
    });

    it('reads HELP_URL when given no page', async () => {
      const { server, url } = await serveLiveHelp('live/deeprootcrm');
      servers.push(server);
      const result = await command('src/doc/cli.ts', ['check'], { HELP_URL: `${url}/Help` });
      expect(result.out).to.match(/^POST api\/Login\/login: request LoginModel, response ResultModelOfUserModel, samples valid 4\/4$/m);
      expect(result.code).to.equal(0);
    });

    it('does not follow a redirect, misses no 404 and keeps its deadline (exit 2 each)', async () => {
      const { server, url } = await serveLiveHelp('live/deeprootcrm');
      servers.push(server);
      const moved = await doc('check', `${url}/moved/Help`);
      expect(moved.err).to.match(/redirects \(HTTP 302\) to \/Help; redirects are not followed/);
      const missing = await doc('check', `${url}/nothing/Help`);
      expect(missing.err).to.match(/HTTP 404, expected 200 and a Help Page/);
      const started = Date.now();
      const silent = await command('src/doc/cli.ts', ['check', `${url}/silent/Help`], { REQUEST_TIMEOUT_MS: '300' });
      expect(silent.err).to.match(/could not fetch the page: no complete response within 300 ms/);
      expect(Date.now() - started).to.be.below(10000);
      expect([moved.code, missing.code, silent.code]).to.deep.equal([2, 2, 2]);
    });

    it('caps each page at MAX_RESPONSE_BYTES and reads no other host (exit 2 each)', async () => {
      const { server, url } = await serveLiveHelp('live/deeprootcrm');
      servers.push(server);
      const huge = await command('src/doc/cli.ts', ['check', `${url}/huge/Help`], { MAX_RESPONSE_BYTES: '100000' });
      expect(huge.err).to.match(/the page is larger than MAX_RESPONSE_BYTES \(100000 bytes\)/);
      const foreign = await doc('check', `${url}/foreign/Help`);
      expect(foreign.err).to.match(/links GET api\/x to another host \(http:\/\/elsewhere\.invalid\/Help\/Api\/GET-api-x\); only http:\/\/127\.0\.0\.1:\d+ is read/);
      expect([huge.code, foreign.code]).to.deep.equal([2, 2]);
    });
  });

  describe('npm run validate -- --doc', () => {
    const register = page('cells/bluntt.POST-api-Account-Register.txt');
    const message = (name: string, text: string) => {
      const file = join(scratch, name);
      writeFileSync(file, text);
      return file;
    };

    it('validates a message against the page\'s schemas with its annotations (exit 0 / 1)', async () => {
      const good = message('good.json', JSON.stringify({ Email: 'a@b.example', Password: 'long enough', ConfirmPassword: 'x', Usertype: 'u', Username: 'n', Fullname: 'f', Telephone: null }));
      const ok = await command('src/validate/cli.ts', ['--doc', register, good]);
      expect(ok.out).to.match(/JSON request \(RegisterBindingModel\)\nVALID/);
      expect(ok.code).to.equal(0);
      const short = message('short.json', JSON.stringify({ Email: 'a@b.example', Password: 'short', Usertype: 'u', Username: 'n', Fullname: 'f' }));
      const bad = await command('src/validate/cli.ts', ['--doc', register, short]);
      expect(bad.out).to.match(/Password \(\/Password\): Received: "short" \/ Expected: must NOT have fewer than 6 characters/);
      expect(bad.code).to.equal(1);
    });

    it('validates XML in DataContract form and an HttpError body (--kind error)', async () => {
      const xml = message('bad.xml', '<RegisterBindingModel xmlns="http://schemas.datacontract.org/2004/07/SultryWeb.API.Models"><Email>a</Email><ConfirmPassword>x</ConfirmPassword></RegisterBindingModel>');
      const result = await command('src/validate/cli.ts', ['--doc', register, xml]);
      expect(result.out).to.match(/XML request \(RegisterBindingModel\)\nINVALID/);
      expect(result.code).to.equal(1);
      const error = message('error.json', '{"Message":"The request is invalid."}');
      const errorResult = await command('src/validate/cli.ts', ['--doc', register, '--kind', 'error', error]);
      expect(errorResult.out).to.match(/JSON error\nVALID/);
    });

    it('exits 2 on an unreadable page or a folder of several endpoints', async () => {
      const body = message('any.json', '{}');
      const unreadable = await command('src/validate/cli.ts', ['--doc', page('negative/empty.txt'), body]);
      expect(unreadable.err).to.match(/empty\.txt: help page line 1/);
      const several = await command('src/validate/cli.ts', ['--doc', page('cells'), body]);
      expect(several.err).to.match(/documents \d+ endpoints/);
      expect([unreadable.code, several.code]).to.deep.equal([2, 2]);
    });
  });

  describe('npm run schemas -- --doc --out', () => {
    it('writes JSON Schema, XSD and the naming map per body and naming', async () => {
      const out = join(scratch, 'schemas');
      const result = await command('src/schemas/cli.ts', ['--doc', 'docs/corp-login.help.txt', '--out', out]);
      expect(result.code, result.err).to.equal(0);
      expect(readdirSync(out).sort()).to.deep.equal([
        'post-api-v1-auth-corp-login.request.schema.json',
        'post-api-v1-auth-corp-login.request.xsd',
        'post-api-v1-auth-corp-login.response.backing-field.schema.json',
        'post-api-v1-auth-corp-login.response.backing-field.xsd',
        'post-api-v1-auth-corp-login.response.documented.schema.json',
        'post-api-v1-auth-corp-login.response.documented.xsd',
        'post-api-v1-auth-corp-login.response.naming.json',
      ]);
      const request = JSON.parse(readFileSync(join(out, 'post-api-v1-auth-corp-login.request.schema.json'), 'utf8')) as { $schema: string };
      expect(request.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
    });

    it('exits 2 on an unreadable page and on --doc without --out', async () => {
      const unreadable = await command('src/schemas/cli.ts', ['--doc', page('negative/empty.txt'), '--out', join(scratch, 'x')]);
      const half = await command('src/schemas/cli.ts', ['--doc', 'docs/login.help.txt']);
      expect(half.err).to.contain('--doc needs --out');
      expect([unreadable.code, half.code]).to.deep.equal([2, 2]);
    });
  });
});
