// The benchmark's CPU time comes from the children's account in /proc/<pid>/stat: fields 16 and
// 17, counted past a command name that may hold spaces and parentheses of its own.

import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { childrenCpuMs, waitedChildrenCpuMs } from '../../../bench/cpu.ts';

// pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
const statLine = (comm: string, cutime: number, cstime: number) => `4242 (${comm}) S 1 4242 4242 0 -1 4194560 900 5000 0 3 17 4 ${cutime} ${cstime} 20 0 11 0 70 1200000 9000`;

describe('the benchmark\'s CPU time', () => {
  it('adds the waited-for children\'s user and system time, in ms', () => {
    expect(childrenCpuMs(statLine('node', 231, 48))).to.equal(2790);
    expect(childrenCpuMs(statLine('node', 0, 0))).to.equal(0);
  });

  it('reads past a command name with spaces and parentheses', () => {
    expect(childrenCpuMs(statLine('my (odd) name', 10, 5))).to.equal(150);
  });

  it('refuses a line that is not a stat line, rather than reporting a number', () => {
    expect(() => childrenCpuMs('no such thing')).to.throw(/not a \/proc\/<pid>\/stat line/);
  });

  it('grows by the CPU time of a child once it has been waited for', function () {
    if (waitedChildrenCpuMs() === undefined) this.skip();
    const before = waitedChildrenCpuMs()!;
    // About 0.3 s of CPU in a child; the account moves in steps of 10 ms.
    execFileSync(process.execPath, ['-e', 'const end = Date.now() + 300; while (Date.now() < end);']);
    expect(waitedChildrenCpuMs()! - before).to.be.within(200, 2000);
  });
});
