// What the doc commands were pointed at, read: a page, a folder, or a URL (or HELP_URL when
// given nothing). The network is used only for a URL, with the run's HTTP settings.

import { httpOptions } from '../http/client.ts';
import { loadConfig } from '../config/config.ts';
import { loadDocPath, type DocSet } from './docSet.ts';
import { loadLiveHelp } from './liveHelp.ts';

export class NoDocError extends Error {}

export async function loadDocs(input: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<DocSet> {
  const config = loadConfig(env);
  const where = input ?? config.helpUrl;
  if (!where) throw new NoDocError('give a Help Page file, a folder of them or a Help URL (or set HELP_URL)');
  if (/^https?:\/\//i.test(where)) return loadLiveHelp(where, httpOptions(config));
  return loadDocPath(where);
}
