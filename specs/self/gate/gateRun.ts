// Runs the gate the way a user does (`npm test`, or the installed command) in a child process, with a
// clean environment plus the given variables, a private reports folder and a private working
// folder (so the contract it writes to ./contracts never replaces the repository's), and records
// what it printed, how long it took, its peak memory and how it exited.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_VARIABLES } from '../../../src/config/config.ts';

export const LAUNCHER_ARGS = ['--import', 'tsx', 'src/cli/conformance.ts'];
/** The installed command, compiled (`npm run build` makes it): what the benchmark times. */
export const COMMAND_LAUNCHER = ['dist/src/cli/main.js'];

export interface GateRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** When the launcher exited, on this process's performance.now() clock. */
  endedAt: number;
  /** The launcher process's peak resident memory (VmHWM, polled; 0 where /proc is not there). */
  peakRssMb: number;
  reportsDir: string;
}

const RSS_POLL_MS = 20;

function peakRssMb(pid: number | undefined): number {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The launcher as run from another folder: the tsx loader and the script by their absolute locations. */
function fromAnywhere(launcher: readonly string[]): string[] {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return launcher.map((arg, i) => (arg === 'tsx' && launcher[i - 1] === '--import' ? tsx : /\.(?:ts|js)$/.test(arg) ? resolve(arg) : arg));
}

/** `args` go to mocha, as after `npm test --`; `launcher` is what node runs (npm test's by default). */
export function runGate(env: Record<string, string>, args: string[] = [], launcher: readonly string[] = LAUNCHER_ARGS): Promise<GateRun> {
  const reportsDir = mkdtempSync(join(tmpdir(), 'gate-reports-'));
  const cwd = mkdtempSync(join(tmpdir(), 'gate-cwd-'));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CONFIG_VARIABLES.some((v) => v.name === name)));
  const started = performance.now();
  return new Promise((resolve) => {
    let peak = 0;
    const child = execFile(process.execPath, [...fromAnywhere(launcher), ...args], {
      cwd,
      env: { ...inherited, NO_COLOR: '1', REPORTS_DIR: reportsDir, ...env },
      timeout: 60000,
      maxBuffer: 32 * 1024 * 1024,
    }, (error, stdout, stderr) => {
      clearInterval(poll);
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      const endedAt = performance.now();
      resolve({ code, stdout, stderr, ms: endedAt - started, endedAt, peakRssMb: peak, reportsDir });
    });
    const poll = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid))), RSS_POLL_MS);
  });
}
