// Config: defaults for an empty environment, and every bad value stops the run naming its variable.

import { expect } from 'chai';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../../src/config/config.ts';

function errorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('defaults to the embedded provider, auto naming and the default profile', () => {
    const config = loadConfig({});
    expect(config).to.deep.include({ naming: 'auto', profile: 'default', requestTimeoutMs: 5000, maxResponseBytes: 1048576, insecureTls: false, responseTimeBudgetMs: 1000, concurrency: 8, reportsDir: 'reports' });
    expect(config.targetUrl).to.equal(undefined);
    expect(config.reference).to.deep.equal({ naming: 'backing-field', faults: [], slowMs: 1500 });
  });

  it('takes HELP_URL as the Help index it names', () => {
    expect(loadConfig({ HELP_URL: 'https://erp.example:8343/Help' }).helpUrl).to.equal('https://erp.example:8343/Help');
  });

  it('normalises TARGET_URL to a base with a trailing slash', () => {
    expect(loadConfig({ TARGET_URL: 'https://erp.example:8343/base' }).targetUrl).to.equal('https://erp.example:8343/base/');
  });

  for (const [variable, value] of [
    ['TARGET_URL', 'ftp://host/'], ['TARGET_URL', 'not a url'], ['NAMING', 'camel'], ['PROFILE', 'lenient'],
    ['REQUEST_TIMEOUT_MS', '-5'], ['MAX_RESPONSE_BYTES', '1e6'], ['RESPONSE_TIME_BUDGET_MS', 'fast'],
    ['CONCURRENCY', '0'], ['CONCURRENCY', '65'], ['CONCURRENCY', 'many'], ['INSECURE_TLS', 'yes'], ['CA_FILE', '/nonexistent/ca.pem'], ['REFERENCE_NAMING', 'auto'], ['REFERENCE_FAULTS', 'no-such-fault'],
    ['HELP_URL', 'file:///Help'], ['HELP_URL', 'Help'],
  ] as const) {
    it(`names ${variable} when it is "${value}"`, () => {
      const error = errorFor({ [variable]: value });
      expect(error.variable).to.equal(variable);
      expect(error.message).to.contain(variable);
    });
  }

  it('asks for the missing login variable when only some are set', () => {
    expect(errorFor({ LOGIN_USERNAME: 'ADMIN', LOGIN_PASSWORD: 'x' }).variable).to.equal('LOGIN_COMPANY');
  });

  it('reads a complete login with the default path', () => {
    expect(loadConfig({ LOGIN_COMPANY: '1', LOGIN_USERNAME: 'ADMIN', LOGIN_PASSWORD: 'consinco' }).login).to.deep.equal({ company: '1', username: 'ADMIN', password: 'consinco', path: 'api/v1/auth/login' });
  });

  it('refuses REFERENCE_FAULTS against a live target, and INSECURE_TLS together with CA_FILE', () => {
    expect(errorFor({ TARGET_URL: 'http://127.0.0.1:1/', REFERENCE_FAULTS: 'no-charset' }).variable).to.equal('REFERENCE_FAULTS');
    expect(errorFor({ INSECURE_TLS: '1', CA_FILE: 'package.json' }).variable).to.equal('INSECURE_TLS');
  });

  it('reads CONCURRENCY from 1 (one request at a time) to 64', () => {
    expect(loadConfig({ CONCURRENCY: '1' }).concurrency).to.equal(1);
    expect(loadConfig({ CONCURRENCY: '64' }).concurrency).to.equal(64);
  });

  it('accepts known fault ids, comma-separated', () => {
    expect(loadConfig({ REFERENCE_FAULTS: 'no-charset, slow-response' }).reference.faults).to.deep.equal(['no-charset', 'slow-response']);
  });

  it('documents every variable it reads', () => {
    const names = CONFIG_VARIABLES.map((v) => v.name);
    for (const name of ['TARGET_URL', 'REFRESH_TOKEN', 'LOGIN_PATH', 'NAMING', 'PROFILE', 'REQUEST_TIMEOUT_MS', 'MAX_RESPONSE_BYTES', 'CA_FILE', 'INSECURE_TLS', 'RESPONSE_TIME_BUDGET_MS', 'CONCURRENCY', 'REPORTS_DIR', 'REFERENCE_NAMING', 'REFERENCE_FAULTS']) {
      expect(names).to.include(name);
    }
  });
});
