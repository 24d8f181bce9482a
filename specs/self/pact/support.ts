// Shared by the Pact self tests: a freshly recorded contract in a temporary file, a stub
// provider that answers every request with one fixed response, and verification of a
// contract subset against any URL with no state to arrange.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Naming } from '../../../src/findings/types.ts';
import { ContractRecording } from '../../../src/pact/consumer.ts';
import { writeSubset } from '../../../src/pact/contractFile.ts';
import { packageEndpoints } from '../../../src/endpoints/packageEndpoints.ts';
import { interactionsFor, STATES, type InteractionCase } from '../../../src/pact/interactions.ts';
import type { Arrangements } from '../../../src/pact/verify/states.ts';
import { verifyContract, type ContractVerdict } from '../../../src/pact/verify/verifyContract.ts';

/** The interactions of the package's own endpoint set (login, corp login, refresh-token). */
export const INTERACTIONS: readonly InteractionCase[] = interactionsFor(packageEndpoints()).cases;

export const HTTP = { timeoutMs: 2000, maxResponseBytes: 1 << 20, insecureTls: false };

/** Records `cases` (default: the package's three endpoints) in `naming` and returns the finalized contract's text. */
export async function recordContract(naming: Naming, cases: readonly InteractionCase[] = INTERACTIONS): Promise<string> {
  const recording = new ContractRecording(naming, cases);
  try {
    for (const c of cases) await recording.record(c);
    return recording.finish();
  } finally {
    recording.dispose();
  }
}

export function writeTemp(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pact-self-')), 'contract.json');
  writeFileSync(file, text);
  return file;
}

export const NO_ARRANGEMENTS: Arrangements = Object.fromEntries(Object.values(STATES).map((s) => [s, {}])) as Arrangements;

/** Verifies only the interaction `description` of `contractFile` against `url`. */
export async function verifyOne(contractFile: string, description: string, url: string, arrangements = NO_ARRANGEMENTS): Promise<ContractVerdict> {
  const subset = writeSubset(contractFile, (i) => i.description === description);
  const [verdict] = await verifyContract({ contractFile: subset, targetUrl: `${url}/`, arrangements, http: HTTP });
  return verdict!;
}

export interface Stub {
  url: string;
  close(): Promise<void>;
}

export async function startStub(contentType: string, body: string, status = 200): Promise<Stub> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': contentType });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
