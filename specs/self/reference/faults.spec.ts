// Every fault in the catalogue shows on the wire: with the fault on, a scenario's exchange
// carries the faulty bytes, headers or status; the same exchange on a clean provider does
// not. The catalogue itself is checked too (ids, catching checks, one scenario per fault).

import { expect } from 'chai';
import { ordinalSort } from '../../../src/naming/namingMap.ts';
import { CHECK_IDS, ENDPOINTS, FAULTS, UnknownFaultError, startReferenceProvider, type FaultId, type ReferenceProvider, type ReferenceProviderOptions } from '../../../src/reference/index.ts';
import { readInstant } from '../../../src/checks/instant.ts';
import { CORP_LOGIN, LOGIN, NAMING, REFRESH, VALID_MODEL, corpLogin, corpLoginJson, genericJson, genericXml, jsonObject, loginJson, refreshJson, login, member, post, postGeneric, refresh, refreshTokenOf, xmlRoot, type Wire } from './support.ts';

interface Scenario {
  options?: Partial<ReferenceProviderOptions>;
  /** The exchange that shows the fault. */
  exchange(provider: ReferenceProvider): Promise<Wire>;
  /** True when the wire carries the fault's bug. */
  shows(wire: Wire): boolean;
}

const jsonKeys = (wire: Wire) => Object.keys(jsonObject(wire));
const jsonValue = (wire: Wire, documented: string) => jsonObject(wire)[member(documented).jsonBackingField];
const xmlNames = (wire: Wire) => xmlRoot(wire).children.map((c) => c.localName);
const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
const refreshWith = (accept: string) => (p: ReferenceProvider) => refresh(p, p.issueRefreshToken(), accept);
const refreshUnknown = (p: ReferenceProvider) => refresh(p, 'never-issued-token');
const refreshTwice = async (p: ReferenceProvider) => {
  const token = p.issueRefreshToken();
  await refresh(p, token);
  return refresh(p, token);
};
/** Refresh, replay the spent token, then try its successor: replay detection revokes the successor. */
const successorAfterReplay = async (p: ReferenceProvider) => {
  const token = p.issueRefreshToken();
  const successor = refreshTokenOf(await refresh(p, token));
  await refresh(p, token);
  return refresh(p, successor);
};
const storeDown = (p: ReferenceProvider) => {
  p.setTokenStoreAvailable(false);
  return refresh(p, p.issueRefreshToken());
};
let echoedToken = '';
let presentedToken = '';
const instant = (w: Wire, documented: string) => readInstant(jsonValue(w, documented))!.ms;
const OFFSET = /[+-]\d{2}:\d{2}$/;
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
const WRONG_PASSWORD = 'not-the-password-42';
const wrongLogin = (p: ReferenceProvider) => post(p, LOGIN, loginJson('1', 'ADMIN', WRONG_PASSWORD), JSON_HEADERS);

const SCENARIOS: Record<FaultId, Scenario> = {
  'mixed-naming': {
    exchange: refreshWith('application/json'),
    shows: (w) => jsonKeys(w).includes(NAMING.response.members[0]!.documented) && jsonKeys(w).includes(NAMING.response.members.at(-1)!.jsonBackingField),
  },
  'renamed-field': {
    exchange: refreshWith('application/json'),
    shows: (w) => jsonKeys(w).includes('<UserCode>k__BackingField') && !jsonKeys(w).includes(member('userCode').jsonBackingField),
  },
  'missing-field': { exchange: refreshWith('application/json'), shows: (w) => !jsonKeys(w).includes(member('companyType').jsonBackingField) },
  'no-refresh-token': { exchange: refreshWith('application/xml'), shows: (w) => xmlRoot(w).children.find((c) => c.localName === member('refresh_token').xmlBackingField)?.attributes['i:nil'] === 'true' },
  'id-as-string': { exchange: refreshWith('application/json'), shows: (w) => jsonValue(w, 'id') === '1' },
  'isext-as-string': { exchange: refreshWith('application/json'), shows: (w) => jsonValue(w, 'isExt') === 'false' },
  'expires-in-as-number': { exchange: refreshWith('application/json'), shows: (w) => jsonValue(w, 'expires_in') === 86_399 },
  'dates-without-offset': {
    exchange: refreshWith('application/xml'),
    shows: (w) => !OFFSET.test(xmlRoot(w).children.find((c) => c.localName === member('.issued').xmlBackingField)!.text),
  },
  'dates-ms-ajax': { exchange: refreshWith('application/json'), shows: (w) => /"\\\/Date\(\d+-0300\)\\\/"/.test(w.body) && /^\/Date\(\d+-0300\)\/$/.test(String(jsonValue(w, '.issued'))) },
  'xml-wrong-namespace': { exchange: refreshWith('application/xml'), shows: (w) => xmlRoot(w).namespace !== NAMING.response.xmlNamespace },
  'xml-declaration-order': { exchange: refreshWith('text/xml'), shows: (w) => xmlNames(w).join() !== ordinalSort(xmlNames(w)).join() },
  'xml-nil-omitted': { exchange: refreshWith('application/xml'), shows: (w) => !w.body.includes('i:nil') && xmlNames(w).length < NAMING.response.members.length },
  'xml-doctype': { exchange: refreshWith('application/xml'), shows: (w) => w.body.startsWith('<!DOCTYPE TokenResponse>') },
  'xml-utf16-declaration': { exchange: refreshWith('text/xml'), shows: (w) => w.body.startsWith('<?xml version="1.0" encoding="utf-16"?>') },
  'text-json-as-application-json': { exchange: refreshWith('text/json'), shows: (w) => w.contentType === 'application/json; charset=utf-8' },
  'xml-asked-json-given': { exchange: refreshWith('application/xml'), shows: (w) => w.contentType.startsWith('application/json') && w.body.startsWith('{') },
  'no-charset': { exchange: refreshWith('application/json'), shows: (w) => w.contentType === 'application/json' },
  'charset-ignored': {
    exchange: (p) => post(p, REFRESH, refreshJson(p.issueRefreshToken()), { 'content-type': 'application/json', accept: 'application/json', 'accept-charset': 'utf-16' }),
    shows: (w) => w.contentType === 'application/json; charset=utf-8',
  },
  'request-charset-ignored': {
    exchange: async (p) => {
      const res = await fetch(`${p.url}${REFRESH}`, { method: 'POST', body: new Uint8Array(Buffer.from(refreshJson(p.issueRefreshToken()), 'utf16le')), headers: { 'content-type': 'application/json; charset=utf-16', accept: 'application/json' } });
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', headers: res.headers, body: '', elapsedMs: 0 };
    },
    shows: (w) => w.status === 400,
  },
  'latin1-body': { exchange: refreshWith('application/json'), shows: (w) => w.body.includes('\uFFFD') },
  'invalid-token-400': { exchange: refreshUnknown, shows: (w) => w.status === 400 },
  'invalid-token-200': { exchange: refreshUnknown, shows: (w) => w.status === 200 },
  'malformed-body-500': {
    exchange: (p) => post(p, REFRESH, '{"refresh_token":', { 'content-type': 'application/json', accept: 'application/json' }),
    shows: (w) => w.status === 500,
  },
  'no-cache-control-no-store': { exchange: (p) => login(p), shows: (w) => !String(w.headers.get('cache-control')).includes('no-store') },
  'cacheable-token-response': {
    exchange: refreshWith('application/json'),
    shows: (w) => w.headers.get('cache-control') === 'public, max-age=3600' && Date.parse(w.headers.get('expires') ?? '') > Date.parse(w.headers.get('date') ?? ''),
  },
  'stack-trace-in-500': { exchange: storeDown, shows: (w) => w.status === 500 && /"StackTrace":/.test(w.body) && /"ExceptionType":/.test(w.body) },
  'token-echo-in-error': {
    exchange: (p) => {
      echoedToken = p.issueRefreshToken();
      p.reset();
      return refresh(p, echoedToken);
    },
    shows: (w) => w.status === 401 && w.body.includes(echoedToken),
  },
  'old-refresh-token-accepted': { exchange: refreshTwice, shows: (w) => w.status === 200 },
  'no-replay-detection': { exchange: successorAfterReplay, shows: (w) => w.status === 200 },
  'same-refresh-token-returned': {
    exchange: (p) => refresh(p, (presentedToken = p.issueRefreshToken())),
    shows: (w) => w.status === 200 && refreshTokenOf(w) === presentedToken,
  },
  'expires-before-issued': { exchange: refreshWith('application/json'), shows: (w) => instant(w, '.expires') < instant(w, '.issued') },
  'expires-in-mismatch': { exchange: refreshWith('application/json'), shows: (w) => jsonValue(w, 'expires_in') === '3599' },
  'access-token-equals-refresh-token': { exchange: refreshWith('application/json'), shows: (w) => jsonValue(w, 'access_token') === jsonValue(w, 'refresh_token') },
  'token-type-not-bearer': { exchange: refreshWith('application/json'), shows: (w) => jsonValue(w, 'token_type') === 'mac' },
  'other-user-in-response': { exchange: refreshWith('application/json'), shows: (w) => jsonValue(w, 'username') === 'OUTRO' && jsonValue(w, 'company') === '99' },
  'issued-clock-skew': { exchange: refreshWith('application/json'), shows: (w) => instant(w, '.issued') < Date.parse(w.headers.get('date') ?? '') - 5 * 60_000 },
  'refresh-token-never-expires': { exchange: (p) => refresh(p, p.expiredRefreshToken()), shows: (w) => w.status === 200 },
  'slow-response': { options: { slowMs: 200 }, exchange: (p) => login(p), shows: (w) => w.elapsedMs >= 150 },
  'corp-group-id-string-500': { exchange: (p) => post(p, CORP_LOGIN, corpLoginJson('1'), JSON_HEADERS), shows: (w) => w.status === 500 },
  'credentials-echo-in-error': { exchange: wrongLogin, shows: (w) => w.status === 401 && w.body.includes(WRONG_PASSWORD) },
  'wrong-credentials-500': { exchange: wrongLogin, shows: (w) => w.status === 500 },
  'corp-login-token-response': { exchange: (p) => corpLogin(p, 'application/xml'), shows: (w) => w.status === 200 && xmlRoot(w).localName === 'TokenResponse' },
  'generic-member-renamed': {
    exchange: (p) => postGeneric(p, genericJson()),
    shows: (w) => w.status === 200 && jsonKeys(w)[0] === 'Model_code' && !jsonKeys(w).includes('model_code'),
  },
  'generic-required-500': {
    exchange: (p) => postGeneric(p, genericXml({ ...VALID_MODEL, model_name: null }), 'application/xml'),
    shows: (w) => w.status === 500 && !w.body.includes('ModelState'),
  },
  'truncated-body': {
    exchange: refreshWith('application/json'),
    shows: (w) => w.status === 200 && !parses(w.body) && Number(w.headers.get('content-length')) === Buffer.byteLength(w.body),
  },
};

describe('reference provider: fault catalogue', () => {
  it('has at least 22 faults with unique kebab-case ids and one-line descriptions', () => {
    expect(FAULTS.length).to.be.at.least(22);
    expect(new Set(FAULTS.map((f) => f.id)).size).to.equal(FAULTS.length);
    for (const fault of FAULTS) {
      expect(fault.id).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(fault.description).to.match(/^[^\n]{10,200}$/);
    }
  });

  it('names only the probes engine\'s check ids, never the info-only fields.extra, each once', () => {
    for (const fault of FAULTS) {
      expect(fault.catches.length).to.be.at.least(1);
      expect(new Set(fault.catches).size).to.equal(fault.catches.length);
      for (const check of fault.catches) expect(CHECK_IDS as readonly string[]).to.include(check);
      expect(fault.catches as readonly string[]).not.to.include('fields.extra');
    }
  });

  it('scopes every fault to endpoints the provider serves', () => {
    const names = ENDPOINTS.map((e) => e.name);
    for (const fault of FAULTS) {
      expect(fault.endpoints.length, fault.id).to.be.above(0);
      for (const endpoint of fault.endpoints) expect(names, fault.id).to.include(endpoint);
    }
  });

  it('shows a fault only on its endpoints: refresh-only, TokenResponse-only and every-endpoint faults', async () => {
    const provider = await startReferenceProvider({ faults: ['token-echo-in-error', 'renamed-field', 'no-charset', 'wrong-credentials-500'] });
    try {
      const wrong = await post(provider, LOGIN, loginJson('1', 'ADMIN', 'nope'), JSON_HEADERS);
      expect(wrong.status, 'wrong-credentials-500 acts on login').to.equal(500);
      expect((await refresh(provider, 'never-issued')).status, 'wrong-credentials-500 leaves refresh alone').to.equal(401);
      const corp = await corpLogin(provider);
      expect(corp.contentType, 'no-charset acts on every endpoint').to.equal('application/json');
      expect(Object.keys(jsonObject(corp)), 'renamed-field has no userCode to rename in TokenCorpResponse').not.to.include('<UserCode>k__BackingField');
      expect(Object.keys(jsonObject(await login(provider))), 'renamed-field acts on login').to.include('<UserCode>k__BackingField');
    } finally {
      await provider.stop();
    }
  });

  it('refuses an unknown fault id, naming it', async () => {
    const error = await startReferenceProvider({ faults: ['no-such-fault'] }).then(
      async (p) => (await p.stop(), undefined),
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(UnknownFaultError);
    expect((error as Error).message).to.contain('"no-such-fault"');
  });

  it('switches faults per instance: a faulty provider leaves another clean', async () => {
    const [faulty, clean] = await Promise.all([startReferenceProvider({ faults: ['no-charset'] }), startReferenceProvider()]);
    try {
      expect(faulty.faults).to.deep.equal(['no-charset']);
      expect((await login(clean)).contentType).to.equal('application/json; charset=utf-8');
    } finally {
      await Promise.all([faulty.stop(), clean.stop()]);
    }
  });

  for (const fault of FAULTS) {
    const scenario = SCENARIOS[fault.id];
    it(`${fault.id}: ${fault.description}`, async () => {
      const faulty = await startReferenceProvider({ ...scenario.options, faults: [fault.id] });
      const clean = await startReferenceProvider(scenario.options);
      try {
        expect(scenario.shows(await scenario.exchange(faulty)), 'the fault shows with the fault on').to.equal(true);
        expect(scenario.shows(await scenario.exchange(clean)), 'the fault does not show without it').to.equal(false);
      } finally {
        await Promise.all([faulty.stop(), clean.stop()]);
      }
    });
  }
});
