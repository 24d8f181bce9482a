// Figures are never quoted without the machine; a virtual machine that shows only the brand of
// its CPU still tells its generation by family and model.

import { expect } from 'chai';
import { cpus } from 'node:os';
import { cpuModel } from '../../../bench/machine.ts';

const cpuinfo = (lines: string[]) => `processor\t: 0\n${lines.join('\n')}\n\nprocessor\t: 1\nmodel name\t: Other\n`;

describe('the benchmark\'s machine', () => {
  it('names the CPU with its family and model', () => {
    expect(cpuModel(cpuinfo(['cpu family\t: 26', 'model\t\t: 2', 'model name\t: AMD EPYC']))).to.equal('AMD EPYC (family 26, model 2)');
  });

  it('gives the model name alone where the numbers are missing (other architectures)', () => {
    expect(cpuModel(cpuinfo(['model name\t: ARMv8 Processor rev 1 (v8l)']))).to.equal('ARMv8 Processor rev 1 (v8l)');
  });

  it('falls back to what Node reports without /proc/cpuinfo or its model name', () => {
    const node = cpus()[0]?.model ?? 'unknown';
    expect(cpuModel(undefined)).to.equal(node);
    expect(cpuModel('processor\t: 0\n')).to.equal(node);
  });
});
