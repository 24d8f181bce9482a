// `npm test -- --list`: prints the preview (src/plan/preview.ts) as text for a person or as
// JSON for a script, sends nothing, exits 0; a bad configuration is exit 2 as for a run.

import { loadConfig } from '../config/config.ts';
import { loadEndpointSet } from '../endpoints/endpointSet.ts';
import { httpOptions } from '../http/client.ts';
import { buildPreview, type Preview } from '../plan/preview.ts';
import { select } from '../selection/select.ts';

export function previewText(p: Preview): string[] {
  const rate = p.rateLimit === null ? 'unpaced' : `${p.rateLimit} requests/s`;
  return [
    `Target: ${p.target}`,
    `Profile ${p.profile}${p.profileOmissions.length > 0 ? `; left out: ${p.profileOmissions.join(', ')}` : ''}`,
    `Pacing: ${rate}, concurrency ${p.concurrency}; logins: ${p.logins}${p.maxLogins === null ? '' : ` of MAX_LOGINS=${p.maxLogins}`} (a broken token chain may need one more)`,
    `${p.requests.length} requests, in this order (lane "parallel": CONCURRENCY at once, order not defined):`,
    ...p.requests.map((r, i) => `${String(i + 1).padStart(4)}. [${r.stage}/${r.lane}] ${r.id} [${r.mediaType}]${r.role ? ` (${r.role})` : ''} ${r.method} ${r.path} Accept: ${r.accept}; Content-Type: ${r.contentType}\n        body: ${JSON.stringify(r.body)}${r.checks.length > 0 ? `\n        judged by: ${r.checks.join(', ')}` : ''}`),
    `Skipped (${p.skipped.length}):`,
    ...p.skipped.map((s) => `  ${s.id} [${s.mediaType}]: ${s.reason}`),
    `Excluded (${p.excluded.length}):`,
    ...p.excluded.map((e) => `  ${e.kind} ${e.id}: by ${e.by}`),
  ];
}

/** Reads the doc set like a run does (HELP_URL: its pages are fetched, nothing is sent to an endpoint). */
export async function runList(format: 'text' | 'json'): Promise<void> {
  const config = loadConfig();
  const endpoints = await loadEndpointSet(config, httpOptions(config, config.targetUrl === undefined));
  const preview = buildPreview(config, endpoints, select(config, endpoints.selected));
  console.log(format === 'json' ? JSON.stringify(preview, null, 2) : previewText(preview).join('\n'));
}
