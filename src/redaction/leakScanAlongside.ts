// The run's final leak scan (leakScan.ts), done in the helper thread (src/run/helperThread.ts)
// file by file as the run writes them: the main thread renders the next report meanwhile and,
// at the end, waits only for the last file's scan. A scan the helper thread cannot take is
// done here instead.

import { resolve } from 'node:path';
import { inHelperThread } from '../run/helperThread.ts';
import { filesUnder, scanFiles, type Leak } from './leakScan.ts';

export class LeakScanAlongside {
  private readonly scans: Promise<Leak[]>[] = [];
  private readonly sent = new Set<string>();

  constructor(private readonly secrets: readonly string[]) {}

  /** Scans these files (once each, whatever the calls). */
  add(files: readonly string[]): void {
    const fresh = files.filter((file) => !this.sent.has(resolve(file)));
    if (fresh.length === 0) return;
    for (const file of fresh) this.sent.add(resolve(file));
    this.scans.push(inHelperThread('scan', { files: fresh, secrets: this.secrets }).catch(() => scanFiles(fresh, this.secrets)));
  }

  /** Every file under `dirs` not sent yet, then what all the scans found. */
  async leaks(dirs: readonly string[]): Promise<Leak[]> {
    this.add(dirs.flatMap(filesUnder));
    return (await Promise.all(this.scans)).flat();
  }
}
