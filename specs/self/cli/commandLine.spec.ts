// The command line of `consinco-conformance`: subcommands from one table, flags derived from
// the variable tables (a flag wins, secrets stay in the environment), help that lists every
// flag and variable, mocha's options passed through and checked, and the package wiring.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { COMMAND_NAME, DEFAULT_SUBCOMMAND, SUBCOMMANDS, type Subcommand } from '../../../src/cli/commands.ts';
import { CommandLineError, readCommandLine, type CommandLine } from '../../../src/cli/commandLine.ts';
import { commandHelp, topHelp } from '../../../src/cli/help.ts';
import { checkMochaArgs } from '../../../src/cli/mochaArgs.ts';
import { UsageError } from '../../../src/cli/usageError.ts';
import { flagOf } from '../../../src/cli/variableFlags.ts';
import { CONFIG_VARIABLES } from '../../../src/config/config.ts';

const named = (words: string) => SUBCOMMANDS.find((c) => c.words.join(' ') === words)!;

function runLine(argv: string[]): Extract<CommandLine, { kind: 'run' }> {
  const line = readCommandLine(argv);
  if (line.kind !== 'run') throw new Error(`expected a run, got ${line.kind}`);
  return line;
}

function refusal(argv: string[]): CommandLineError {
  try {
    readCommandLine(argv);
  } catch (error) {
    if (error instanceof CommandLineError) return error;
    throw error;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('consinco-conformance command line', () => {
  it('runs the gate when no subcommand is named, and with run', () => {
    expect(runLine([]).command).to.equal(DEFAULT_SUBCOMMAND);
    expect(runLine(['run']).command).to.equal(DEFAULT_SUBCOMMAND);
    expect(runLine(['--profile', 'strict']).command).to.equal(DEFAULT_SUBCOMMAND);
  });

  it('turns variable flags into variables, in both forms, and leaves the rest to mocha in order', () => {
    const line = runLine(['--target-url', 'https://erp.example:8343/', '--grep', 'refresh', '--reports-dir=out', '--bail']);
    expect(Object.fromEntries(line.variables)).to.deep.equal({ TARGET_URL: 'https://erp.example:8343/', REPORTS_DIR: 'out' });
    expect(line.args).to.deep.equal(['--grep', 'refresh', '--bail']);
  });

  it('gives every non-secret variable of the config table a flag, and takes nothing after --', () => {
    for (const variable of CONFIG_VARIABLES.filter((v) => !v.secret)) {
      expect(Object.fromEntries(runLine([flagOf(variable), 'x']).variables), variable.name).to.deep.equal({ [variable.name]: 'x' });
    }
    expect(runLine(['--', '--target-url', 'x']).args).to.deep.equal(['--', '--target-url', 'x']);
  });

  it('keeps secrets off the command line, saying where they go', () => {
    for (const variable of CONFIG_VARIABLES.filter((v) => v.secret)) {
      expect(refusal([flagOf(variable), 'x']).message).to.contain(`${variable.name} is a secret; set it in the environment`);
    }
    expect(CONFIG_VARIABLES.filter((v) => v.secret).map((v) => v.name)).to.include.members(['REFRESH_TOKEN', 'LOGIN_PASSWORD']);
  });

  it('refuses a flag without its value', () => {
    expect(refusal(['--target-url']).message).to.equal('--target-url needs a value (it sets TARGET_URL)');
    expect(refusal(['--naming', '--profile', 'strict']).message).to.equal('--naming needs a value (it sets NAMING)');
  });

  it('answers --help and --version anywhere before --', () => {
    expect(readCommandLine(['--help'])).to.deep.equal({ kind: 'help' });
    expect(readCommandLine(['run', '-h'])).to.deep.equal({ kind: 'help', command: DEFAULT_SUBCOMMAND });
    expect(readCommandLine(['pact', 'publish', '--help'])).to.deep.equal({ kind: 'help', command: named('pact publish') });
    expect(readCommandLine(['--target-url', 'x', '--version'])).to.deep.equal({ kind: 'version' });
    expect(runLine(['--', '--help']).args).to.deep.equal(['--', '--help']);
  });

  it('refuses an unknown subcommand, an incomplete pact command and unknown arguments of strict subcommands', () => {
    expect(refusal(['nonsense']).message).to.equal('unknown subcommand "nonsense"');
    expect(refusal(['pact']).message).to.equal('pact takes one of publish, can-i-deploy, record-deployment, not nothing');
    expect(refusal(['pact', 'deploy']).message).to.equal('pact takes one of publish, can-i-deploy, record-deployment, not "deploy"');
    expect(refusal(['validate', 'a.xml', '--strict']).message).to.equal('Unknown option \'--strict\'');
    expect(refusal(['schemas', 'extra']).message).to.equal('unexpected argument "extra"');
    expect(refusal(['pact', 'publish', '--target-url', 'x']).command).to.equal(named('pact publish'));
  });

  it('hands a subcommand its own arguments and the module its leading ones', () => {
    const validate = runLine(['validate', 'response.xml', '--kind', 'response']);
    expect([validate.command, validate.args]).to.deep.equal([named('validate'), ['response.xml', '--kind', 'response']]);
    const server = runLine(['reference-server', '--fault', 'a', '--fault', 'b', '--list-faults']);
    expect(server.args).to.deep.equal(['--fault', 'a', '--fault', 'b', '--list-faults']);
    const publish = runLine(['pact', 'publish', '--pact-broker-base-url', 'https://broker.example']);
    expect([publish.command.moduleArgs, Object.fromEntries(publish.variables)]).to.deep.equal([['publish'], { PACT_BROKER_BASE_URL: 'https://broker.example' }]);
  });

  it('lists every flag and every variable of each subcommand in its help', () => {
    for (const command of SUBCOMMANDS) {
      const help = commandHelp(command);
      for (const option of command.options) expect(help, command.words.join(' ')).to.contain(`--${option.name}`);
      for (const variable of command.variables) expect(help).to.contain(`${variable.name}, ${variable.secret ? '(no flag' : flagOf(variable)}`);
      expect(help).to.contain('--help').and.contain('--version').and.contain('Exit codes: ');
    }
    const top = topHelp('9.9.9');
    for (const command of SUBCOMMANDS) expect(top).to.contain(`  ${command.words.join(' ')}`);
    for (const variable of CONFIG_VARIABLES) expect(top).to.contain(variable.name);
  });

  it('passes mocha\'s options through, refuses the ones mocha does not know and the ones a gate run cannot take', () => {
    expect(() => checkMochaArgs(['--grep', 'x', '-g', 'y', '--bail', '--no-diff', '--timeout=5000', 'specs/x.spec.ts', '--', '--anything'])).to.not.throw();
    expect(() => checkMochaArgs(['--grpe', 'x'])).to.throw(UsageError, 'unknown option --grpe (not a flag of the run nor a mocha option)');
    expect(() => checkMochaArgs(['--parallel'])).to.throw(UsageError, "mocha's --parallel does not apply to a gate run: the specs share one run");
    expect(() => checkMochaArgs(['-j', '2'])).to.throw(UsageError, "mocha's --jobs does not apply");
    expect(() => checkMochaArgs(['-w'])).to.throw(UsageError, "mocha's --watch does not apply to a gate run: a gate run happens once");
    expect(() => checkMochaArgs(['--watch-files=x'])).to.throw(UsageError, "mocha's --watch-files does not apply");
    expect(() => checkMochaArgs(['--no-parallel'])).to.not.throw();
    expect(() => checkMochaArgs(['--list=1'])).to.throw(UsageError, 'unknown option --list');
  });
});

describe('consinco-conformance package wiring', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string>; files: string[]; scripts: Record<string, string> };

  it('installs the command as a bin that the build compiles from src/cli/main.ts', () => {
    expect(pkg.bin).to.deep.equal({ [COMMAND_NAME]: 'dist/src/cli/main.js' });
    expect(readFileSync('src/cli/main.ts', 'utf8')).to.match(/^#!\/usr\/bin\/env node\n/);
    expect(pkg.files).to.include.members(['dist/', 'schemas/', 'docs/']);
    expect(pkg.scripts['prepack']).to.equal('npm run build');
  });

  it('points every subcommand at a module that exists, the same one its npm script runs', () => {
    const script = (c: Subcommand) => Object.values(pkg.scripts).find((s) => s.includes(`src/${c.module}.ts`) && (c.moduleArgs ?? []).every((a) => s.endsWith(` ${a}`)));
    for (const command of SUBCOMMANDS) {
      expect(existsSync(`src/${command.module}.ts`), command.module).to.equal(true);
      expect(script(command), `no npm script runs ${command.words.join(' ')}`).to.be.a('string');
    }
  });

  it('exits 2 with one line and the usage on a bad command line, 0 for --version', async function () {
    this.timeout(20000);
    const run = (args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
    });
    const [bad, version] = await Promise.all([run(['--nonsense']), run(['--version'])]);
    expect(bad.code).to.equal(2);
    expect(bad.stderr.split('\n').slice(0, 2)).to.deep.equal([
      `${COMMAND_NAME}: unknown option --nonsense (not a flag of the run nor a mocha option)`,
      `Usage: ${COMMAND_NAME} [run] [flags] [mocha options]`,
    ]);
    expect(version.code).to.equal(0);
    expect(version.stdout.trim()).to.match(/^\d+\.\d+\.\d+/);
  });
});
