// CPU time a run used, all its processes together: the Node process (its main thread, the
// helper thread, Pact's native threads) and the XSD JVM it started. Linux adds the CPU time
// of every child a process has waited for, and of the children they waited for, to that
// process's own account (/proc/self/stat, cutime and cstime), so the difference of that account
// across one run is the run's CPU time. Two cores cannot finish a run in less than half of it.

import { readFileSync } from 'node:fs';

/** Linux reports these times in clock ticks of 1/100 s (USER_HZ, fixed by the kernel's ABI). */
const MS_PER_TICK = 10;

/** The user and system CPU time (ms) of the waited-for children in a /proc/<pid>/stat line. */
export function childrenCpuMs(statLine: string): number {
  // The command name (field 2) is in parentheses and may hold spaces; fields 3 on follow its end.
  const fields = statLine.slice(statLine.lastIndexOf(')') + 2).trim().split(/\s+/);
  // Fields 16 (cutime) and 17 (cstime) of proc(5), counted from field 3.
  const [cutime, cstime] = [fields[13], fields[14]].map(Number);
  if (!Number.isInteger(cutime) || !Number.isInteger(cstime)) throw new Error(`not a /proc/<pid>/stat line: ${statLine.slice(0, 80)}`);
  return (cutime! + cstime!) * MS_PER_TICK;
}

/** This process's children's CPU time so far (ms), or undefined where /proc/self/stat does not exist. */
export function waitedChildrenCpuMs(): number | undefined {
  let line: string;
  try {
    line = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return undefined;
  }
  return childrenCpuMs(line);
}
