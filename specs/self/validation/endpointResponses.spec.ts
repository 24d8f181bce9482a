// The response schemas a run judges each endpoint's 200 bodies by: a token endpoint's in both
// namings (the committed generator's), a generic page's from its own tables and samples, and
// the pages whose answer cannot be judged (no response body, a type the page never describes).
// The schemas are kept per endpoint object, so every case builds its endpoints afresh.

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadDocPath } from '../../../src/doc/docSet.ts';
import { packageEndpoint } from '../../../src/endpoints/packageEndpoints.ts';
import { testedEndpoints, type TestedEndpoint } from '../../../src/endpoints/testedEndpoint.ts';
import { responseJsonProblems, responseXsdTarget, undescribedResponse } from '../../../src/validation/endpointResponses.ts';
import { validateXmlDocuments } from '../../../src/validation/xsdBatch.ts';
import { responseObject, responseXml } from '../support/docSamples.ts';
import { CORPUS } from '../doc/corpus.ts';

const tokenEndpoint = (name: 'login' | 'corp-login' | 'refresh-token') => ({ ...packageEndpoint(name) });

function pageEndpoint(file: string): TestedEndpoint {
  const set = loadDocPath(join(CORPUS, file));
  expect(set.failures).to.deep.equal([]);
  return testedEndpoints(set.endpoints)[0]!;
}

const sampleOf = (endpoint: TestedEndpoint, format: 'json' | 'xml') => endpoint.api.response!.samples.find((s) => s.format === format)!.text;

const COLOR = 'html/bemicron-scaldis.GET-api-colorapi-color-id.html';
const SFMOMA = 'cells/sfmoma.POST-api-Login.txt';
const JSON_ONLY = 'pipes/pinch.POST-api-contents-heads.txt';
const NO_BODY = 'cells/aardvark-kingfisher.POST-api-Categories.txt';
const UNDESCRIBED = 'cells/bluntt.POST-api-Account-Register.txt';
const TOKEN_NAMESPACE = 'http://schemas.datacontract.org/2004/07/Kike.Security.Data.Dto';

describe('response schemas per endpoint', function () {
  this.timeout(30000);

  describe('token endpoints', () => {
    for (const name of ['refresh-token', 'login'] as const) {
      it(`${name}: judges a JSON body in the naming asked for, naming the members of the other`, () => {
        const endpoint = tokenEndpoint(name);
        expect(undescribedResponse(endpoint)).to.equal(undefined);
        expect(responseJsonProblems(endpoint, responseObject('documented'), 'documented')).to.deep.equal([]);
        expect(responseJsonProblems(endpoint, responseObject('backing-field'), 'backing-field')).to.deep.equal([]);
        expect(responseJsonProblems(endpoint, responseObject('backing-field'), 'documented')).to.deep.include({
          field: 'access_token', path: '/', received: 'no such member', expected: 'member "access_token"',
        });
        expect(responseJsonProblems(endpoint, responseObject('documented'), 'backing-field')).to.deep.include({
          field: '<accessToken>k__BackingField', path: '/', received: 'no such member', expected: 'member "<accessToken>k__BackingField"',
        });
      });
    }

    it('judges a wrong-typed member, whatever its $id shares with the other token endpoints', () => {
      const refresh = tokenEndpoint('refresh-token');
      const login = tokenEndpoint('login');
      const wrong = { ...responseObject('documented'), id: 'seven' };
      expect(responseJsonProblems(refresh, wrong, 'documented')).to.deep.equal([{ field: 'id', path: '/id', received: '"seven"', expected: 'a value of type integer' }]);
      expect(responseJsonProblems(login, wrong, 'documented')).to.deep.equal([{ field: 'id', path: '/id', received: '"seven"', expected: 'a value of type integer' }]);
    });

    it('gives an XSD per naming that takes its own naming\'s DataContract XML and refuses the other\'s', async () => {
      const endpoint = tokenEndpoint('refresh-token');
      const documented = responseXsdTarget(endpoint, 'documented')!;
      const backing = responseXsdTarget(endpoint, 'backing-field')!;
      for (const target of [documented, backing]) {
        expect(target).to.include({ namespace: TOKEN_NAMESPACE, root: 'TokenResponse' });
        expect(readFileSync(target.xsd, 'utf8')).to.contain(`targetNamespace="${TOKEN_NAMESPACE}"`);
      }
      expect(readFileSync(documented.xsd, 'utf8')).to.contain('name="access_token"');
      expect(readFileSync(backing.xsd, 'utf8')).to.contain('name="_x003C_accessToken_x003E_k__BackingField"');
      const results = await validateXmlDocuments([
        { target: documented, xml: responseXml('documented') },
        { target: backing, xml: responseXml('backing-field') },
        { target: documented, xml: responseXml('backing-field') },
      ]);
      expect(results[0]).to.deep.equal([]);
      expect(results[1]).to.deep.equal([]);
      expect(results[2]).to.not.deep.equal([]);
    });

    it('makes each naming\'s schemas once per endpoint, and one XSD file for the same schema (one XSD batch, one JVM)', () => {
      const endpoint = tokenEndpoint('refresh-token');
      const first = responseXsdTarget(endpoint, 'documented')!;
      expect(responseXsdTarget(endpoint, 'documented')).to.equal(first);
      expect(responseXsdTarget(endpoint, 'backing-field')!.xsd).to.not.equal(first.xsd);
      // The login's TokenResponse is the refresh's: the same file; the corp login's is its own.
      expect(responseXsdTarget(tokenEndpoint('refresh-token'), 'documented')!.xsd).to.equal(first.xsd);
      expect(responseXsdTarget(tokenEndpoint('login'), 'documented')!.xsd).to.equal(first.xsd);
      const corp = responseXsdTarget(tokenEndpoint('corp-login'), 'documented')!.xsd;
      expect(dirname(corp)).to.not.equal(dirname(first.xsd));
      expect(readFileSync(corp, 'utf8')).to.contain('name="TokenCorpResponse"');
      expect(readFileSync(first.xsd, 'utf8')).to.contain('name="TokenResponse"');
    });
  });

  describe('generic pages', () => {
    it('judges JSON by the page\'s table: its own sample passes, a body without the members is named', () => {
      const endpoint = pageEndpoint(COLOR);
      expect(endpoint.role).to.equal('generic');
      expect(undescribedResponse(endpoint)).to.equal(undefined);
      const sample = JSON.parse(sampleOf(endpoint, 'json')) as Record<string, unknown>;
      // The page's sample breaks its own table's `Max length: 6`, as the sample generator does.
      expect(responseJsonProblems(endpoint, sample, 'documented')).to.deep.equal([
        { field: 'hexadecimal_code', path: '/hexadecimal_code', received: '"sample string 4"', expected: 'must NOT have more than 6 characters' },
      ]);
      expect(responseJsonProblems(endpoint, { ...sample, hexadecimal_code: 'FF00AA' }, 'documented')).to.deep.equal([]);
      expect(responseJsonProblems(endpoint, {}, 'documented')!.map((p) => p.field)).to.deep.equal(['descriptions', 'active', 'code', 'customer_id', 'hexadecimal_code', 'id']);
    });

    it('judges XML by the page\'s DataContract form, every namespace\'s schema written beside the main one', async () => {
      const color = pageEndpoint(COLOR);
      const login = pageEndpoint(SFMOMA);
      const colorTarget = responseXsdTarget(color, 'documented')!;
      const loginTarget = responseXsdTarget(login, 'documented')!;
      expect(colorTarget).to.include({ namespace: 'http://schemas.datacontract.org/2004/07/EntityModel', root: 'color' });
      expect(loginTarget).to.include({ namespace: 'http://schemas.datacontract.org/2004/07/SFMOMA.Data.Api', root: 'ApiSuccessOfLoginResultgLC8bFpX' });
      expect([...loginTarget.namespaces!.keys()]).to.deep.equal([
        'http://schemas.datacontract.org/2004/07/SFMOMA.Data.Api', 'http://schemas.datacontract.org/2004/07/SFMOMA.Data.Entities.Account',
      ]);
      for (const target of [colorTarget, loginTarget]) {
        for (const [namespace, file] of target.namespaces!) {
          expect(dirname(file)).to.equal(dirname(target.xsd));
          expect(readFileSync(file, 'utf8')).to.contain(`targetNamespace="${namespace}"`);
        }
      }
      const colorXml = sampleOf(color, 'xml').replace('sample string 4', 'FF00AA');
      const results = await validateXmlDocuments([
        { target: colorTarget, xml: colorXml },
        { target: loginTarget, xml: sampleOf(login, 'xml') },
        { target: colorTarget, xml: colorXml.replace(/<active>[^<]*<\/active>/, '<active>maybe</active>') },
      ]);
      expect(results[0]).to.deep.equal([]);
      expect(results[1]).to.deep.equal([]);
      expect(results[2]!.map((p) => p.received).join(' ')).to.contain('maybe');
    });

    it('gives no XSD for a page without an XML sample, yet judges its JSON', () => {
      const endpoint = pageEndpoint(JSON_ONLY);
      expect(responseXsdTarget(endpoint, 'documented')).to.equal(undefined);
      expect(responseJsonProblems(endpoint, JSON.parse(sampleOf(endpoint, 'json')), 'documented')).to.deep.equal([]);
      expect(responseJsonProblems(endpoint, { Id: 'x' }, 'documented')!.length).to.be.above(0);
    });

    it('says why a 200 body cannot be judged, and judges nothing there', () => {
      const none = pageEndpoint(NO_BODY);
      expect(undescribedResponse(none)).to.equal('the page documents no response body');
      const undescribed = pageEndpoint(UNDESCRIBED);
      expect(undescribedResponse(undescribed)).to.equal('the page describes no members of IHttpActionResult and shows no sample of it');
      for (const endpoint of [none, undescribed]) {
        expect(responseJsonProblems(endpoint, {}, 'documented')).to.equal(undefined);
        expect(responseXsdTarget(endpoint, 'backing-field')).to.equal(undefined);
      }
    });
  });
});
