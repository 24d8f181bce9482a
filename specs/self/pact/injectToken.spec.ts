// What the capture proxy puts into a verifier's request in place of the contract's synthetic
// values: by the body's media type, into a JSON member or an XML element, and nothing at all
// when the body does not carry every member the values are for.

import { expect } from 'chai';
import { injectRefreshToken, injectValues } from '../../../src/pact/verify/injectToken.ts';
import { requestTemplate } from '../../../src/pact/templates.ts';
import { INTERACTIONS } from './support.ts';

const template = (description: string) => requestTemplate(INTERACTIONS.find((c) => c.description === description)!);
const refresh = INTERACTIONS.find((c) => c.endpoint.role === 'refreshing')!.endpoint;
const login = INTERACTIONS.find((c) => c.endpoint.name === 'login')!.endpoint;
const NS = 'xmlns="http://schemas.datacontract.org/2004/07/AuthenticationServer.Models"';

describe('values put into the verifier\'s requests', () => {
  it('replaces the JSON member and keeps the others, for every JSON media type', () => {
    const { text } = template('a JSON refresh with a valid refresh token');
    for (const contentType of ['application/json', 'application/json; charset=utf-8', 'text/json', 'application/problem+json']) {
      expect(JSON.parse(injectRefreshToken({ contentType, text }, refresh, 'live-token')!), contentType).to.deep.equal({ refresh_token: 'live-token', grant_type: 'refresh_token' });
    }
  });

  it('replaces the XML element by its DataContract name, escaping what XML must escape', () => {
    const { text, contentType } = template('an XML refresh with a valid refresh token');
    expect(injectRefreshToken({ contentType, text }, refresh, 'a<b&c')).to.equal(
      `<ConsincoRefreshTokenBindingModel xmlns:i="http://www.w3.org/2001/XMLSchema-instance" ${NS}><GrantType>refresh_token</GrantType><Refreshtoken>a&lt;b&amp;c</Refreshtoken></ConsincoRefreshTokenBindingModel>`,
    );
  });

  it('leaves a request alone when its body lacks a member the values are for', () => {
    for (const description of ['a JSON refresh with no refresh token', 'an XML refresh with no refresh token']) {
      const { text, contentType } = template(description);
      expect(injectRefreshToken({ contentType, text }, refresh, 'live-token'), description).to.equal(undefined);
    }
  });

  it('leaves alone a body that is not what its media type says, or not in the endpoint\'s namespace', () => {
    expect(injectRefreshToken({ contentType: 'application/json', text: '<Refreshtoken>x</Refreshtoken>' }, refresh, 't')).to.equal(undefined);
    expect(injectRefreshToken({ contentType: 'application/json', text: '["refresh_token"]' }, refresh, 't')).to.equal(undefined);
    expect(injectRefreshToken({ contentType: 'application/xml', text: '<ConsincoRefreshTokenBindingModel><Refreshtoken>x</Refreshtoken></ConsincoRefreshTokenBindingModel>' }, refresh, 't')).to.equal(undefined);
    expect(injectRefreshToken({ contentType: undefined, text: '{"refresh_token":"x"}' }, refresh, 't')).to.equal(undefined);
  });

  it('puts in every value of a set (a login\'s credentials) or none', () => {
    const json = template('a JSON login with valid credentials');
    const values = Object.fromEntries(Object.keys(JSON.parse(json.text) as object).map((key) => [key, `live-${key}`]));
    expect(JSON.parse(injectValues(json, login, values)!)).to.deep.equal(values);
    expect(injectValues(json, login, { ...values, notAMember: 'x' })).to.equal(undefined);
  });
});
