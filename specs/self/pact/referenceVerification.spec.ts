// Verification against the embedded reference provider, every endpoint of the package's set
// (login, corp login, refresh-token): a contract recorded in either naming passes a provider of
// that naming, its users' credentials injected into the logins; a provider with a wrong-typed
// JSON member fails each 200 JSON interaction naming the member; a corp login that answers the
// login's TokenResponse fails the corp login's 200s and nothing else; a provider of the other
// naming fails every 200.

import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Naming } from '../../../src/findings/types.ts';
import { embeddedArrangements, type Arrangements } from '../../../src/pact/verify/states.ts';
import { verifyContract, type ContractVerdict } from '../../../src/pact/verify/verifyContract.ts';
import { startReferenceProvider } from '../../../src/reference/index.ts';
import { INTERACTIONS, HTTP, recordContract, writeTemp } from './support.ts';

const ok = (format?: string, endpoint?: string) => INTERACTIONS.filter((c) => c.response.status === 200 && (!format || c.format === format) && (!endpoint || c.endpoint.name === endpoint)).map((c) => c.description).sort();
const contracts = new Map<Naming, string>();

async function verifyAgainstReference(contract: Naming, naming: Naming, faults: string[] = []): Promise<ContractVerdict[]> {
  const provider = await startReferenceProvider({ naming, faults });
  try {
    return await verifyContract({ contractFile: contracts.get(contract)!, targetUrl: `${provider.url}/`, arrangements: embeddedArrangements(provider), http: HTTP });
  } finally {
    await provider.stop();
  }
}

const failures = (verdicts: ContractVerdict[]) => verdicts.filter((v) => v.status !== 'pass');

describe('contract verification against the reference provider', function () {
  before(async () => {
    for (const naming of ['backing-field', 'documented'] as const) contracts.set(naming, writeTemp(await recordContract(naming)));
  });

  for (const naming of ['backing-field', 'documented'] as const) {
    it(`passes every interaction of the ${naming} contract on a ${naming} provider`, async () => {
      const verdicts = await verifyAgainstReference(naming, naming);
      expect(verdicts).to.have.length(INTERACTIONS.length);
      expect(failures(verdicts)).to.deep.equal([]);
    });
  }

  for (const [fault, field] of [['id-as-string', '<id>k__BackingField'], ['isext-as-string', '<isExt>k__BackingField']] as const) {
    it(`fails every JSON 200 interaction (login, corp login, refresh), naming ${field}, when the provider has the fault ${fault}`, async () => {
      const failed = failures(await verifyAgainstReference('backing-field', 'backing-field', [fault]));
      expect(failed.map((v) => v.interaction).sort()).to.deep.equal(ok('json'));
      expect(failed.map((v) => v.interaction)).to.have.length(3);
      for (const verdict of failed) expect(verdict.message).to.include(`$['${field}']`);
    });
  }

  it('fails the corp login\'s 200 interactions, and nothing else, when the corp login answers with the login\'s TokenResponse (corp-login-token-response)', async () => {
    const failed = failures(await verifyAgainstReference('backing-field', 'backing-field', ['corp-login-token-response']));
    expect(failed.map((v) => v.interaction).sort()).to.deep.equal(ok(undefined, 'corp-login'));
    expect(failed.map((v) => v.interaction)).to.have.length(2);
    expect(failed.find((v) => v.interaction.startsWith('a JSON'))!.message).to.include('Actual map is missing').and.include('<email>k__BackingField');
  });

  it('runs Pact\'s verifier with no proxy variable and an empty trust store (it only talks to loopback), and gives the run its environment back', async () => {
    const provider = await startReferenceProvider();
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, SSL_CERT_DIR: process.env.SSL_CERT_DIR, SSL_CERT_FILE: process.env.SSL_CERT_FILE };
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    process.env.SSL_CERT_DIR = '/etc/ssl/certs';
    delete process.env.SSL_CERT_FILE;
    const seen: { proxy?: string; certFile?: string; certDir?: string; storeFiles?: string[]; fileText?: string }[] = [];
    const observed = (arrangements: Arrangements): Arrangements => Object.fromEntries(Object.entries(arrangements).map(([state, a]) => [state, {
      ...a,
      setup: () => {
        const { HTTP_PROXY: proxy, SSL_CERT_FILE: certFile, SSL_CERT_DIR: certDir } = process.env;
        seen.push({ proxy, certFile, certDir, storeFiles: certDir && existsSync(certDir) ? readdirSync(certDir).map((f) => readFileSync(`${certDir}/${f}`, 'utf8')) : undefined, fileText: certFile && existsSync(certFile) ? readFileSync(certFile, 'utf8') : undefined });
        a.setup?.();
      },
    }])) as Arrangements;
    try {
      const verdicts = await verifyContract({ contractFile: contracts.get('backing-field')!, targetUrl: `${provider.url}/`, arrangements: observed(embeddedArrangements(provider)), http: HTTP });
      expect(failures(verdicts)).to.deep.equal([]);
      expect(seen).to.have.length(INTERACTIONS.length);
      for (const env of seen) {
        expect(env.proxy).to.equal(undefined);
        expect(env.certDir).to.not.equal('/etc/ssl/certs');
        expect(env.storeFiles, 'the trust store the verifier reads').to.deep.equal(['']);
        expect(env.fileText, 'SSL_CERT_FILE').to.equal('');
      }
      expect([process.env.HTTP_PROXY, process.env.SSL_CERT_DIR, process.env.SSL_CERT_FILE]).to.deep.equal(['http://127.0.0.1:9', '/etc/ssl/certs', undefined]);
      expect(existsSync(seen[0]!.certDir!), 'the empty store is removed').to.equal(false);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await provider.stop();
    }
  });

  it('fails every 200 interaction when the provider uses the other naming', async () => {
    const failed = failures(await verifyAgainstReference('backing-field', 'documented'));
    expect(failed.map((v) => v.interaction).sort()).to.deep.equal(ok());
    expect(failed).to.have.length(6);
  });
});
