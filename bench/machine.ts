// The machine a benchmark ran on, so that figures are never quoted without it. The load
// average at the start shows whether something else competed for the cores.

import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  date: string;
  loadAverage: number[];
}

/** The value of the first /proc/cpuinfo line with this field, or undefined. */
function cpuinfoField(cpuinfo: string, field: string): string | undefined {
  const line = cpuinfo.split('\n').find((l) => l.split(':')[0]!.trim() === field);
  return line?.slice(line.indexOf(':') + 1).trim();
}

/**
 * /proc/cpuinfo names the model even where os.cpus() reports a generic one. A virtual machine
 * may show only the brand ("AMD EPYC"), so the family and model numbers come with it: they tell
 * one generation of host from another.
 */
export function cpuModel(cpuinfo: string | undefined): string {
  const name = cpuinfo === undefined ? undefined : cpuinfoField(cpuinfo, 'model name');
  if (cpuinfo === undefined || name === undefined) return cpus()[0]?.model ?? 'unknown';
  const family = cpuinfoField(cpuinfo, 'cpu family');
  const model = cpuinfoField(cpuinfo, 'model');
  return family !== undefined && model !== undefined ? `${name} (family ${family}, model ${model})` : name;
}

function readCpuinfo(): string | undefined {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return undefined; // not Linux: what Node knows will do
  }
}

export function describeMachine(): Machine {
  return {
    cpu: cpuModel(readCpuinfo()),
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
