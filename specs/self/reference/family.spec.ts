// The issuing endpoints, login and corp login, served as faithfully as refresh-token: their
// bodies bound per media type and charset from the docs' binding models (Json.NET's int from
// "1", the XML GroupId an xs:int), 200/400/401/415/500 per endpoint, both namings, the
// DataContract response in ordinal order in the doc sample's namespace, no-store caching, and
// token families the refresh-token endpoint continues.

import { expect } from 'chai';
import { ordinalSort } from '../../../src/naming/namingMap.ts';
import { DEFAULT_CORP_USERS, DEFAULT_USERS, startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import {
  CORP_LOGIN, CORP_NAMING, CORP_USER, LOGIN, LOGIN_NAMING, MEDIA_TYPES, NAMING, XSI, corpLoginJson, corpLoginXml, isXml, jsonObject, loginJson, loginXml,
  post, rawPost, refresh, refreshTokenOf, xmlRoot, type Wire,
} from './support.ts';

interface Issuing {
  name: string;
  path: string;
  naming: typeof LOGIN_NAMING;
  json: (overrides?: Record<string, unknown>) => string;
  xml: () => string;
  /** The same credentials with a wrong password. */
  wrong: () => string;
  /** The JSON body without its first required member. */
  missing: () => string;
  firstMember: string;
}

const user = DEFAULT_USERS[0]!;
const corp = DEFAULT_CORP_USERS[0]!;
const ENDPOINTS: Issuing[] = [
  {
    name: 'login', path: LOGIN, naming: LOGIN_NAMING, firstMember: 'company',
    json: (o = {}) => JSON.stringify({ company: user.company, username: user.username, password: user.password, ...o }),
    xml: () => loginXml(),
    wrong: () => loginJson(user.company, user.username, 'wrong'),
    missing: () => JSON.stringify({ username: user.username, password: user.password }),
  },
  {
    name: 'corp login', path: CORP_LOGIN, naming: CORP_NAMING, firstMember: 'groupId',
    json: (o = {}) => JSON.stringify({ groupId: corp.groupId, username: corp.username, password: corp.password, ...o }),
    xml: () => corpLoginXml(),
    wrong: () => corpLoginJson(CORP_USER.groupId, CORP_USER.username, 'wrong'),
    missing: () => JSON.stringify({ username: corp.username, password: corp.password }),
  },
];

const modelState = (wire: Wire) => (JSON.parse(wire.body) as { ModelState?: Record<string, string[]> }).ModelState ?? {};
const send = (p: ReferenceProvider, path: string, body: string, mediaType = 'application/json') => post(p, path, body, { 'content-type': mediaType, accept: mediaType });

describe('reference provider: login and corp login', () => {
  let provider: ReferenceProvider;
  let documented: ReferenceProvider;
  before(async () => {
    [provider, documented] = await Promise.all([startReferenceProvider(), startReferenceProvider({ naming: 'documented' })]);
  });
  after(() => Promise.all([provider.stop(), documented.stop()]));

  for (const endpoint of ENDPOINTS) {
    const response = endpoint.naming.response;
    describe(endpoint.name, () => {
      for (const mediaType of MEDIA_TYPES) {
        it(`answers 200 with its ${response.typeName} for a ${mediaType} body, no-store`, async () => {
          const wire = await send(provider, endpoint.path, isXml(mediaType) ? endpoint.xml() : endpoint.json(), mediaType);
          expect(wire.status).to.equal(200);
          expect(wire.contentType).to.equal(`${mediaType}; charset=utf-8`);
          expect(wire.headers.get('cache-control')).to.equal('no-store');
          if (isXml(mediaType)) {
            const root = xmlRoot(wire);
            expect(root.localName).to.equal(response.typeName);
            expect(root.namespace).to.equal(response.xmlNamespace);
            expect(root.attributes['xmlns:i']).to.equal(XSI);
            const names = root.children.map((c) => c.localName);
            expect(names).to.deep.equal(ordinalSort(response.members.map((m) => m.xmlBackingField)));
          } else {
            expect(Object.keys(jsonObject(wire))).to.deep.equal(response.members.map((m) => m.jsonBackingField));
          }
        });
      }

      it('answers in the documented naming, JSON in declaration order and XML in ordinal order', async () => {
        const json = await send(documented, endpoint.path, endpoint.json());
        expect(Object.keys(jsonObject(json))).to.deep.equal(response.members.map((m) => m.documented));
        const xml = await send(documented, endpoint.path, endpoint.xml(), 'text/xml');
        expect(xmlRoot(xml).children.map((c) => c.localName)).to.deep.equal(ordinalSort(response.members.map((m) => m.xmlDocumented)));
      });

      it('reads a UTF-16 body and answers in the Accept-Charset', async () => {
        const res = await fetch(`${provider.url}${endpoint.path}`, {
          method: 'POST', body: new Uint8Array(Buffer.from(endpoint.json(), 'utf16le')),
          headers: { 'content-type': 'application/json; charset=utf-16', accept: 'application/json', 'accept-charset': 'utf-16' },
        });
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(res.status).to.equal(200);
        expect(res.headers.get('content-type')).to.equal('application/json; charset=utf-16');
        expect([...bytes.subarray(0, 2)]).to.deep.equal([0xff, 0xfe]);
      });

      it('answers in the request body\'s media type when there is no Accept', async () => {
        const wire = await rawPost(provider, endpoint.path, endpoint.xml(), { 'content-type': 'text/xml' });
        expect(wire.status).to.equal(200);
        expect(wire.contentType).to.equal('text/xml; charset=utf-8');
      });

      it('answers wrong credentials 401 with a Message only, in the negotiated format', async () => {
        const wire = await send(provider, endpoint.path, endpoint.wrong());
        expect(wire.status).to.equal(401);
        expect(Object.keys(jsonObject(wire))).to.deep.equal(['Message']);
        expect(wire.body).not.to.contain('wrong');
        const xml = await post(provider, endpoint.path, endpoint.wrong(), { 'content-type': 'application/json', accept: 'application/xml' });
        expect(xml.body).to.match(/^<Error><Message>[^<]+<\/Message><\/Error>$/);
      });

      it('answers a missing or empty required member 400 with its ModelState key', async () => {
        const missing = await send(provider, endpoint.path, endpoint.missing());
        expect(missing.status).to.equal(400);
        expect(modelState(missing)).to.have.property(`model.${endpoint.firstMember}`);
        const empty = await send(provider, endpoint.path, endpoint.json({ password: '' }));
        expect(empty.status).to.equal(400);
        expect(modelState(empty)).to.have.property('model.password');
        expect((await send(provider, endpoint.path, '')).status, 'an empty body binds a null model').to.equal(400);
      });

      it('answers an unreadable media type 415 and a malformed body 400', async () => {
        expect((await send(provider, endpoint.path, endpoint.json(), 'text/plain')).status).to.equal(415);
        expect((await send(provider, endpoint.path, '{"password":')).status).to.equal(400);
      });

      it('answers 500 with the generic Message while the token store is down', async () => {
        const down = await startReferenceProvider();
        try {
          down.setTokenStoreAvailable(false);
          const wire = await send(down, endpoint.path, endpoint.json());
          expect(wire.status).to.equal(500);
          expect(jsonObject(wire)).to.deep.equal({ Message: 'An error has occurred.' });
        } finally {
          await down.stop();
        }
      });

      it('binds the JSON names case-insensitively and ignores unknown ones', async () => {
        const upper = JSON.parse(endpoint.json()) as Record<string, unknown>;
        const shouted = Object.fromEntries(Object.entries(upper).map(([k, v]) => [k.toUpperCase(), v]));
        expect((await send(provider, endpoint.path, JSON.stringify({ ...shouted, extra: 1 }))).status).to.equal(200);
      });

      it('starts a token family the refresh-token endpoint continues, in both formats', async () => {
        const issued = await send(provider, endpoint.path, endpoint.xml(), 'application/xml');
        const first = refreshTokenOf(issued);
        const refreshed = await refresh(provider, first, 'application/xml');
        expect(refreshed.status).to.equal(200);
        expect(xmlRoot(refreshed).localName, 'a refresh answers the refresh-token doc\'s type').to.equal(NAMING.response.typeName);
        const next = await refresh(provider, refreshTokenOf(refreshed));
        expect(next.status).to.equal(200);
        expect((await refresh(provider, first)).status, 'the spent token is refused').to.equal(401);
        expect((await refresh(provider, refreshTokenOf(next))).status, 'the replay revoked the family').to.equal(401);
      });
    });
  }

  describe('login binding', () => {
    it('refuses the XML of another root name, and skips elements in other letter cases', async () => {
      const other = `<ConsincoLoginBindingModel xmlns="${LOGIN_NAMING.request.xmlNamespace}"><company>1</company><password>consinco</password><username>ADMIN</username></ConsincoLoginBindingModel>`;
      expect((await send(provider, LOGIN, other, 'application/xml')).status).to.equal(400);
      const lower = other.replaceAll('ConsincoLoginBindingModel', LOGIN_NAMING.request.typeName);
      const wire = await send(provider, LOGIN, lower, 'application/xml');
      expect(wire.status).to.equal(400);
      expect(xmlRoot(wire).localName).to.equal('Error');
    });

    it('reads the documented elements without ControllerVersion, and skips one out of order', async () => {
      const ns = LOGIN_NAMING.request.xmlNamespace;
      const root = LOGIN_NAMING.request.typeName;
      const inOrder = `<${root} xmlns="${ns}"><Company>1</Company><Password>consinco</Password><Username>ADMIN</Username></${root}>`;
      expect((await send(provider, LOGIN, inOrder, 'application/xml')).status).to.equal(200);
      const swapped = `<${root} xmlns="${ns}"><Company>1</Company><Username>ADMIN</Username><Password>consinco</Password></${root}>`;
      const wire = await send(provider, LOGIN, swapped, 'application/xml');
      expect(wire.status, 'Password after Username is skipped, so it is missing').to.equal(400);
    });

    it('compares the user name without case and the password exactly', async () => {
      expect((await send(provider, LOGIN, loginJson('1', 'admin', 'consinco'))).status).to.equal(200);
      expect((await send(provider, LOGIN, loginJson('1', 'ADMIN', 'CONSINCO'))).status).to.equal(401);
      expect((await send(provider, LOGIN, loginJson('2', 'ADMIN', 'consinco'))).status, 'another company').to.equal(401);
    });
  });

  describe('corp login binding (groupId is an int)', () => {
    it('binds a JSON number and a JSON string holding an integer, as Json.NET does', async () => {
      expect((await send(provider, CORP_LOGIN, corpLoginJson(1))).status).to.equal(200);
      expect((await send(provider, CORP_LOGIN, corpLoginJson('1'))).status).to.equal(200);
    });

    it('answers 400 with model.groupId for text, a fraction, a boolean, null or an int32 overflow', async () => {
      for (const groupId of ['"one"', '1.5', 'true', 'null', '2147483648', '""']) {
        const wire = await send(provider, CORP_LOGIN, `{"groupId":${groupId},"username":"${CORP_USER.username}","password":"${CORP_USER.password}"}`);
        expect(wire.status, groupId).to.equal(400);
        expect(modelState(wire), groupId).to.have.property('model.groupId');
      }
    });

    it('reads GroupId as an xs:int in XML: text there is a 400', async () => {
      expect((await send(provider, CORP_LOGIN, corpLoginXml('1'), 'text/xml')).status).to.equal(200);
      expect((await send(provider, CORP_LOGIN, corpLoginXml(' 1 '), 'text/xml')).status, 'xs:int allows surrounding blanks').to.equal(200);
      expect((await send(provider, CORP_LOGIN, corpLoginXml('one'), 'text/xml')).status).to.equal(400);
    });

    it('matches the group, the e-mail without case and the password exactly', async () => {
      expect((await send(provider, CORP_LOGIN, corpLoginJson(1, CORP_USER.username.toUpperCase()))).status).to.equal(200);
      expect((await send(provider, CORP_LOGIN, corpLoginJson(2))).status, 'another group').to.equal(401);
      expect((await send(provider, CORP_LOGIN, corpLoginJson(1, 'ADMIN'))).status, 'a login user is no corp user').to.equal(401);
    });

    it('fills TokenCorpResponse from the corp user, and a refresh fills TokenResponse from the same user', async () => {
      const issued = jsonObject(await send(provider, CORP_LOGIN, corpLoginJson()));
      const key = (documented: string, naming = CORP_NAMING) => naming.response.members.find((m) => m.documented === documented)!.jsonBackingField;
      expect(issued[key('email')]).to.equal(corp.email);
      expect(issued[key('groupID')]).to.equal(corp.groupID);
      expect(issued[key('username')]).to.equal(corp.username);
      const refreshed = jsonObject(await refresh(provider, String(issued[key('refresh_token')])));
      expect(refreshed[key('id', NAMING)]).to.equal(corp.id);
      expect(refreshed[key('username', NAMING)]).to.equal(corp.username);
      expect(refreshed[key('userCode', NAMING)], 'a member the corp profile lacks is null').to.equal(null);
    });
  });

  it('serves every endpoint with the same route rules (case, trailing slash) and 405 for GET', async () => {
    expect((await send(provider, '/API/V1/AUTH/CORP/LOGIN/', corpLoginJson())).status).to.equal(200);
    const get = await fetch(`${provider.url}${CORP_LOGIN}`);
    expect(get.status).to.equal(405);
    expect(get.headers.get('allow')).to.equal('POST');
  });

  it('refuses a corp user without an integer groupId at start', async () => {
    const error = await startReferenceProvider({ corpUsers: [{ groupId: '1' as unknown as number, username: 'a@b.c', password: 'x' }] }).then(
      async (p) => (await p.stop(), undefined),
      (e: unknown) => e,
    );
    expect(String(error)).to.contain('corp-login user has no integer groupId');
  });
});
