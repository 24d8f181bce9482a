// Records the contract: each interaction is registered on a Pact V4 mock server from the case's
// templates, the real client runs against the mock, and what the client parsed comes back for
// the spec to assert. Pact writes (and merges into) a scratch pact file only when the mock saw
// exactly the expected request; several lanes record at once, each into its own scratch file,
// and the committed contract is replaced only by a complete, finalized recording of them all.
// The mock needs the request's rules; the response's rules are stamped by finalizeContract,
// because "a string or null" takes an OR rule list, which only the pact file format can express.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout } from 'node:timers/promises';
import { basename, join } from 'node:path';
import './quietBacktraces.ts';
import './noTelemetry.ts';
// Pact's V4 consumer DSL and V3 matchers from their own modules: the package's index also loads
// the verifier, GraphQL and message APIs, which the recording (in the helper thread) never uses.
import { PactV4 } from '@pact-foundation/pact/src/v4/index.js';
import * as MatchersV3 from '@pact-foundation/pact/src/v3/matchers.js';
import type { Naming } from '../findings/types.ts';
import type { BodyTemplate, RuleList } from './bodies.ts';
import { callEndpoint, callTokenEndpoint, MEDIA_TYPE, type ConsumerResult } from './client.ts';
import type { InteractionCase } from './interactions.ts';
import { readPact } from './contractFile.ts';
import { ContractFinalizeError, finalizeContract } from './finalize.ts';
import { contractFile, pacticipants } from './participants.ts';
import type { PactRule } from './schemaMatchers.ts';
import { requestTemplate, responseTemplate } from './templates.ts';

/**
 * The Rust mock server records a match just after it answers, and Pact JS asks for the verdict
 * as soon as the test function returns: without a short pause it now and then reports a
 * request it has answered as "expected but not received" (pact-reference #535, pact-js #1835).
 * On a loaded machine the pause is not always enough, so such an interaction is recorded again:
 * a client that got the mock's answer was seen by it, and a request the mock did not expect
 * would have been named as not expected or incorrect instead.
 */
const MOCK_SETTLE_MS = 5;
const MISSED_MATCH_RETRIES = 2;

/** Whether recording failed only because the mock named requests it never recorded (the race above). */
export function onlyMissedMatches(error: unknown): boolean {
  const message = (error as Error).message ?? '';
  return /was expected but not received/.test(message) && !/was not expected|was incorrect|Unknown mismatch/.test(message);
}

/**
 * Mock servers recording at once. Each interaction is recorded on a mock server of its own
 * either way; in sequence, the client mostly waits on Pact (starting the server, matching,
 * merging into the scratch file), so four lanes take the auth family's 28 interactions from
 * about 310 ms to about 120 ms on two cores, with the same contract.
 */
export const RECORDING_LANES = 4;

interface Lane {
  dir: string;
  pact: PactV4;
}

/**
 * One recording of the whole catalogue: each lane's Pact writes into its own scratch folder,
 * and `finish()` returns the finalized contract text (saveContract puts it where the naming's
 * contract lives).
 */
export class ContractRecording {
  private readonly lanes: Lane[];

  constructor(readonly naming: Naming, readonly cases: readonly InteractionCase[], lanes = 1) {
    this.lanes = Array.from({ length: lanes }, () => {
      const dir = mkdtempSync(join(tmpdir(), 'pact-recording-'));
      return { dir, pact: new PactV4({ ...pacticipants(), dir, logLevel: 'error' }) };
    });
  }

  record(c: InteractionCase, lane = 0): Promise<ConsumerResult | undefined> {
    return recordInteraction(this.lanes[lane]!.pact, c, this.naming);
  }

  /** Records every case, the lanes taking them in turn; the outcomes come back in case order. */
  async recordAll(): Promise<PromiseSettledResult<ConsumerResult | undefined>[]> {
    const outcomes: PromiseSettledResult<ConsumerResult | undefined>[] = [];
    await Promise.all(this.lanes.map(async (_, lane) => {
      for (let n = lane; n < this.cases.length; n += this.lanes.length) {
        [outcomes[n]] = await Promise.allSettled([this.record(this.cases[n]!, lane)]);
      }
    }));
    return outcomes;
  }

  /** The lanes' pact files as one, its interactions in the order Pact writes them (by description). */
  finish(): string {
    // A lane none of whose interactions matched wrote no file; finalizeContract names what is missing.
    const [first, ...others] = this.lanes.map(({ dir }) => join(dir, basename(contractFile(this.naming)))).filter((file) => existsSync(file)).map(readPact);
    if (!first) throw new ContractFinalizeError('no interaction was recorded');
    const interactions = [first, ...others].flatMap((pact) => pact.interactions);
    interactions.sort((a, b) => (a.description < b.description ? -1 : a.description > b.description ? 1 : 0));
    return finalizeContract({ ...first, interactions }, this.naming, this.cases);
  }

  dispose(): void {
    for (const { dir } of this.lanes) rmSync(dir, { recursive: true, force: true });
  }
}

async function recordInteraction(pact: PactV4, c: InteractionCase, naming: Naming): Promise<ConsumerResult | undefined> {
  for (let attempt = 0; ; attempt++) {
    let answered = false;
    try {
      return await recordOnce(pact, c, naming, () => (answered = true));
    } catch (error) {
      if (!answered || attempt === MISSED_MATCH_RETRIES || !onlyMissedMatches(error)) throw error;
    }
  }
}

function recordOnce(pact: PactV4, c: InteractionCase, naming: Naming, onAnswer: () => void): Promise<ConsumerResult | undefined> {
  const request = requestTemplate(c);
  const response = responseTemplate(c, naming);
  const mediaType = MEDIA_TYPE[c.format];
  return pact
    .addInteraction()
    .given(c.state)
    .uponReceiving(c.description)
    .withRequest(c.endpoint.method, `/${c.endpoint.path.split('?')[0]}`, (b) => {
      // Pact matches the query apart from the path (a generic page's `?pType=...`).
      const query = c.endpoint.path.split('?')[1];
      if (query) b.query(Object.fromEntries(new URLSearchParams(query)));
      b.headers({ ...(request.text !== '' ? { 'Content-Type': mediaType } : {}), Accept: mediaType });
      if (request.text !== '') withBody(b, request);
      const rules = Object.entries(request.rules).map(([path, list]) => ({ path, rules: andOnly(path, list).map(toMatcher) }));
      if (rules.length > 0) b.matchingRules({ body: rules });
    })
    .willRespondWith(c.response.status, (b) => {
      if (!response) return;
      b.headers({ 'Content-Type': MatchersV3.regex(`^${mediaType}(;\\s*charset=utf-8)?$`, `${mediaType}; charset=utf-8`) });
      withBody(b, response);
    })
    .executeTest(async (mock) => {
      const result = await consume(mock.url, c, request.text === '' ? undefined : request.text);
      onAnswer();
      await setTimeout(MOCK_SETTLE_MS);
      return result;
    });
}

/** What the client sends: a token endpoint's consumer values (a member left out stays out), a generic endpoint's sample. */
function consume(url: string, c: InteractionCase, body: string | undefined): Promise<ConsumerResult> {
  if (!c.endpoint.wire) return callEndpoint(url, c.endpoint, c.format, body);
  const values = { ...c.request.consumerValues, ...c.request.values };
  if (c.request.omit !== undefined) delete values[c.request.omit];
  return callTokenEndpoint(url, c.endpoint, c.format, values);
}

interface BodyBuilder {
  jsonBody(body: unknown): unknown;
  xmlBody(body: unknown): unknown;
}

/** A raw XML string is kept as written (no XmlBuilder), so its rules can use Pact's namespaced keys. */
function withBody(builder: BodyBuilder, template: BodyTemplate): void {
  if (template.contentType === 'application/json') builder.jsonBody(JSON.parse(template.text));
  else builder.xmlBody(template.text);
}

function andOnly(path: string, list: RuleList): PactRule[] {
  if (list.combine !== 'AND') throw new Error(`request rule ${path} combines with ${list.combine}; Pact JS can only AND request matchers`);
  return list.matchers;
}

function toMatcher({ match, ...rest }: PactRule) {
  return { 'pact:matcher:type': match, ...rest };
}
