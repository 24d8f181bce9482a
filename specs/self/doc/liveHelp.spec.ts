// A server's live /Help read in process from a loopback server: which pages it asks for (each
// once, the ResourceModel pages the API pages link, never another host), what the doc set
// holds, and the error each broken server gets (404, redirect, not a Help Page, silence, a
// page too large, a set past the page limit), worded with the URL it is about.

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { HttpOptions } from '../../../src/http/client.ts';
import { loadLiveHelp } from '../../../src/doc/liveHelp.ts';
import { CORPUS, liveRoutes } from './corpus.ts';
import { rejectionOf } from '../support/rejection.ts';

type Handler = (res: ServerResponse, req: IncomingMessage) => void;

interface LiveSite {
  url: string;
  /** Every request the site received: `METHOD path?query accept`. */
  requests: string[];
  /** The body bytes each request carried. */
  bodyBytes: number[];
}

const options: HttpOptions = { timeoutMs: 5000, maxResponseBytes: 1048576, insecureTls: false };
const servers: Server[] = [];
after(() => servers.forEach((s) => { s.closeAllConnections(); s.close(); }));

const html = (body: string): Handler => (res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);

/** Serves a corpus live-Help folder, with `extra` routes added or replacing its own. */
async function serve(folder: string | undefined, extra: Record<string, Handler> = {}): Promise<LiveSite> {
  const routes: Record<string, Handler> = {};
  if (folder) {
    for (const [path, file] of Object.entries(liveRoutes(folder))) routes[path] = html(readFileSync(join(CORPUS, folder, file), 'utf8'));
  }
  Object.assign(routes, extra);
  const requests: string[] = [];
  const bodyBytes: number[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.accept}`);
    const index = bodyBytes.push(0) - 1;
    req.on('data', (chunk: Buffer) => { bodyBytes[index]! += chunk.length; });
    req.on('end', () => {
      const handler = routes[req.url ?? ''];
      if (!handler) return res.writeHead(404).end('not found');
      return handler(res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, bodyBytes };
}

/** An API index (the HelpPage package's markup) listing `rows` as [text, href]. */
function indexPage(rows: [string, string | undefined][]): string {
  const cells = rows.map(([text, href]) => `<tr><td class="api-name">${href === undefined ? text : `<a href="${href}">${text}</a>`}</td><td class="api-documentation"><p></p></td></tr>`);
  return `<html><body><h1>ASP.NET Web API Help Page</h1>\n<table class="help-page-table"><thead><tr><th>API</th><th>Description</th></tr></thead><tbody>\n${cells.join('\n')}\n</tbody></table></body></html>`;
}

const consincoFile = (file: string) => readFileSync(join(CORPUS, 'live/consinco', file), 'utf8');
/** A page of the Consinco site with extra links written into its body. */
const withLinks = (file: string, hrefs: string[]) => consincoFile(file).replace('<div id="body"', `${hrefs.map((h) => `<a href="${h}">x</a>`).join('')}<div id="body"`);

const REFRESH_API = '/Help/Api/POST-api-v1-auth-refresh-token';
const model = (name: string) => `/Help/ResourceModel?modelName=${name}`;

const failure = (load: Promise<unknown>) => rejectionOf(load, 'reading the live Help');

describe('live /Help read in process', function () {
  this.timeout(20000);

  describe('a working site', () => {
    it('reads the index, each API page and each linked ResourceModel page once, as text/html GETs', async () => {
      const site = await serve('live/consinco');
      const set = await loadLiveHelp(`${site.url}/Help`, options);
      expect(set.failures).to.deep.equal([]);
      expect(set.endpoints.map((e) => `${e.method} ${e.path}`)).to.have.members([
        'POST api/v1/auth/login', 'POST api/v1/auth/corp/login', 'POST api/v1/auth/refresh-token',
      ]);
      expect(set.endpoints).to.have.length(3);
      expect(site.requests.every((r) => r.startsWith('GET ') && r.endsWith(' text/html')), site.requests.join('\n')).to.equal(true);
      expect(site.bodyBytes).to.deep.equal(site.requests.map(() => 0));
      const paths = site.requests.map((r) => r.split(' ')[1]);
      expect(paths[0]).to.equal('/Help');
      expect([...paths].sort()).to.deep.equal([
        '/Help', '/Help/Api/POST-api-v1-auth-corp-login', '/Help/Api/POST-api-v1-auth-login', REFRESH_API,
        model('ConsincoRefreshTokenBindingModel'), model('ConsincoUserBindingModel'), model('ConsincoUserCorpBindingModel'),
        model('TokenCorpResponse'), model('TokenResponse'),
      ]);
    });

    it('completes a type from the ResourceModel page and names that page as its source', async () => {
      const site = await serve('live/deeprootcrm');
      const set = await loadLiveHelp(`${site.url}/Help`, options);
      expect(set.failures).to.deep.equal([]);
      expect(set.endpoints.map((e) => `${e.method} ${e.path}`)).to.deep.equal(['POST api/Login/login']);
      expect(set.endpoints[0]!.types.get('UserModel')!.at.source).to.equal(`${site.url}${model('UserModel')}`);
      // UserModel is linked by the API page and by ResultModelOfUserModel's page: asked for once.
      expect(site.requests.filter((r) => r.includes('modelName=UserModel '))).to.have.length(1);
      expect(site.requests).to.have.length(5);
    });

    it('given an API page instead of the index, reads that page and the ResourceModel pages it links', async () => {
      const site = await serve('live/consinco');
      const set = await loadLiveHelp(`${site.url}${REFRESH_API}`, options);
      expect(set.failures).to.deep.equal([]);
      expect(set.endpoints.map((e) => `${e.method} ${e.path}`)).to.deep.equal(['POST api/v1/auth/refresh-token']);
      expect(site.requests.map((r) => r.split(' ')[1]).sort()).to.deep.equal([REFRESH_API, REFRESH_API, model('ConsincoRefreshTokenBindingModel'), model('TokenResponse')]);
    });

    it('reads a page linked twice (once with a #fragment) once', async () => {
      const site = await serve('live/consinco', {
        '/Help': html(indexPage([['POST api/v1/auth/refresh-token', `${REFRESH_API}#top`], ['POST api/v1/auth/refresh-token', REFRESH_API]])),
      });
      const set = await loadLiveHelp(`${site.url}/Help`, options);
      expect(set.endpoints).to.have.length(1);
      expect(site.requests.filter((r) => r.includes(REFRESH_API))).to.have.length(1);
    });

    it('ends a loop of ResourceModel links, reading each page once', async () => {
      const site = await serve('live/consinco', {
        '/Help': html(indexPage([['POST api/v1/auth/refresh-token', REFRESH_API]])),
        [model('TokenResponse')]: html(withLinks('Help/ResourceModel/TokenResponse.html', [model('ConsincoRefreshTokenBindingModel'), model('TokenResponse')])),
        [model('ConsincoRefreshTokenBindingModel')]: html(withLinks('Help/ResourceModel/ConsincoRefreshTokenBindingModel.html', [model('TokenResponse')])),
      });
      const set = await loadLiveHelp(`${site.url}/Help`, options);
      expect(set.failures).to.deep.equal([]);
      expect(set.endpoints).to.have.length(1);
      expect(site.requests.map((r) => r.split(' ')[1])).to.deep.equal(['/Help', REFRESH_API, model('ConsincoRefreshTokenBindingModel'), model('TokenResponse')]);
    });

    it('follows only ResourceModel links, and none to another host', async () => {
      const site = await serve('live/consinco', {
        '/Help': html(indexPage([['POST api/v1/auth/refresh-token', REFRESH_API]])),
        [REFRESH_API]: html(withLinks('Help/Api/POST-api-v1-auth-refresh-token.html', ['/Help/Api/POST-api-v1-auth-login', 'http://elsewhere.invalid/Help/ResourceModel?modelName=Other'])),
      });
      const set = await loadLiveHelp(`${site.url}/Help`, options);
      expect(set.failures).to.deep.equal([]);
      expect(site.requests.map((r) => r.split(' ')[1])).to.deep.equal(['/Help', REFRESH_API, model('ConsincoRefreshTokenBindingModel'), model('TokenResponse')]);
    });

    it('reads an index the index links as an API page, and takes no endpoint from it', async () => {
      const site = await serve('live/consinco', {
        '/Help': html(indexPage([['POST api/v1/auth/refresh-token', REFRESH_API], ['GET Help', '/Help']])),
      });
      const set = await loadLiveHelp(`${site.url}/Help`, options);
      expect(set.failures).to.deep.equal([]);
      expect(set.endpoints.map((e) => `${e.method} ${e.path}`)).to.deep.equal(['POST api/v1/auth/refresh-token']);
      expect(site.requests.map((r) => r.split(' ')[1])).to.deep.equal(['/Help', REFRESH_API, '/Help', model('ConsincoRefreshTokenBindingModel'), model('TokenResponse')]);
    });

    it('keeps a linked page that is no Help Page as a failure naming its URL, and reads the rest', async () => {
      const site = await serve('live/consinco', {
        '/Help': html(indexPage([['POST api/v1/auth/refresh-token', REFRESH_API], ['GET api/broken', '/Help/Api/GET-api-broken']])),
        '/Help/Api/GET-api-broken': html('<html><body><h1>Server Error</h1><p>Object reference not set.</p></body></html>'),
      });
      const set = await loadLiveHelp(`${site.url}/Help`, options);
      expect(set.endpoints.map((e) => `${e.method} ${e.path}`)).to.deep.equal(['POST api/v1/auth/refresh-token']);
      expect(set.failures.map((f) => f.message)).to.deep.equal([
        `${site.url}/Help/Api/GET-api-broken: help page line 1: expected "<METHOD> <path>" on the first line (an API page), a type name (a ResourceModel page) or the API index, got "Server Error"`,
      ]);
    });
  });

  describe('a site it refuses', () => {
    it('an index entry without a link to its page', async () => {
      const site = await serve(undefined, { '/Help': html(indexPage([['GET api/x', '/Help/Api/GET-api-x'], ['DELETE api/y', undefined]])) });
      const error = await failure(loadLiveHelp(`${site.url}/Help`, options));
      expect(error.message).to.match(new RegExp(`^${site.url}/Help: help page line \\d+: the index lists DELETE api/y without a link to its page$`));
      expect(site.requests).to.have.length(1);
    });

    it('an index linking an API page on another host', async () => {
      const site = await serve(undefined, { '/Help': html(indexPage([['GET api/x', 'http://elsewhere.invalid/Help/Api/GET-api-x']])) });
      const error = await failure(loadLiveHelp(`${site.url}/Help`, options));
      expect(error.message).to.match(/help page line \d+: the index links GET api\/x to another host \(http:\/\/elsewhere\.invalid\/Help\/Api\/GET-api-x\); only http:\/\/127\.0\.0\.1:\d+ is read$/);
    });

    it('an index that is no Help Page', async () => {
      const site = await serve(undefined, { '/Help': html('<html><body><h1>Welcome to IIS</h1></body></html>') });
      const error = await failure(loadLiveHelp(`${site.url}/Help`, options));
      expect(error.message).to.equal(`${site.url}/Help: help page line 1: expected "<METHOD> <path>" on the first line (an API page), a type name (a ResourceModel page) or the API index, got "Welcome to IIS"`);
    });

    it('a missing index or API page (HTTP 404), naming the page', async () => {
      const site = await serve(undefined);
      expect((await failure(loadLiveHelp(`${site.url}/Help`, options))).message).to.equal(`${site.url}/Help: help page line 0: HTTP 404, expected 200 and a Help Page`);
      const gone = await serve('live/consinco', { '/Help': html(indexPage([['GET api/gone', '/Help/Api/GET-api-gone']])) });
      expect((await failure(loadLiveHelp(`${gone.url}/Help`, options))).message).to.equal(`${gone.url}/Help/Api/GET-api-gone: help page line 0: HTTP 404, expected 200 and a Help Page`);
    });

    it('any answer but 200, telling a redirect (300 to 399) from an error', async () => {
      const status = (code: number, headers: Record<string, string> = {}): Handler => (res) => res.writeHead(code, headers).end('');
      const site = await serve(undefined, {
        '/a/Help': status(300, { location: '/Help' }),
        '/b/Help': status(399),
        '/c/Help': status(400),
        '/d/Help': status(204),
        '/e/Help': status(301, { location: 'https://help.example/Help' }),
      });
      const message = async (path: string) => (await failure(loadLiveHelp(`${site.url}${path}`, options))).message.replace(`${site.url}${path}: help page line 0: `, '');
      expect(await message('/a/Help')).to.equal('the server redirects (HTTP 300) to /Help; redirects are not followed, give that URL');
      expect(await message('/b/Help')).to.equal('the server redirects (HTTP 399) to (no Location); redirects are not followed, give that URL');
      expect(await message('/c/Help')).to.equal('HTTP 400, expected 200 and a Help Page');
      expect(await message('/d/Help')).to.equal('HTTP 204, expected 200 and a Help Page');
      expect(await message('/e/Help')).to.equal('the server redirects (HTTP 301) to https://help.example/Help; redirects are not followed, give that URL');
    });

    it('a server that stops answering, within the deadline', async () => {
      const site = await serve(undefined, { '/Help': () => undefined });
      const started = Date.now();
      const error = await failure(loadLiveHelp(`${site.url}/Help`, { ...options, timeoutMs: 200 }));
      expect(error.message).to.equal(`${site.url}/Help: help page line 0: could not fetch the page: no complete response within 200 ms`);
      expect(Date.now() - started).to.be.below(5000);
    });

    it('a page cut off after its headers', async () => {
      const page = consincoFile('Help.html');
      const site = await serve(undefined, {
        '/Help': (res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(page.length) });
          res.write(page.slice(0, page.length - 200), () => res.destroy());
        },
      });
      const error = await failure(loadLiveHelp(`${site.url}/Help`, options));
      expect(error.message).to.equal(`${site.url}/Help: help page line 0: could not fetch the page: the target cut the response off: the connection closed after ${page.length - 200} bytes of the body of the ${page.length} its Content-Length announced`);
    });

    it('a server that is not there', async () => {
      const site = await serve(undefined);
      servers.pop()!.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const error = await failure(loadLiveHelp(`${site.url}/Help`, options));
      expect(error.message).to.match(new RegExp(`^${site.url}/Help: help page line 0: could not fetch the page: connection refused \\(nothing listens on that host and port\\)$`));
    });

    it('a page larger than MAX_RESPONSE_BYTES', async () => {
      const site = await serve('live/consinco');
      const error = await failure(loadLiveHelp(`${site.url}/Help`, { ...options, maxResponseBytes: 2000 }));
      expect(error.message).to.equal(`${site.url}/Help: help page line 0: the page is larger than MAX_RESPONSE_BYTES (2000 bytes)`);
    });

    it('an index of more than 500 pages, before reading any (500 are read)', async () => {
      const rows = (n: number) => Array.from({ length: n }, (_, i): [string, string] => [`GET api/p${i}`, `/Help/Api/GET-api-p${i}`]);
      const stub: Handler = (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>Stub</h1></body></html>');
      const pages = Object.fromEntries(rows(501).map(([, href]) => [href, stub]));
      const over = await serve(undefined, { ...pages, '/Help': html(indexPage(rows(501))) });
      const error = await failure(loadLiveHelp(`${over.url}/Help`, options));
      expect(error.message).to.equal(`${over.url}/Help: help page line 1: more than 500 pages linked from the index`);
      expect(over.requests).to.have.length(1);
      const limit = await serve(undefined, { ...pages, '/Help': html(indexPage(rows(500))) });
      const set = await loadLiveHelp(`${limit.url}/Help`, options);
      expect(set.failures).to.have.length(500);
      expect(limit.requests).to.have.length(501);
    });

    it('a set that passes 500 pages through the ResourceModel pages one API page links (1 read, 500 queued)', async () => {
      const links = Array.from({ length: 498 }, (_, i) => model(`M${i}`));
      const site = await serve('live/consinco', {
        '/Help': html(indexPage([['POST api/v1/auth/refresh-token', REFRESH_API]])),
        [REFRESH_API]: html(withLinks('Help/Api/POST-api-v1-auth-refresh-token.html', links)),
      });
      const error = await failure(loadLiveHelp(`${site.url}/Help`, options));
      expect(error.message).to.equal(`${site.url}/Help: help page line 1: more than 500 pages linked from the index`);
      expect(site.requests).to.have.length(2);
    });
  });
});
