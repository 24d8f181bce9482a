// Excluded work is listed in every report, with what excluded it, never silently missing; the
// run's aim (profile and what it left out, pacing, logins, selection) heads each of them.

import { expect } from 'chai';
import { renderHtml } from '../../../src/reports/html.ts';
import { renderJunit } from '../../../src/reports/junit.ts';
import { renderMarkdown } from '../../../src/reports/markdown.ts';
import { summaryLines } from '../../../src/run/summary.ts';
import { FIXTURE_INPUT, FIXTURE_REPORT } from './fixture.ts';

/** Markdown escapes its punctuation; compare the text a reader sees. */
const markdown = (input: Parameters<typeof renderMarkdown>[0]) => renderMarkdown(input).replace(/\\(.)/g, '$1');
const strict = { ...FIXTURE_INPUT, report: { ...FIXTURE_REPORT, profile: 'strict' as const, excluded: [{ kind: 'check' as const, id: 'token.rotation', level: 'MUST' as const, by: 'SKIP=token.*' }] } };
const production = { ...FIXTURE_REPORT, profile: 'production' as const, profileOmissions: ['3 hostile cases (body over 64 kB)', '1 hostile case (entity expansion)'] };

describe('excluded work and the run\'s aim in the reports', () => {
  it('findings renderers each list every excluded item with its pattern', () => {
    for (const [name, text] of [['html', renderHtml(FIXTURE_INPUT)], ['markdown', markdown(FIXTURE_INPUT)], ['console', summaryLines(FIXTURE_REPORT).join('\n')]] as const) {
      expect(text, name).to.contain('hostile.oversized-body').and.to.contain('SKIP=hostile.*');
      expect(text, name).to.contain('response.time').and.to.contain('SKIP=response.time');
    }
  });

  it('JUnit has a skipped test per excluded item, and fails an excluded MUST check in the strict profile', () => {
    const xml = renderJunit(FIXTURE_INPUT);
    expect(xml).to.match(/<testcase classname="excluded case" name="hostile.oversized-body"[^>]*>\s*<skipped message="excluded by SKIP=hostile.\*"/);
    expect(renderJunit(strict)).to.match(/<testcase classname="excluded check" name="token.rotation"[^>]*>\s*<failure message="excluded by SKIP=token.\*, and the strict profile fails an excluded MUST check"/);
  });

  it('states the rate, the concurrency and the logins used', () => {
    for (const text of [renderHtml(FIXTURE_INPUT), markdown(FIXTURE_INPUT), summaryLines(FIXTURE_REPORT).join('\n')]) {
      expect(text).to.contain('at most 5 requests/s, concurrency 2, 1 login of MAX_LOGINS=1');
    }
    expect(renderJunit(FIXTURE_INPUT)).to.contain('<property name="rateLimit" value="5"/>');
  });

  it('says the profile and what it left out at the head of the reports', () => {
    const input = { ...FIXTURE_INPUT, report: production };
    const line = 'Profile production; left out: 3 hostile cases (body over 64 kB), 1 hostile case (entity expansion)';
    expect(summaryLines(production)).to.include(line);
    expect(markdown(input).split('\n').slice(0, 8).join('\n')).to.contain(line);
    expect(renderHtml(input)).to.contain('Left out by the profile');
  });

  it('calls a strict run that excluded a MUST check not conforming, naming the check and the pattern', () => {
    expect(markdown(strict).split('\n')[0]).to.contain('the strict profile excluded 1 MUST check (token.rotation by SKIP=token.*)');
  });
});
