// MAX_LOGINS: the plan hands logins out in table order (the first login, then one per rotation
// probe on a live target) and skips the rest with the reason; at run time the token chain stops
// asking once the budget is spent and says why.

import { expect } from 'chai';
import { loadConfig } from '../../../src/config/config.ts';
import { planProbes } from '../../../src/plan/probePlan.ts';
import { expandProbes } from '../../../src/probes/cases.ts';
import { packageEndpoint } from '../../../src/endpoints/packageEndpoints.ts';
import { LoginBudget } from '../../../src/run/logins.ts';
import { TokenChain } from '../../../src/run/tokens.ts';
import { select } from '../../../src/selection/select.ts';

const LOGIN = { LOGIN_COMPANY: '1', LOGIN_USERNAME: 'u', LOGIN_PASSWORD: 'p' };

describe('login budget', () => {
  it('plans the first login and one per probe that logs in (a login case, a rotation, a fresh family), in table order, up to MAX_LOGINS', () => {
    const config = loadConfig({ TARGET_URL: 'http://erp.example/', ...LOGIN, MAX_LOGINS: '3' });
    const plan = planProbes({ config, embedded: false, selection: select(config), chainIssuer: packageEndpoint('login') }, expandProbes());
    const loggingIn = plan.probes.filter((p) => ['credentials', 'rotation', 'family'].includes(p.probe.probeCase.token?.kind ?? '') && !p.skipReason?.startsWith('no credentials'));
    expect(plan.initialLogin).to.equal(true);
    expect(plan.logins).to.equal(3);
    // The login endpoint comes first in the doc set: its own login cases take the two left.
    expect(loggingIn.slice(0, 2).map((p) => p.probe.key)).to.deep.equal(['login ok.json-body [application/json]', 'login ok.json-body [text/json]']);
    expect(loggingIn.slice(0, 2).every((p) => p.logsIn)).to.equal(true);
    expect(loggingIn.length).to.be.above(10);
    expect(loggingIn.slice(2).every((p) => !p.logsIn && p.skipReason === 'it would need a login beyond MAX_LOGINS=3')).to.equal(true);
  });

  it('plans no login on the embedded provider, whose tokens come from its store', () => {
    const config = loadConfig({ MAX_LOGINS: '0' });
    const plan = planProbes({ config, embedded: true, selection: select(config) }, expandProbes());
    expect(plan.logins).to.equal(0);
    expect(plan.probes.some((p) => p.skipReason)).to.equal(false);
  });

  it('stops the chain asking for logins once the budget is spent, and says why', async () => {
    const budget = new LoginBudget(1);
    let n = 0;
    const chain = new TokenChain(undefined, { obtain: async () => (budget.spend(), `token-${++n}-abcdefghijklmnop`) });
    expect(await chain.current()).to.equal('token-1-abcdefghijklmnop');
    expect(await chain.independent()).to.equal(undefined);
    expect(chain.failure()?.message).to.equal('it would need a login beyond MAX_LOGINS=1');
    chain.broken('the chain\'s refresh token was refused (401)');
    expect(await chain.current()).to.equal(undefined);
    expect(chain.skipReason()).to.contain('MAX_LOGINS=1');
    expect(budget.used()).to.equal(1);
  });
});
