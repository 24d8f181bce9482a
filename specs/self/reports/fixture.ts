// A hand-made findings report with one of everything the renderers must show: passes, a gating
// failure, an advisory failure, information, skipped probes, contracts, timings, and hostile
// text (markup, Markdown link syntax, control characters) plus a live token in a message.

import type { Finding, FindingsReport } from '../../../src/findings/types.ts';
import type { ReportInput, RunnerOutcome } from '../../../src/reports/input.ts';

export const LIVE_TOKEN = 'rt-LIVE-8d1f0c2b9a7e4d3c';
export const HOSTILE = `<script>alert(1)</script> ]]> [click](http://evil.example) \u0007 & "quoted" 'single'`;

function finding(caseId: string, mediaType: string, check: string, status: Finding['status'], level: Finding['level'], title: string, message = ''): Finding {
  return { caseId, mediaType, check, status, level, title, message };
}

export const FIXTURE_RESULTS: Finding[] = [
  finding('refresh.ok', 'application/json', 'status.documented', 'pass', 'MUST', 'status 200 is documented'),
  finding('refresh.ok', 'application/json', 'body.schema', 'pass', 'MUST', 'body matches the token schema'),
  finding('refresh.ok', 'application/json', 'headers.no-store', 'fail', 'SHOULD', 'Cache-Control lacks no-store', 'Received: no-cache / Expected: no-store'),
  finding('refresh.ok', 'text/json', 'status.documented', 'pass', 'MUST', 'status 200 is documented'),
  finding('refresh.ok', 'application/xml', 'xml.datacontract', 'fail', 'MUST', 'elements out of ordinal order', `Received: ${HOSTILE} / Expected: ADUser before accessToken`),
  finding('refresh.ok', 'text/xml', 'response.time', 'fail', 'MAY', 'slow answer', 'Received: 1500 ms / Expected: under 1000 ms'),
  finding('refresh.ok', 'application/json', 'fields.extra', 'info', 'MAY', 'extra field productLine', 'clients must ignore it'),
  finding('refresh.unknown-token', 'application/json', 'errors.no-token-echo', 'fail', 'MUST', 'the error body echoes the refresh token', `Received: {"Message":"invalid token ${LIVE_TOKEN}"} / Expected: no token in the body`),
  finding('refresh.unknown-token', 'text/xml', 'status.documented', 'pass', 'MUST', 'status 401 is documented'),
  finding('refresh.server-error', 'application/json', 'status.documented', 'skip', 'MUST', 'the target offers no fault switch'),
  finding('refresh.server-error', 'application/json', 'errors.no-details', 'skip', 'MUST', 'the target offers no fault switch'),
  finding('hostile.xxe', 'application/xml', 'xml.no-doctype', 'pass', 'MUST', 'DOCTYPE refused'),
  finding('legacy.case', 'application/json', 'status.documented', 'pass', 'MUST', 'a case the probe table does not list'),
  finding('run', '*', 'naming.consistent', 'pass', 'MUST', 'one naming throughout the run'),
];

export const FIXTURE_REPORT: FindingsReport = {
  tool: { name: 'consinco-auth-conformance', version: '0.1.0' },
  target: 'http://127.0.0.1:8343/',
  embedded: true,
  profile: 'default',
  insecureTls: false,
  profileOmissions: [],
  selection: { only: [], skip: ['hostile.*', 'response.time'] },
  excluded: [
    { kind: 'case', id: 'hostile.oversized-body', by: 'SKIP=hostile.*' },
    { kind: 'check', id: 'response.time', level: 'SHOULD', by: 'SKIP=response.time' },
  ],
  pacing: { rateLimit: 5, concurrency: 2, maxLogins: 1, loginsUsed: 1 },
  startedAt: '2025-01-10T08:13:39.000Z',
  durationMs: 2345,
  endpoints: [],
  naming: { verdict: 'backing-field', byFormat: { json: 'backing-field', xml: 'backing-field' }, advice: 'Set IgnoreSerializableAttribute = true on the JSON formatter\'s contract resolver.' },
  results: FIXTURE_RESULTS,
  contracts: [
    { interaction: 'a refresh with a valid token (application/json)', status: 'pass', message: '' },
    { interaction: 'a refresh with an unknown token (application/xml)', status: 'fail', message: 'Received: 400 / Expected: 401' },
  ],
  timings: [{ stage: 'preflight', ms: 12 }, { stage: 'probes', ms: 1800 }, { stage: 'contract verification', ms: 500 }],
  requests: 340,
  summary: { pass: 7, fail: 4, skip: 2, info: 1, advisory: 2 },
};

/** The matrix row per probe case, as the launcher derives it from the probe table. */
export const FIXTURE_ROWS = { 'refresh.ok': 200, 'refresh.unknown-token': 401, 'refresh.server-error': 500, 'hostile.xxe': 'hostile input' };

export const FIXTURE_RUNNER: RunnerOutcome = {
  tests: [
    { titlePath: ['probes', 'refresh.ok [application/json]'], state: 'passed', durationMs: 40 },
    { titlePath: ['probes', 'refresh.unknown-token [application/json]'], state: 'failed', durationMs: 35, error: 'errors.no-token-echo: the error body echoes the refresh token', finding: true },
    { titlePath: ['probes', 'refresh.server-error [application/json]'], state: 'pending', durationMs: 0 },
    { titlePath: ['"after all" hook'], state: 'failed', durationMs: 0, error: 'hook broke', hook: true },
  ],
  passes: 1,
  failures: 2,
  pending: 1,
  durationMs: 2345,
};

export const FIXTURE_INPUT: ReportInput = { report: FIXTURE_REPORT, rowOfCase: FIXTURE_ROWS, runner: FIXTURE_RUNNER };

/** The same run over two endpoints: a login that fails its 401 case and a refresh-token that passes hers. */
const LOGIN_ID = 'POST api/v1/auth/login';
const REFRESH_ID = 'POST api/v1/auth/refresh-token';
export const ENDPOINTS_INPUT: ReportInput = {
  report: {
    ...FIXTURE_REPORT,
    endpoints: [
      { id: LOGIN_ID, name: 'login', role: 'issuing', roleReason: 'credentials in, a token response out', naming: { verdict: 'documented', byFormat: { json: 'documented' }, advice: '' } },
      { id: REFRESH_ID, name: 'refresh-token', role: 'refreshing', roleReason: 'a refresh token in, a token response out' },
    ],
    results: [
      { ...finding('ok.json-body', 'application/json', 'status.documented', 'pass', 'MUST', 'status 200'), endpoint: LOGIN_ID },
      { ...finding('unauthorized.wrong-credentials.json-body', 'application/json', 'input.no-server-error', 'fail', 'MUST', 'status 500 for credentials no user has', 'Received: 500 / Expected: 401'), endpoint: LOGIN_ID },
      { ...finding('ok.json-body', 'application/json', 'status.documented', 'pass', 'MUST', 'status 200'), endpoint: REFRESH_ID },
      { ...finding('unauthorized.unknown-token.json-body', 'application/json', 'status.documented', 'pass', 'MUST', 'status 401'), endpoint: REFRESH_ID },
    ],
  },
  rowOfCase: {
    [`${LOGIN_ID} ok.json-body`]: 200, [`${LOGIN_ID} unauthorized.wrong-credentials.json-body`]: 401,
    [`${REFRESH_ID} ok.json-body`]: 200, [`${REFRESH_ID} unauthorized.unknown-token.json-body`]: 401,
  },
};
