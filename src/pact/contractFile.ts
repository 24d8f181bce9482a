// Reading a pact file, saving a finished recording where its naming's contract lives, and
// writing a subset: verification runs only the interactions whose provider state the target
// can arrange, from a temporary copy, and leaves the committed contract untouched.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Naming } from '../findings/types.ts';
import { contractFile } from './participants.ts';

interface PactMessage {
  body?: { content?: unknown; contentType?: string };
  matchingRules?: Record<string, unknown>;
}

export interface PactInteraction {
  description: string;
  providerStates?: { name: string }[];
  request: PactMessage & { method?: string; path?: string };
  response: PactMessage;
}

export interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  metadata: Record<string, unknown>;
}

export function readPact(file: string): PactFile {
  return JSON.parse(readFileSync(file, 'utf8')) as PactFile;
}

/** Saves a finalized contract as its naming's (and endpoint set's) contract file and returns the path. */
export function saveContract(naming: Naming, text: string, narrowed = false): string {
  const file = contractFile(naming, undefined, narrowed);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** Writes the interactions `keep` accepts to a new temporary file and returns its path. */
export function writeSubset(file: string, keep: (interaction: PactInteraction) => boolean): string {
  const pact = readPact(file);
  const copy = join(mkdtempSync(join(tmpdir(), 'pact-subset-')), basename(file));
  writeFileSync(copy, JSON.stringify({ ...pact, interactions: pact.interactions.filter(keep) }));
  return copy;
}

export function stateOf(interaction: PactInteraction): string | undefined {
  return interaction.providerStates?.[0]?.name;
}
