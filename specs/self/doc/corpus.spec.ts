// Every page of the Help Page corpus is a case, driven from its manifest: it parses into the
// endpoint the manifest names, with its request and response types and its sample count, and
// its own samples validate against the schemas generated from it (refused or recovered rows
// say so; XmlSerializer samples do not pass as DataContract). Every cut or negative page fails
// with its file, a line near the one the manifest names, and the right exit code's kind.
// All XML samples of the corpus are validated in one call (one JVM per batch).

import { expect } from 'chai';
import { join } from 'node:path';
import { loadDocPath } from '../../../src/doc/docSet.ts';
import { HelpPageError } from '../../../src/doc/outline.ts';
import { parsePage } from '../../../src/doc/parsePage.ts';
import { checkSamples, type EndpointVerdict } from '../../../src/doc/sampleCheck.ts';
import { endpointSchemas } from '../../../src/schemas/endpointSchemas.ts';
import { readFileSync } from 'node:fs';
import { apiPages, CORPUS, expectedLine, manifest } from './corpus.ts';

describe('Help Page corpus (docs/help-pages/manifest.json)', function () {
  this.timeout(60000);
  const verdicts = new Map<string, EndpointVerdict>();
  const unreadable = new Map<string, HelpPageError>();

  before(async () => {
    const readable: { file: string; schemas: ReturnType<typeof endpointSchemas> }[] = [];
    for (const page of apiPages) {
      const set = loadDocPath(page.path);
      if (set.failures[0]) unreadable.set(page.file, set.failures[0]);
      else readable.push({ file: page.file, schemas: endpointSchemas(set.endpoints[0]!) });
    }
    const judged = await checkSamples(readable.map((r) => r.schemas));
    judged.forEach((verdict, i) => verdicts.set(readable[i]!.file, verdict));
  });

  it('holds at least 25 API pages from at least 10 APIs, in every rendering', () => {
    expect(apiPages.length).to.be.at.least(25);
    expect(new Set(manifest.pages.map((p) => (p as { api?: string }).api)).size).to.be.at.least(10);
    expect(new Set(apiPages.map((p) => p.rendering))).to.include.members(['pipes', 'markdown', 'cells', 'html']);
  });

  for (const page of apiPages) {
    describe(page.file, () => {
      it(`reads ${page.endpoint}`, () => {
        const error = unreadable.get(page.file);
        if (error && page.expect === 'refuse-or-recover') {
          expect(error.message).to.match(/has no name/);
          return;
        }
        expect(error, error?.message).to.equal(undefined);
        const endpoint = verdicts.get(page.file)!.schemas.endpoint;
        expect(`${endpoint.method} ${endpoint.path}`).to.equal(page.endpoint);
        expect(endpoint.request?.typeText ?? null).to.equal(page.requestType);
        const named = !endpoint.notes.some((n) => /names no type; read as \w+ \(not named/.test(n));
        if (named) expect(endpoint.response?.typeText ?? null).to.equal(page.responseType);
      });

      it(`shows ${page.samples.count} samples and judges them as the manifest expects (${page.expect})`, () => {
        const verdict = verdicts.get(page.file);
        if (!verdict) {
          expect(page.expect).to.equal('refuse-or-recover');
          return;
        }
        expect(verdict.total).to.equal(page.samples.count);
        if (page.expect === 'xml-serializer') {
          expect(verdict.failures.length).to.be.above(0);
          expect(verdict.failures.every((f) => f.sample.format === 'xml' && /XmlSerializer output/.test(f.hint ?? ''))).to.equal(true);
          return;
        }
        const detail = verdict.failures.flatMap((f) => f.problems.map((p) => `${f.sample.at.line}: ${p.received} / ${p.expected}`));
        expect(verdict.valid, detail.join('\n')).to.equal(verdict.total);
        if (page.expect === 'refuse-or-recover') expect(verdict.schemas.endpoint.notes.join('\n')).to.match(/has no name in the copy; named "\w+" after member \d+ of the JSON sample/);
      });
    });
  }

  for (const model of manifest.resourceModels) {
    it(`reads the ResourceModel page ${model.file} as ${model.model}`, () => {
      let page;
      try {
        page = parsePage(readFileSync(join(CORPUS, model.file), 'utf8'), join(CORPUS, model.file));
      } catch (error) {
        // A page whose copy lost a row's name and has no sample to recover it from is refused, with the row.
        expect((error as Error).message).to.match(/row 1 \(type "string"\) has no name/);
        return;
      }
      expect(page.kind).to.equal('resource-model');
      if (page.kind !== 'resource-model') return;
      // A namespace-qualified modelName names the type by its last part.
      expect(model.model.split('.').at(-1)).to.equal(page.type.name);
      const size = page.type.kind === 'enum' ? page.type.values.length : page.type.kind === 'complex' ? page.type.members.length : 0;
      expect(size).to.be.above(0);
    });
  }

  for (const broken of [...manifest.asStored, ...manifest.negative]) {
    it(`refuses ${broken.file} with its file and line (${broken.expectedError.slice(0, 60)}...)`, async () => {
      const path = join(CORPUS, broken.file);
      const set = loadDocPath(path);
      if (broken.expectedExit === 1) {
        const [verdict] = await checkSamples(set.endpoints.map((e) => endpointSchemas(e)));
        expect(set.failures).to.deep.equal([]);
        expect(verdict!.valid).to.be.below(verdict!.total);
        expect(verdict!.failures[0]!.problems[0]!.received).to.be.a('string');
        return;
      }
      expect(set.endpoints).to.deep.equal([]);
      const failure = set.failures[0]!;
      expect(failure).to.be.instanceOf(HelpPageError);
      expect(failure.message).to.contain(path);
      expect(failure.message).to.match(/help page line \d+: (expected|the |row |field |table |section |response |request )/);
      const line = expectedLine(broken.expectedError);
      if (line !== undefined) expect(failure.line).to.be.within(line - 3, line + 3);
    });
  }
});
