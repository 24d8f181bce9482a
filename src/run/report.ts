// reports/findings.json: the run's verdict and evidence in one machine-readable file (its
// schema is schemas/findings.schema.json); the other reports are rendered from the same object.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FindingsReport } from '../findings/types.ts';
import { requestsSent } from '../http/client.ts';
import { redact } from '../redaction/redactor.ts';
import { packageInfo } from '../package/locations.ts';
import type { Run } from './context.ts';
import { isAdvisory } from './policy.ts';
import { excludedWork } from '../selection/select.ts';


export const FINDINGS_FILE = 'findings.json';

export function buildFindingsReport(run: Run): FindingsReport {
  const results = run.findings.list();
  const count = (status: string) => results.filter((r) => r.status === status).length;
  const contracts = run.findings.contractResults();
  return {
    tool: { name: packageInfo().name, version: packageInfo().version },
    target: run.target.url,
    embedded: run.target.embedded,
    profile: run.config.profile,
    insecureTls: run.config.insecureTls,
    profileOmissions: [...run.selection.profileOmissions],
    selection: { only: [...run.selection.only], skip: [...run.selection.skip] },
    excluded: excludedWork(run.selection),
    pacing: { rateLimit: run.config.rateLimit ?? null, concurrency: run.config.concurrency, maxLogins: run.config.maxLogins ?? null, loginsUsed: run.loginBudget.used() },
    startedAt: run.startedAt.toISOString(),
    durationMs: Date.now() - run.startedAt.getTime(),
    endpoints: run.endpoints.map(({ id, name, role, roleReason }) => {
      const naming = run.findings.namingOf(id);
      return { id, name, role, roleReason, ...(naming ? { naming } : {}) };
    }),
    naming: run.findings.naming(),
    results,
    ...(contracts.length > 0 ? { contracts } : {}),
    timings: run.findings.timings(),
    requests: requestsSent(),
    summary: {
      pass: count('pass'),
      fail: count('fail'),
      skip: count('skip'),
      info: count('info'),
      advisory: results.filter((r) => isAdvisory(r, run.config.profile)).length,
    },
  };
}

/** Writes reports/findings.json (redacted once more as a last line of defence); returns its path. */
export function writeFindings(run: Run, report: FindingsReport = buildFindingsReport(run)): string {
  mkdirSync(run.config.reportsDir, { recursive: true });
  const path = join(run.config.reportsDir, FINDINGS_FILE);
  writeFileSync(path, `${redact(JSON.stringify(report, null, 2))}\n`);
  return path;
}
