// The reference provider serializes a TokenResponse the way the real server does, in both
// namings and all four media types: JSON keys in declaration order, DataContract XML in
// ordinal element order with i:nil, .NET dates with the server's offset, secure cache headers.

import { expect } from 'chai';
import { ordinalSort } from '../../../src/naming/namingMap.ts';
import { formatNetDate } from '../../../src/reference/dates.ts';
import { startReferenceProvider, type ReferenceProvider } from '../../../src/reference/index.ts';
import { DOTNET_DATE, MEDIA_TYPES, NAMING, XSI, isXml, jsonObject, login, member, refresh, xmlRoot, type Wire } from './support.ts';

const MEMBERS = NAMING.response.members;

for (const naming of ['backing-field', 'documented'] as const) {
  describe(`reference provider: token responses with ${naming} naming`, () => {
    let provider: ReferenceProvider;
    before(async () => {
      provider = await startReferenceProvider({ naming });
    });
    after(() => provider.stop());

    for (const mediaType of MEDIA_TYPES) {
      describe(`as ${mediaType}`, () => {
        let wire: Wire;
        before(async () => {
          wire = await refresh(provider, provider.issueRefreshToken(), mediaType);
        });

        it('answers 200 with the negotiated media type and charset, and no-store cache headers', () => {
          expect(wire.status).to.equal(200);
          expect(wire.contentType).to.equal(`${mediaType}; charset=utf-8`);
          expect(wire.headers.get('cache-control')).to.equal('no-store');
          expect(wire.headers.get('pragma')).to.equal('no-cache');
        });

        if (isXml(mediaType)) {
          it('writes DataContract XML: no declaration, the contract namespace, xmlns:i, ordinal element order', () => {
            expect(wire.body.startsWith(`<${NAMING.response.typeName} `)).to.equal(true);
            const root = xmlRoot(wire);
            expect(root.localName).to.equal(NAMING.response.typeName);
            expect(root.namespace).to.equal(NAMING.response.xmlNamespace);
            expect(root.attributes['xmlns:i']).to.equal(XSI);
            const names = MEMBERS.map((m) => (naming === 'documented' ? m.xmlDocumented : m.xmlBackingField));
            expect(root.children.map((c) => c.localName)).to.deep.equal(ordinalSort(names));
            expect(root.children.every((c) => c.namespace === NAMING.response.xmlNamespace)).to.equal(true);
          });

          it('writes null strings as i:nil="true" elements and typed values as their text', () => {
            const root = xmlRoot(wire);
            const byMember = (documented: string) => root.children.find((c) => c.localName === (naming === 'documented' ? member(documented).xmlDocumented : member(documented).xmlBackingField))!;
            expect(byMember('ADUser').attributes['i:nil']).to.equal('true');
            expect(byMember('ADUser').text).to.equal('');
            expect(byMember('id').text).to.equal('1');
            expect(byMember('isExt').text).to.equal('false');
            expect(byMember('expires_in').text).to.equal('86399');
            expect(byMember('token_type').text).to.equal('bearer');
            expect(byMember('.issued').text).to.match(DOTNET_DATE).and.match(/-03:00$/);
            expect(byMember('.expires').text).to.match(DOTNET_DATE).and.match(/-03:00$/);
          });
        } else {
          it('writes the keys in declaration order', () => {
            const keys = MEMBERS.map((m) => (naming === 'documented' ? m.documented : m.jsonBackingField));
            expect(Object.keys(jsonObject(wire))).to.deep.equal(keys);
          });

          it('writes id and seqUser as numbers, isExt as a boolean, expiresIn as a string, nulls as null, dates with the offset', () => {
            const body = jsonObject(wire);
            const value = (documented: string) => body[naming === 'documented' ? member(documented).documented : member(documented).jsonBackingField];
            expect(value('id')).to.equal(1);
            expect(value('userSequence')).to.equal(1);
            expect(value('isExt')).to.equal(false);
            expect(value('expires_in')).to.equal('86399');
            expect(value('token_type')).to.equal('bearer');
            expect(value('ADUser')).to.equal(null);
            expect(value('.issued')).to.match(DOTNET_DATE).and.match(/-03:00$/);
            expect(Date.parse(String(value('.expires'))) - Date.parse(String(value('.issued')))).to.equal(86_400_000);
          });
        }
      });
    }

    it('fills a token response from login too, with fresh opaque base64url tokens', async () => {
      const wire = await login(provider, 'application/json');
      const body = jsonObject(wire);
      const access = String(body[naming === 'documented' ? 'access_token' : member('access_token').jsonBackingField]);
      const refreshToken = String(body[naming === 'documented' ? 'refresh_token' : member('refresh_token').jsonBackingField]);
      expect(wire.status).to.equal(200);
      expect(/^[A-Za-z0-9_-]{43}$/.test(access) && /^[A-Za-z0-9_-]{43}$/.test(refreshToken)).to.equal(true);
      expect(access === refreshToken).to.equal(false);
    });
  });
}

describe('reference provider: dates', () => {
  it('writes the 7-digit fraction with trailing zeros trimmed and the offset', () => {
    const instant = Date.UTC(2025, 0, 10, 8, 13, 39, 750);
    expect(formatNetDate(instant, -180)).to.equal('2025-01-10T05:13:39.75-03:00');
    expect(formatNetDate(instant + 0.5, -180)).to.equal('2025-01-10T05:13:39.7505-03:00');
    expect(formatNetDate(Date.UTC(2025, 0, 10, 8, 13, 39), -180)).to.equal('2025-01-10T05:13:39-03:00');
    expect(formatNetDate(instant, 330)).to.equal('2025-01-10T13:43:39.75+05:30');
    expect(formatNetDate(instant, 0)).to.equal('2025-01-10T08:13:39.75+00:00');
  });

  it('uses the configured server offset on the wire', async () => {
    const provider = await startReferenceProvider({ utcOffsetMinutes: 60 });
    try {
      const body = jsonObject(await login(provider));
      expect(body[member('.issued').jsonBackingField]).to.match(DOTNET_DATE).and.match(/\+01:00$/);
    } finally {
      await provider.stop();
    }
  });
});
