// The provider's own Help Pages: /Help (the index), /Help/Api/<id> and /Help/ResourceModel
// in the HelpPage markup, generated from the doc files its actions are built from (the three
// auth pages and the generic one). The project's live-help reader discovers all four endpoints
// from them and reads the same model as from the files; `npm run doc -- check <url>/Help`
// against the standalone server passes.

import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ApiEndpoint, Sample } from '../../../src/doc/apiModel.ts';
import { loadDocPath } from '../../../src/doc/docSet.ts';
import { loadDocs } from '../../../src/doc/loadDocs.ts';
import { parsePage } from '../../../src/doc/parsePage.ts';
import { ENDPOINTS, REFERENCE_DOC_FILES, startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const API_IDS = ['POST-api-v1-auth-login', 'POST-api-v1-auth-corp-login', 'POST-api-v1-auth-refresh-token', 'POST-api-TablesManagement-ADUModel_pType'];
const MODELS = ['ConsincoUserBindingModel', 'ConsincoUserCorpBindingModel', 'ConsincoRefreshTokenBindingModel', 'TokenResponse', 'TokenCorpResponse', 'Model'];

/** What a reader learns from a page, without where it read it (file lines differ from HTML lines). */
function essence(endpoint: ApiEndpoint) {
  const sample = (s: Sample) => ({ mediaTypes: s.mediaTypes, format: s.format, body: s.format === 'json' ? JSON.parse(s.text) : s.text.replace(/>\s+</g, '><').trim() });
  const body = (b: ApiEndpoint['request']) => b && { caption: b.caption, typeText: b.typeText, samples: b.samples.map(sample) };
  return {
    method: endpoint.method,
    path: endpoint.path,
    description: endpoint.description,
    uriParameters: endpoint.uriParameters.map((p) => ({ name: p.name, typeText: p.typeText, annotations: p.annotations })),
    request: body(endpoint.request),
    response: body(endpoint.response),
    responseCodes: endpoint.responseCodes,
    types: [...endpoint.types.values()].map((t) => ({
      name: t.name,
      members: t.kind === 'complex' ? t.members.map((m) => ({ name: m.name, description: m.description, typeText: m.typeText, annotations: m.annotations })) : [],
    })),
  };
}

async function get(provider: ReferenceProvider, path: string): Promise<{ status: number; contentType: string; body: string }> {
  const res = await fetch(`${provider.url}${path}`, { signal: AbortSignal.timeout(5000) });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() };
}

describe('reference provider: its Help Pages at /Help', () => {
  let provider: ReferenceProvider;
  before(async () => {
    provider = await startReferenceProvider();
  });
  after(() => provider.stop());

  it('serves the index: the Auth controller\'s table linking the three auth API pages, the TablesManagement one linking the generic page', async () => {
    const index = await get(provider, '/Help');
    expect(index.status).to.equal(200);
    expect(index.contentType).to.equal('text/html; charset=utf-8');
    expect(index.body).to.contain('<h2 id="Auth">Auth</h2>');
    expect(index.body).to.contain('<h2 id="TablesManagement">TablesManagement</h2>');
    const page = parsePage(index.body, 'index');
    expect(page.kind).to.equal('index');
    if (page.kind !== 'index') return;
    expect(page.apis.map((a) => `${a.method} ${a.path} ${a.href}`)).to.deep.equal([
      'POST api/v1/auth/login /Help/Api/POST-api-v1-auth-login',
      'POST api/v1/auth/corp/login /Help/Api/POST-api-v1-auth-corp-login',
      'POST api/v1/auth/refresh-token /Help/Api/POST-api-v1-auth-refresh-token',
      'POST api/TablesManagement/ADUModel?pType={pType} /Help/Api/POST-api-TablesManagement-ADUModel_pType',
    ]);
  });

  it('serves each API page and each ResourceModel page in the HelpPage markup', async () => {
    for (const id of API_IDS) {
      const page = await get(provider, `/Help/Api/${id}`);
      expect(page.status, id).to.equal(200);
      expect(page.body).to.match(/<h4 class="sample-header">application\/xml, text\/xml<\/h4>/);
      expect(page.body).to.match(/<a href="\/Help\/ResourceModel\?modelName=\w+">/);
      expect(parsePage(page.body, id).kind).to.equal('api');
    }
    for (const model of MODELS) {
      const page = await get(provider, `/Help/ResourceModel?modelName=${model}`);
      expect(page.status, model).to.equal(200);
      expect(page.body).to.contain(`<h1>${model}</h1>`);
      expect(parsePage(page.body, model).kind).to.equal('resource-model');
    }
  });

  it('answers 404 for an API or a model it does not have, and leaves POST /Help to the API routes', async () => {
    expect((await get(provider, '/Help/Api/GET-api-nothing')).status).to.equal(404);
    expect((await get(provider, '/Help/ResourceModel?modelName=Nothing')).status).to.equal(404);
    const post = await fetch(`${provider.url}/Help`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(post.status).to.equal(404);
    expect(post.headers.get('content-type')).to.equal('application/json; charset=utf-8');
  });

  it('reads, through the live-help reader, the same four endpoints as the doc files', async () => {
    const live = await loadDocs(`${provider.url}/Help`, {});
    expect(live.failures.map((f) => f.message)).to.deep.equal([]);
    const files = REFERENCE_DOC_FILES.flatMap((file) => loadDocPath(file).endpoints);
    expect(files).to.have.length(4);
    expect(live.endpoints.map(essence)).to.deep.equal(files.map(essence));
  });

  it('exports the files it serves as a doc set: copied into one folder, they read as its four endpoints', () => {
    const folder = mkdtempSync(join(tmpdir(), 'reference-docs-'));
    try {
      for (const file of REFERENCE_DOC_FILES) copyFileSync(file, join(folder, basename(file)));
      const set = loadDocPath(folder);
      expect(set.failures.map((f) => f.message)).to.deep.equal([]);
      expect(set.endpoints.map((e) => `${e.method} ${e.path}`).sort()).to.deep.equal(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('passes `npm run doc -- check <url>/Help` against the standalone server', async function () {
    this.timeout(60_000);
    // Its own process group, so the SIGTERM reaches the server npm started, not only npm.
    const server = spawn('npm', ['run', '-s', 'reference-server', '--', '--port', '0'], { cwd: ROOT, stdio: 'pipe', detached: true });
    const closed = once(server, 'close');
    try {
      const [line] = (await once(createInterface({ input: server.stdout }), 'line')) as [string];
      const url = line.replace(/^listening on /, '');
      const check = spawn('npm', ['run', '-s', 'doc', '--', 'check', `${url}/Help`], { cwd: ROOT, stdio: 'pipe' });
      let stdout = '';
      check.stdout.on('data', (c) => (stdout += String(c)));
      check.stderr.on('data', (c) => (stdout += String(c)));
      const [code] = (await once(check, 'close')) as [number];
      expect(stdout.trim().split('\n')).to.deep.equal([
        'POST api/v1/auth/login: request ConsincoUserBindingModel, response TokenResponse, samples valid 4/4',
        'POST api/v1/auth/corp/login: request ConsincoUserCorpBindingModel, response TokenCorpResponse, samples valid 4/4',
        'POST api/v1/auth/refresh-token: request ConsincoRefreshTokenBindingModel, response TokenResponse, samples valid 4/4',
        'POST api/TablesManagement/ADUModel?pType={pType}: request Model, response Model, samples valid 4/4',
      ]);
      expect(code).to.equal(0);
    } finally {
      process.kill(-server.pid!, 'SIGTERM');
      await closed;
    }
  });
});
