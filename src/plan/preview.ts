// `--list`: every request the run would send to the target, in the run's order, without sending
// any: the preflight, the login that starts the token chain, the probes (the token chain in
// order, independent probes in parallel, the provoked 500s last), then the contract verification
// (in the pact file's order, the verifier's), which takes its turn at the target after them. It is built from the same plan the runner
// executes (src/plan/probePlan.ts) and the same request builders, so what it shows is what is sent.

import type { Config } from '../config/config.ts';
import type { ExcludedWork, RecordedRequest } from '../findings/types.ts';
import { judges } from '../checks/evaluate.ts';
import type { Role } from '../checks/exchange.ts';
import { interactionsFor, type InteractionCase } from '../pact/interactions.ts';
import { arrangementSkip, embeddedArrangements, liveArrangements, type Arrangement, type Arrangements, type ProviderControls } from '../pact/verify/states.ts';
import { liveCredentials, typedCredentials } from '../pact/verify/credentials.ts';
import { injectValues, refreshTokenValues } from '../pact/verify/injectToken.ts';
import type { Example } from '../pact/schemaMatchers.ts';
import { logsIn } from '../pact/verify/verifyRun.ts';
import { loginBudgetReason } from '../run/logins.ts';
import { NO_CREDENTIALS } from '../run/tokens.ts';
import { requestTemplate } from '../pact/templates.ts';
import { expandProbes, laneOf, qualifiedCaseId, type Probe, type ProbeLane } from '../probes/cases.ts';
import type { TestedEndpoint } from '../endpoints/testedEndpoint.ts';
import { chainIssuerOf, configuredCredentials } from '../run/credentials.ts';
import type { EndpointSet } from '../endpoints/endpointSet.ts';
import { endpointPath } from '../run/issuers.ts';
import type { Credentials } from '../probes/request.ts';
import { recordedRoles } from '../probes/execute.ts';
import { buildRequest } from '../probes/request.ts';
import { excludedWork, type Selection } from '../selection/select.ts';
import { loginRequest, passwordMember } from '../target/login.ts';
import { PREFLIGHT_REQUEST } from '../target/preflight.ts';
import { planProbes } from './probePlan.ts';

/** Stands for every live token in a preview (and in a recorded request compared with one). */
export const TOKEN_MASK = '«live token»';
export const PASSWORD_MASK = '«password»';
/** Bodies longer than this are shown by their start and size. */
const SHOWN_BODY_CHARS = 400;

export type Stage = 'preflight' | 'login' | 'contracts' | 'probes';
/** chain: in order, one at a time; parallel: CONCURRENCY at once, order not defined; store-down: last, together. */
export type Lane = 'sequence' | ProbeLane;

export interface PreviewRequest {
  stage: Stage;
  lane: Lane;
  /** Probe case id, contract interaction id, `preflight` or `login`. */
  id: string;
  mediaType: string;
  method: string;
  path: string;
  accept: string;
  contentType: string;
  body: string;
  checks: string[];
  /** For probes: what the exchange is (documented, hostile, replay, after-replay, expired, server-error, login). */
  role?: Role | 'login';
}

export interface Preview {
  target: string;
  profile: Config['profile'];
  profileOmissions: string[];
  rateLimit: number | null;
  concurrency: number;
  maxLogins: number | null;
  logins: number;
  requests: PreviewRequest[];
  /** Work that will not be sent, with the reason (token not available, login budget). */
  skipped: { id: string; mediaType: string; reason: string }[];
  excluded: ExcludedWork[];
}

/** A body as a preview shows it: live tokens and the password masked, long bodies by their start and size. */
export function bodyShape(body: string, secrets: readonly string[] = []): string {
  const masked = secrets.filter(Boolean).reduce((text, secret) => text.split(secret).join(secret === PASSWORD_MASK ? secret : TOKEN_MASK), body);
  return masked.length <= SHOWN_BODY_CHARS ? masked : `${masked.slice(0, SHOWN_BODY_CHARS)}… (${Buffer.byteLength(masked)} bytes)`;
}

function entry(stage: Stage, lane: Lane, id: string, mediaType: string, request: RecordedRequest, checks: string[], role?: PreviewRequest['role']): PreviewRequest {
  const header = (name: string) => Object.entries(request.headers).find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
  return { stage, lane, id, mediaType, method: request.method, path: request.path, accept: header('accept'), contentType: header('content-type'), body: bodyShape(request.body), checks, ...(role ? { role } : {}) };
}

/** Configured credentials with the password masked; undefined on the embedded provider (its own users log in). */
function maskedCredentials(config: Config, endpoint: TestedEndpoint): Credentials | undefined {
  const credentials = configuredCredentials(config, endpoint);
  const password = passwordMember(endpoint);
  return credentials && (password ? { ...credentials, [password]: PASSWORD_MASK } : credentials);
}

function probeRequests(config: Config, probe: Probe, selection: Selection, logsIn: RecordedRequest | undefined): PreviewRequest[] {
  const token = probe.probeCase.token;
  const credentials = token?.kind === 'credentials' ? maskedCredentials(config, probe.endpoint) : undefined;
  const request = buildRequest(probe, token?.kind === 'literal' ? token.value : token && token.kind !== 'credentials' ? TOKEN_MASK : undefined, credentials, endpointPath({ config }, probe.endpoint));
  const lane = laneOf(probe);
  const id = qualifiedCaseId(probe.endpoint, probe.probeCase.id);
  const checksFor = (role: Role) => selection.checks.filter((c) => judges(c, role)).map((c) => c.id);
  // An issuing endpoint's own login is the probe itself; the others log in for a token first.
  const login = logsIn && token?.kind !== 'credentials' ? [entry('probes', lane, id, 'application/json', logsIn, [], 'login')] : [];
  return [...login, ...recordedRoles(probe).map((role) => entry('probes', lane, id, probe.mediaType, request, checksFor(role), role))];
}

/** The request the verifier replays: the contract's, with a live token or the run's credentials put in as the verifier puts them (masked). */
function contractRequest(config: Config, c: InteractionCase, arrangement: Arrangement | undefined): RecordedRequest {
  const template = requestTemplate(c);
  let body = template.text;
  const put = (values: Record<string, Example>) => (body = injectValues({ contentType: template.contentType, text: body }, c.endpoint, values) ?? body);
  if (arrangement?.token && c.endpoint.role === 'refreshing') put(refreshTokenValues(c.endpoint, TOKEN_MASK));
  const credentials = arrangement?.credentials && c.endpoint.role === 'issuing' ? (maskedCredentials(config, c.endpoint) ?? arrangement.credentials(c.endpoint)) : undefined;
  if (credentials) put(typedCredentials(c.endpoint, credentials));
  return { method: c.endpoint.method, path: c.endpoint.path, headers: { accept: template.contentType, 'content-type': template.contentType }, body };
}

const NOT_CALLED = () => {
  throw new Error('a preview arranges no provider state');
};
const UNSTARTED_PROVIDER: ProviderControls = { setTokenStoreAvailable: NOT_CALLED, issueRefreshToken: NOT_CALLED, expiredRefreshToken: NOT_CALLED };

/** The verification's own arrangements (states.ts): which states are skipped, which get a live token or credentials injected. */
function previewArrangements(config: Config, embedded: boolean, canLogIn: boolean): Arrangements {
  if (embedded) return embeddedArrangements(UNSTARTED_PROVIDER);
  const hasToken = config.refreshToken !== undefined || canLogIn;
  return liveArrangements({ current: async () => undefined, skipReason: () => (hasToken ? undefined : NO_CREDENTIALS) }, hasToken ? TOKEN_MASK : undefined, liveCredentials(config));
}

export function buildPreview(config: Config, { all, selected }: EndpointSet, selection: Selection): Preview {
  const embedded = config.targetUrl === undefined;
  const issuer = chainIssuerOf(config, all);
  const plan = planProbes({ config, embedded, selection, chainIssuer: issuer }, expandProbes(selected));
  const login = issuer ? loginRequest(issuer, maskedCredentials(config, issuer)!, 'application/json', endpointPath({ config }, issuer)) : undefined;
  const arrangements = previewArrangements(config, embedded, issuer !== undefined);
  const skipped: Preview['skipped'] = [];
  let logins = plan.logins;
  // Pact writes the interactions sorted by description, and the verifier replays them in that order.
  const contracts = [...interactionsFor(selected).cases].sort((a, b) => (a.description < b.description ? -1 : 1)).flatMap((c) => {
    if (selection.excludedBy(c.id)) return [];
    const arrangement = arrangements[c.state];
    const request = contractRequest(config, c, arrangement);
    // After the probes' logins, a contract login with the run's credentials takes what MAX_LOGINS leaves.
    const overBudget = !embedded && logsIn(c.endpoint, arrangement) && config.maxLogins !== undefined && logins >= config.maxLogins;
    const skip = arrangementSkip(arrangement, c.endpoint) ?? (overBudget ? loginBudgetReason(config.maxLogins!) : undefined);
    if (skip) return (skipped.push({ id: c.id, mediaType: request.headers['accept']!, reason: skip }), []);
    if (!embedded && logsIn(c.endpoint, arrangement)) logins++;
    return [entry('contracts', 'sequence', c.id, request.headers['accept']!, request, [])];
  });
  const live = plan.probes.filter((p) => !p.excludedBy && !p.skipReason);
  for (const p of plan.probes) if (p.skipReason) skipped.push({ id: qualifiedCaseId(p.probe.endpoint, p.probe.probeCase.id), mediaType: p.probe.mediaType, reason: p.skipReason });
  const lanes: Lane[] = ['chain', 'parallel', 'store-down'];
  const probes = live.flatMap((p) => probeRequests(config, p.probe, selection, p.logsIn ? login : undefined));
  return {
    target: config.targetUrl ?? '(embedded reference provider, started on loopback)',
    profile: config.profile,
    profileOmissions: [...selection.profileOmissions],
    rateLimit: config.rateLimit ?? null,
    concurrency: config.concurrency,
    maxLogins: config.maxLogins ?? null,
    logins,
    requests: [
      entry('preflight', 'sequence', 'preflight', 'application/json', PREFLIGHT_REQUEST, []),
      ...(plan.initialLogin && login ? [entry('login', 'sequence', 'login', 'application/json', login, [])] : []),
      ...lanes.flatMap((lane) => probes.filter((r) => r.lane === lane)),
      ...contracts,
    ],
    skipped,
    excluded: excludedWork(selection),
  };
}
