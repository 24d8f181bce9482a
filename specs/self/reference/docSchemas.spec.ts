// The provider's login and corp login answers (and the request bodies it accepts) are valid
// against the JSON Schemas and XSDs the project generates from the same Help Pages, in both
// namings and both formats: the provider is judged by the doc, not by its own serializer.

import { expect } from 'chai';
import { loadDocPath } from '../../../src/doc/docSet.ts';
import { CORP_LOGIN_DOC, LOGIN_DOC } from '../../../src/doc/endpoint.ts';
import { endpointSchemas, type BodyDirection } from '../../../src/schemas/endpointSchemas.ts';
import type { WireNaming } from '../../../src/schemas/wireLayout.ts';
import { startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { EndpointValidator, type MessageToValidate } from '../../../src/validation/endpointSamples.ts';
import { CORP_LOGIN, LOGIN, corpLoginJson, corpLoginXml, loginJson, loginXml, post } from './support.ts';

const PAGES = [
  { name: 'login', doc: LOGIN_DOC, path: LOGIN, json: () => loginJson(), xml: () => loginXml() },
  { name: 'corp login', doc: CORP_LOGIN_DOC, path: CORP_LOGIN, json: () => corpLoginJson(), xml: () => corpLoginXml() },
];

describe('reference provider: login and corp login against the schemas of their Help Pages', function () {
  this.timeout(60_000);
  const providers = new Map<WireNaming, ReferenceProvider>();
  before(async () => {
    for (const naming of ['backing-field', 'documented'] as const) providers.set(naming, await startReferenceProvider({ naming }));
  });
  after(() => Promise.all([...providers.values()].map((p) => p.stop())));

  for (const page of PAGES) {
    it(`${page.name}: every answer validates against the response schemas of its naming, every body it binds against the request schemas`, async () => {
      const [endpoint] = loadDocPath(page.doc).endpoints;
      const generated = endpointSchemas(endpoint!);
      const schemasFor = (direction: BodyDirection, naming: WireNaming) => {
        const found = generated.bodies.find((b) => b.direction === direction)?.schemas.find((s) => s.naming === naming);
        if (!found) throw new Error(`no ${naming} ${direction} schemas for ${page.name}`);
        return found;
      };
      const messages: (MessageToValidate & { what: string })[] = [];
      for (const [naming, provider] of providers) {
        for (const format of ['json', 'xml'] as const) {
          const mediaType = `application/${format}`;
          const wire = await post(provider, page.path, format === 'json' ? page.json() : page.xml(), { 'content-type': mediaType, accept: mediaType });
          expect(wire.status).to.equal(200);
          messages.push({ what: `${naming} ${format} response`, schemas: schemasFor('response', naming), format, text: wire.body, strictness: 'contract' });
        }
      }
      // The request schemas carry the doc's names (the members have no backing fields).
      const requestSchemas = generated.bodies.find((b) => b.direction === 'request')!.schemas[0]!;
      messages.push({ what: 'json request', schemas: requestSchemas, format: 'json', text: page.json(), strictness: 'contract' });
      messages.push({ what: 'xml request', schemas: requestSchemas, format: 'xml', text: page.xml(), strictness: 'contract' });
      const problems = await new EndpointValidator().validate(messages);
      expect(Object.fromEntries(messages.map((m, i) => [m.what, problems[i]]))).to.deep.equal(Object.fromEntries(messages.map((m) => [m.what, []])));
    });
  }
});
