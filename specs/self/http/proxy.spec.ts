// HTTP_PROXY, HTTPS_PROXY and NO_PROXY as curl reads them, and the probe client going through a
// forward proxy on loopback: http by absolute-form requests, https by a CONNECT tunnel with the
// run's TLS choices still judging the target's certificate.

import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { send, type HttpOptions } from '../../../src/http/client.ts';
import { proxyFor, proxySettings } from '../../../src/http/proxy.ts';
import { loadConfig, ConfigError } from '../../../src/config/config.ts';
import { startForwardProxy, type ForwardProxy } from '../support/forwardProxy.ts';
import { selfSignedCertificate, selfSignedTarget, type Certificate, type HostileServer } from '../hostile/hostileServers.ts';

const via = (target: string, env: Record<string, string>) => proxyFor(new URL(target), proxySettings(env))?.href;
const PROXY = 'http://proxy.example:3128/';

describe('proxy settings (curl semantics)', () => {
  it('uses HTTP_PROXY for http targets and HTTPS_PROXY for https ones', () => {
    const env = { HTTP_PROXY: 'http://p1.example:8080', HTTPS_PROXY: 'p2.example:3128' };
    expect(via('http://erp.example/', env)).to.equal('http://p1.example:8080/');
    expect(via('https://erp.example:8343/', env)).to.equal('http://p2.example:3128/');
    expect(via('https://erp.example/', { HTTP_PROXY: PROXY })).to.equal(undefined);
  });

  it('prefers the lower-case variable', () => {
    expect(via('http://erp.example/', { http_proxy: 'http://lower.example:1', HTTP_PROXY: 'http://upper.example:2' })).to.equal('http://lower.example:1/');
  });

  it('bypasses hosts, their subdomains, IP addresses and CIDR ranges NO_PROXY names', () => {
    const env = { HTTP_PROXY: PROXY, NO_PROXY: 'corp.example, .intra.example,10.0.0.0/8,127.0.0.1,::1' };
    expect(via('http://corp.example/', env)).to.equal(undefined);
    expect(via('http://erp.corp.example/', env)).to.equal(undefined);
    expect(via('http://intra.example/', env)).to.equal(undefined);
    expect(via('http://10.2.3.4/', env)).to.equal(undefined);
    expect(via('http://127.0.0.1:8343/', env)).to.equal(undefined);
    expect(via('http://[::1]:8343/', env)).to.equal(undefined);
    expect(via('http://notcorp.example/', env)).to.equal(PROXY);
    expect(via('http://11.0.0.1/', env)).to.equal(PROXY);
    expect(via('http://127.0.0.2/', env)).to.equal(PROXY);
  });

  it('matches names literally, as curl does: localhost does not cover 127.0.0.1, and loopback is proxied unless named', () => {
    expect(via('http://127.0.0.1:8343/', { HTTP_PROXY: PROXY, NO_PROXY: 'localhost' })).to.equal(PROXY);
    expect(via('http://localhost:8343/', { HTTP_PROXY: PROXY, NO_PROXY: 'localhost' })).to.equal(undefined);
    expect(via('http://127.0.0.1:8343/', { HTTP_PROXY: PROXY })).to.equal(PROXY);
  });

  it('bypasses every host for NO_PROXY=*', () => {
    expect(via('http://erp.example/', { HTTP_PROXY: PROXY, no_proxy: '*' })).to.equal(undefined);
  });

  it('refuses a proxy URL it cannot use, naming the variable (exit 2)', () => {
    expect(() => loadConfig({ HTTPS_PROXY: 'https://proxy.example:3128' })).to.throw(ConfigError, /HTTPS_PROXY: protocol https: is not supported/);
    expect(() => loadConfig({ http_proxy: 'http://[bad' })).to.throw(ConfigError, /http_proxy: is not a URL/);
  });
});

describe('http client through a proxy', function () {
  this.timeout(20000);
  const request = { method: 'POST', path: 'api/v1/auth/refresh-token', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: '{"refresh_token":"x"}' };
  let proxy: ForwardProxy;
  let target: Server;
  let targetUrl: string;
  const direct: string[] = [];

  before(async () => {
    proxy = await startForwardProxy();
    target = createServer((req, res) => {
      direct.push(req.url ?? '');
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"Message":"no"}');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
  });
  after(async () => {
    await proxy.close();
    target.close();
  });

  const options = (env: Record<string, string>, extra: Partial<HttpOptions> = {}): HttpOptions => ({ timeoutMs: 4000, maxResponseBytes: 10000, insecureTls: false, proxy: proxySettings(env), ...extra });

  it('sends an http request through HTTP_PROXY, body and headers intact', async () => {
    const before = proxy.requests.length;
    const outcome = await send(targetUrl, request, options({ HTTP_PROXY: proxy.url }));
    expect(outcome.response?.status).to.equal(401);
    const seen = proxy.requests.slice(before);
    expect(seen.map((r) => [r.method, r.url, r.body])).to.deep.equal([['POST', `${targetUrl}api/v1/auth/refresh-token`, request.body]]);
    expect(seen[0]!.headers['accept']).to.equal('application/json');
  });

  it('goes straight to the target when NO_PROXY names its host', async () => {
    const before = proxy.requests.length;
    const outcome = await send(targetUrl, request, options({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }));
    expect(outcome.response?.status).to.equal(401);
    expect(proxy.requests.length).to.equal(before);
  });

  it('says so when the proxy itself cannot be reached', async () => {
    const outcome = await send(targetUrl, request, options({ HTTP_PROXY: 'http://127.0.0.1:1' }));
    expect(outcome.errorCode).to.equal('ECONNREFUSED');
  });

  describe('https through a CONNECT tunnel', () => {
    let dir: string;
    let tls: Certificate;
    let secure: HostileServer;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'proxy-tls-'));
      tls = selfSignedCertificate(dir);
      secure = await selfSignedTarget(tls);
    });
    after(async () => {
      await secure.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('tunnels to the target and verifies its certificate against CA_FILE', async () => {
      const before = proxy.tunnels.length;
      const outcome = await send(secure.url, request, options({ HTTPS_PROXY: proxy.url }, { ca: tls.cert }));
      expect(outcome.transportError).to.equal(undefined);
      expect(outcome.response?.status).to.equal(401);
      expect(proxy.tunnels.slice(before)).to.deep.equal([new URL(secure.url).host]);
    });

    it('still refuses an untrusted certificate inside the tunnel, and accepts it with INSECURE_TLS', async () => {
      const refused = await send(secure.url, request, options({ HTTPS_PROXY: proxy.url }));
      expect(refused.transportError).to.match(/TLS failure|certificate/i);
      const insecure = await send(secure.url, request, options({ HTTPS_PROXY: proxy.url }, { insecureTls: true }));
      expect(insecure.response?.status).to.equal(401);
    });
  });
});
