// The package as a user gets it: packed (prepack compiles dist/), installed into an empty
// folder with npm's defaults (npm 11 blocks dependency install scripts; the dependencies come
// from the registry as `npm ci` would fetch them), and run with `npx consinco-conformance`.
// It must run on Node alone: no tsx, no TypeScript, no file of this repository.

import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { CONFIG_VARIABLES } from '../../src/config/config.ts';
import { COMMAND_NAME } from '../../src/cli/commands.ts';
import { flagOf } from '../../src/cli/variableFlags.ts';
import { packageInfo, PACKAGE_ROOT } from '../../src/package/locations.ts';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The user's environment: none of the run's variables, none of the npm script's own settings. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const ours = new Set(CONFIG_VARIABLES.map((v) => v.name));
  const kept = Object.entries(process.env).filter(([name]) => !ours.has(name) && !/^npm_/i.test(name) && name !== 'NODE_OPTIONS' && name !== 'INIT_CWD');
  return { ...Object.fromEntries(kept), NO_COLOR: '1', ...extra };
}

function run(cwd: string, file: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: userEnv(env), timeout: 120_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe(`the packed ${COMMAND_NAME} command, installed into an empty folder`, function () {
  let work: string;
  let project: string;
  const npx = (args: string[], env?: Record<string, string>) => run(project, 'npx', [COMMAND_NAME, ...args], env);

  before(async function () {
    this.timeout(600_000);
    work = mkdtempSync(join(tmpdir(), 'consinco-package-'));
    project = join(work, 'user-project');
    const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: PACKAGE_ROOT, env: userEnv(), encoding: 'utf8' });
    const tarball = join(work, packed.trim().split('\n').at(-1)!);
    execFileSync('mkdir', [project]);
    for (const args of [['init', '-y'], ['install', '--no-audit', '--no-fund', tarball]]) {
      const result = await run(project, 'npm', args);
      if (result.code !== 0) throw new Error(`npm ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
    }
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('installs compiled, bundled JavaScript with its runtime dependencies only: no TypeScript tooling, no bundled library', function () {
    const installed = join(project, 'node_modules');
    const files = readdirSync(join(installed, 'consinco-auth-conformance', 'dist'), { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.ts'))).to.deep.equal([]);
    expect(files).to.include(join('src', 'cli', 'main.js'));
    for (const tool of ['tsx', 'typescript', 'esbuild']) expect(existsSync(join(installed, tool)), tool).to.equal(false);
    // In the bundles: a second copy from the registry would only cost the user's install.
    for (const library of ['mocha', 'chai', 'ajv', 'fast-xml-parser', 'htmlparser2', '@pact-foundation/pact']) expect(existsSync(join(installed, library)), library).to.equal(false);
    for (const runtime of ['@pact-foundation/pact-core', '@pact-foundation/pact-cli', 'xsd-schema-validator', 'randexp']) expect(existsSync(join(installed, runtime)), runtime).to.equal(true);
  });

  it('runs the gate against the embedded provider, writes ./reports and exits 0', async function () {
    const ran = await npx([]);
    expect(ran.code, ran.stdout + ran.stderr).to.equal(0);
    expect(ran.stdout).to.match(/Gate: CONFORMING/);
    const findings = JSON.parse(readFileSync(join(project, 'reports', 'findings.json'), 'utf8')) as { tool: { version: string } };
    expect(findings.tool.version).to.equal(packageInfo().version);
    expect(readdirSync(join(project, 'contracts'))).to.have.length.greaterThan(0);
  });

  it('catches a JSON token response of the wrong type with body.schema (judged by the validators the build precompiled), exit 1', async function () {
    const ran = await npx(['--reports-dir', 'faulty'], { REFERENCE_FAULTS: 'id-as-string' });
    expect(ran.code, ran.stdout + ran.stderr).to.equal(1);
    const { results } = JSON.parse(readFileSync(join(project, 'faulty', 'findings.json'), 'utf8')) as { results: { check: string; status: string; mediaType: string }[] };
    const schemaFailures = results.filter((r) => r.check === 'body.schema' && r.status === 'fail');
    expect(schemaFailures.map((r) => r.mediaType)).to.include('application/json').and.include('text/json');
  });

  it('exits 2 with a readable message when TARGET_URL points at a closed port', async function () {
    const ran = await npx([], { TARGET_URL: `http://127.0.0.1:${await closedPort()}/` });
    expect(ran.code).to.equal(2);
    expect(ran.stderr).to.match(/Could not test: .*connection refused/).and.not.match(/\n\s+at /);
  });

  it('lets a flag win over its environment variable', async function () {
    const ran = await npx(['--target-url', `http://127.0.0.1:${await closedPort()}/`, '--reports-dir', 'flagged'], { REPORTS_DIR: 'from-env' });
    expect(ran.code).to.equal(2);
    expect(ran.stderr).to.match(/connection refused/);
    const ok = await npx(['--reports-dir', 'flagged', '--grep', 'consumer side'], { REPORTS_DIR: 'from-env' });
    expect(ok.code, ok.stdout + ok.stderr).to.equal(0);
    expect(existsSync(join(project, 'flagged', 'findings.json'))).to.equal(true);
    expect(existsSync(join(project, 'from-env'))).to.equal(false);
  });

  it('prints help with every flag and variable, and its version, exiting 0', async function () {
    const help = await npx(['--help']);
    expect(help.code).to.equal(0);
    for (const v of CONFIG_VARIABLES) expect(help.stdout).to.include(v.name).and.include(v.secret ? v.name : flagOf(v));
    const version = await npx(['--version']);
    expect([version.code, version.stdout.trim()]).to.deep.equal([0, packageInfo().version]);
  });

  it('refuses an unknown subcommand or flag with exit 2, one line and the usage', async function () {
    for (const args of [['nonsense'], ['--nonsense']]) {
      const ran = await npx(args);
      expect(ran.code, args.join(' ')).to.equal(2);
      const lines = ran.stderr.trim().split('\n');
      expect(lines[0]).to.match(new RegExp(`^${COMMAND_NAME}: unknown`));
      expect(lines[1]).to.match(/^Usage: /);
    }
  });

  it('runs the other subcommands from the installed package', async function () {
    const out = join(work, 'schemas-out');
    const schemas = await npx(['schemas', '--out', out]);
    expect(schemas.code, schemas.stderr).to.equal(0);
    expect(readdirSync(out)).to.include('token-response.backing-field.xsd');
    const request = join(work, 'request.json');
    writeFileSync(request, '{"refresh_token": "synthetic", "grant_type": "refresh_token"}');
    const validate = await npx(['validate', request]);
    expect([validate.code, validate.stdout]).to.deep.equal([0, `${request}: JSON request\nVALID\n`]);
    const faults = await npx(['reference-server', '--list-faults']);
    expect(faults.code).to.equal(0);
    expect(faults.stdout.split('\n').length).to.be.greaterThan(5);
    const unconfigured = await npx(['pact', 'publish']);
    expect(unconfigured.code).to.equal(2);
    expect(unconfigured.stderr).to.match(/PACT_BROKER_BASE_URL/);
    // The Pact CLI's native binary came without install scripts: it runs, and fails to reach the broker.
    const broker = await npx(['pact', 'can-i-deploy', '--pact-broker-base-url', `http://127.0.0.1:${await closedPort()}/`, '--pact-version', 'abc123', '--pact-environment', 'production'], { PACT_BROKER_HTTP_RETRIES: '0' });
    expect(broker.code, broker.stdout + broker.stderr).to.equal(1);
    expect(broker.stdout + broker.stderr).to.match(/Failed to access pact broker/);
  });
});
