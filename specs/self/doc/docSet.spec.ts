// What the doc commands read: one page, a folder of pages in any rendering (in name order,
// sub-folders included, a folder's notes and other files skipped), or a live Help URL, given
// or taken from HELP_URL. ResourceModel pages complete the types the API pages only link; a
// page that cannot be read is kept as a failure naming its file, beside the pages that can.

import { expect } from 'chai';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble, loadDocPath } from '../../../src/doc/docSet.ts';
import { loadDocs, NoDocError } from '../../../src/doc/loadDocs.ts';
import { CORPUS } from './corpus.ts';

const scratch = mkdtempSync(join(tmpdir(), 'doc-set-'));
let folders = 0;

/** A folder holding the given corpus pages (target name -> corpus file) and plain texts. */
function folderOf(pages: Record<string, string>, texts: Record<string, string> = {}): string {
  const folder = join(scratch, String(folders++));
  for (const [name, file] of Object.entries(pages)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    copyFileSync(join(CORPUS, file), join(folder, name));
  }
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(folder, name), text);
  return folder;
}

const names = (set: { endpoints: { method: string; path: string }[] }) => set.endpoints.map((e) => `${e.method} ${e.path}`);

describe('doc sets', () => {
  describe('a page or a folder on disk', () => {
    it('reads one page', () => {
      const set = loadDocPath('docs/refresh-token.help.txt');
      expect(names(set)).to.deep.equal(['POST api/v1/auth/refresh-token']);
      expect(set.failures).to.deep.equal([]);
    });

    it('reads a folder in name order, sub-folders included, whatever the rendering', () => {
      const folder = folderOf({
        'b-color.html': 'html/bemicron-scaldis.GET-api-colorapi-color-id.html',
        'a-login.txt': 'cells/sfmoma.POST-api-Login.txt',
        'c/products.md': 'markdown/aspnetmvcdemo.GET-api-Products-id.txt',
        'B-roles.htm': 'html/carone.POST-api-v1-auth-refresh-token.html',
      });
      expect(names(loadDocPath(folder))).to.deep.equal([
        'POST api/v1/auth/refresh-token', 'POST api/Login', 'GET api/colorapi/color/{id}', 'GET api/Products/{id}',
      ]);
    });

    it('skips a folder\'s notes and files that are no pages', () => {
      const folder = folderOf({ 'page.txt': 'cells/sfmoma.POST-api-Login.txt' }, {
        'README.md': '# Notes', 'notes.txt': 'what we saw', 'INDEX.md': '-', 'SOURCES.txt': '-', 'routes.json': '{}', 'page.txt.bak': 'x',
      });
      const set = loadDocPath(folder);
      expect(names(set)).to.deep.equal(['POST api/Login']);
      expect(set.failures).to.deep.equal([]);
    });

    it('reads a page whose name only looks like a note', () => {
      const folder = folderOf({ 'README-login.md': 'cells/sfmoma.POST-api-Login.txt', 'notes.md.txt': 'html/bemicron-scaldis.GET-api-colorapi-color-id.html' });
      expect(names(loadDocPath(folder))).to.deep.equal(['POST api/Login', 'GET api/colorapi/color/{id}']);
    });

    it('completes the types an API page only links from the ResourceModel pages beside it', () => {
      const folder = join(CORPUS, 'live/deeprootcrm');
      const set = loadDocPath(folder);
      expect(set.failures).to.deep.equal([]);
      expect(names(set)).to.deep.equal(['POST api/Login/login']);
      const user = set.endpoints[0]!.types.get('UserModel')!;
      expect(user).to.include({ kind: 'complex', origin: 'resource-model' });
      expect(user.at.source).to.equal(join(folder, 'Help/ResourceModel/UserModel.html'));
    });

    it('keeps a page it cannot read as a failure naming the file and line, and reads the others', () => {
      const folder = folderOf({ 'a.txt': 'negative/no-method-line.cells.txt', 'b.txt': 'cells/sfmoma.POST-api-Login.txt' });
      const set = loadDocPath(folder);
      expect(names(set)).to.deep.equal(['POST api/Login']);
      expect(set.failures.map((f) => f.message)).to.deep.equal([
        `${join(folder, 'a.txt')}: help page line 1: expected "<METHOD> <path>" on the first line (an API page), a type name (a ResourceModel page) or the API index, got "Request Information"`,
      ]);
    });

    it('says what is missing: no such path, no page in the folder', () => {
      const missing = join(scratch, 'nowhere');
      const none = loadDocPath(missing);
      expect(none.endpoints).to.deep.equal([]);
      expect(none.failures.map((f) => f.message)).to.deep.equal([`${missing}: help page line 0: cannot read: ENOENT`]);
      const empty = folderOf({}, { 'README.md': '# nothing here' });
      const set = loadDocPath(empty);
      expect(set.endpoints).to.deep.equal([]);
      expect(set.failures.map((f) => f.message)).to.deep.equal([`${empty}: help page line 0: no Help Page files (.txt, .html, .htm, .md) in this folder`]);
    });

    it('lets an error that is no Help Page error through (a read that fails)', () => {
      expect(() => assemble([{ source: 'x.txt', read: () => { throw new Error('disk gone'); } }])).to.throw(Error, /^disk gone$/);
    });
  });

  describe('what the doc commands were given', () => {
    const dead = 'http://127.0.0.1:9/Help';

    it('a file or a folder, read from disk even when HELP_URL is set', async () => {
      const set = await loadDocs('docs/refresh-token.help.txt', { HELP_URL: dead });
      expect(names(set)).to.deep.equal(['POST api/v1/auth/refresh-token']);
    });

    it('a URL, or HELP_URL when given nothing, read over HTTP', async () => {
      for (const [input, env] of [[dead, {}], [undefined, { HELP_URL: dead }], ['HTTP://127.0.0.1:9/Help', {}]] as const) {
        let message = '';
        await loadDocs(input, env).catch((error: Error) => { message = error.message; });
        expect(message, String(input)).to.match(/^http:\/\/127\.0\.0\.1:9\/Help: help page line 0: could not fetch the page: connection refused/i);
      }
    });

    it('a path that only holds a URL is a path', async () => {
      const set = await loadDocs(`${scratch}/mirror/http://host/Help`, {});
      expect(set.failures[0]!.message).to.match(/cannot read: ENOENT$/);
    });

    it('nothing, without HELP_URL: says what to give', async () => {
      let error: unknown;
      await loadDocs(undefined, {}).catch((e: unknown) => { error = e; });
      expect(error).to.be.instanceOf(NoDocError);
      expect((error as Error).message).to.equal('give a Help Page file, a folder of them or a Help URL (or set HELP_URL)');
    });
  });
});
