// The fault matrix, per endpoint: the whole suite, run as a user runs it over every endpoint the
// reference provider serves (its own doc set as DOCS: login, corp login, refresh-token and the
// generic page), with each catalogue fault switched on. The fault's own check (catches[0]) must
// fail on an endpoint the fault acts on, and no check outside the fault's declared list may fail
// anywhere; against the clean provider, in both namings, nothing fails on any endpoint. The
// table (fault -> checks that caught it, and where) is printed after the run. A fault whose
// checks are not registered, or that names only the info-level check, cannot enter the
// catalogue: the first tests below refuse it.

import { expect } from 'chai';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CHECKS, INFO_ONLY_CHECKS } from '../../../src/checks/registry.ts';
import type { FindingsReport } from '../../../src/findings/types.ts';
import { CHECK_IDS, ENDPOINTS, FAULTS, REFERENCE_DOC_FILES, type Fault } from '../../../src/reference/index.ts';
import { runGate, type GateRun } from '../gate/gateRun.ts';

interface MatrixRun {
  name: string;
  env: Record<string, string>;
  fault?: Fault;
  gate?: GateRun;
  failing?: string[];
  /** Per failing check, the endpoints (METHOD path) it failed on. */
  failingOn?: Map<string, Set<string>>;
  contractFailures?: number;
}

/**
 * The time budget is a loaded machine's worst case (two runs share two cores), so only the
 * slow-response fault, with a short delay and a budget below it, can trip response.time.
 */
/** The provider's own doc set, so the run covers every endpoint it serves. */
const DOCS = mkdtempSync(join(tmpdir(), 'reference-docs-'));
for (const file of REFERENCE_DOC_FILES) copyFileSync(file, join(DOCS, basename(file)));
const BASE_ENV = { RESPONSE_TIME_BUDGET_MS: '10000', DOCS };
const FAULT_ENV: Record<string, Record<string, string>> = {
  'slow-response': { REFERENCE_SLOW_MS: '300', RESPONSE_TIME_BUDGET_MS: '200' },
};

const runs: MatrixRun[] = [
  { name: 'clean (backing-field)', env: BASE_ENV },
  { name: 'clean (documented)', env: { ...BASE_ENV, REFERENCE_NAMING: 'documented', NAMING: 'documented' } },
  ...FAULTS.map((fault) => ({ name: fault.id, fault, env: { ...BASE_ENV, REFERENCE_FAULTS: fault.id, ...FAULT_ENV[fault.id] } })),
];

/** The run's ids (`POST api/v1/auth/login`) of the provider endpoints a fault acts on. */
function faultEndpoints(fault: Fault): string[] {
  return ENDPOINTS.filter((e) => (fault.endpoints as readonly string[]).includes(e.name)).map((e) => `${e.method} ${e.path}`);
}

/** Two children at a time: the machine has two cores and each run is mostly one. */
async function runAll(pending: MatrixRun[], parallel = 2): Promise<void> {
  const queue = [...pending];
  await Promise.all(Array.from({ length: parallel }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      next.gate = await runGate(next.env);
      const report = readReport(next.gate);
      const failed = report?.results.filter((r) => r.status === 'fail') ?? [];
      next.failing = [...new Set(failed.map((r) => r.check))].sort();
      next.failingOn = new Map(next.failing.map((check) => [check, new Set(failed.filter((r) => r.check === check).map((r) => r.endpoint ?? '(the run)'))]));
      next.contractFailures = report?.contracts?.filter((c) => c.status === 'fail').length ?? 0;
    }
  }));
}

function readReport(gate: GateRun): FindingsReport | undefined {
  try {
    return JSON.parse(readFileSync(join(gate.reportsDir, 'findings.json'), 'utf8')) as FindingsReport;
  } catch {
    return undefined;
  }
}

function printMatrix(): void {
  const caughtOn = (r: MatrixRun) => [...(r.fault && r.failingOn?.get(r.fault.catches[0]) || [])].join(', ') || '-';
  const rows = runs.map((r) => [r.name, r.fault?.catches[0] ?? '(nothing)', caughtOn(r), r.failing?.join(', ') || '(none)', String(r.contractFailures ?? '?'), String(r.gate?.code ?? '?')]);
  const header = ['fault', 'must be caught by', 'caught on', 'checks that failed', 'contract failures', 'exit'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(['', 'Fault matrix', line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line), ''].join('\n'));
}

describe('fault matrix', function () {
  // Each run is a whole gate run, two at a time: about 2 s alone, up to 8 s per run on a shared,
  // loaded 2-core machine (41 runs took 3.5 min at load 9). The bound grows with the catalogue.
  this.timeout(60_000 + runs.length * 8_000);

  describe('catalogue', () => {
    it('names only registered checks that can fail', () => {
      const registered = CHECKS.filter((c) => !INFO_ONLY_CHECKS.includes(c.id)).map((c) => c.id).sort();
      expect([...CHECK_IDS].sort()).to.deep.equal(registered);
      for (const fault of FAULTS) expect(fault.catches.length, fault.id).to.be.above(0);
    });

    it('scopes every fault to endpoints the run covers', () => {
      for (const fault of FAULTS) expect(faultEndpoints(fault), fault.id).to.have.length.above(0);
    });

    it('gives every fault a unique id and a description', () => {
      expect(new Set(FAULTS.map((f) => f.id)).size).to.equal(FAULTS.length);
      for (const fault of FAULTS) expect(fault.description.length, fault.id).to.be.above(20);
    });
  });

  describe('the whole suite against the reference provider', () => {
    before(async () => {
      await runAll(runs);
      printMatrix();
    });

    for (const run of runs) {
      if (!run.fault) {
        it(`finds nothing against the ${run.name} provider (exit 0)`, () => {
          expect(run.failing, run.gate?.stderr).to.deep.equal([]);
          expect(run.contractFailures).to.equal(0);
          expect(run.gate?.code, run.gate?.stdout.slice(-2000)).to.equal(0);
        });
        continue;
      }
      const fault = run.fault;
      it(`catches ${fault.id} with ${fault.catches[0]} on ${fault.endpoints.join(', ')}, and fails no undeclared check`, () => {
        expect(run.failing, `no findings.json: ${run.gate?.stderr}`).to.be.an('array');
        expect(run.failing, `${fault.id} went undetected`).to.include(fault.catches[0]);
        const where = [...run.failingOn!.get(fault.catches[0])!];
        expect(where.filter((e) => faultEndpoints(fault).includes(e)), `${fault.id} caught only on ${where.join(', ')}, not on an endpoint it acts on`).to.have.length.above(0);
        const undeclared = run.failing!.filter((c) => !(fault.catches as readonly string[]).includes(c));
        expect(undeclared, `${fault.id} tripped checks it does not declare`).to.deep.equal([]);
        expect(run.gate?.code, 'a fault never makes the run unable to test').to.be.oneOf([0, 1]);
      });
    }
  });
});
