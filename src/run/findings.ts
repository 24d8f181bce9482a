// Everything a run learns, in one collector the stages share: check findings, contract
// verification results, stage timings and the naming verdict. The reports read only this.

import type { Finding, NamingReport, ResultStatus } from '../findings/types.ts';

export interface ContractResult {
  interaction: string;
  status: ResultStatus;
  message: string;
}

export interface Timing {
  stage: string;
  ms: number;
}

export class FindingsCollector {
  private readonly all: Finding[] = [];
  private readonly contracts: ContractResult[] = [];
  private readonly stages: Timing[] = [];
  private namingReport: NamingReport = { verdict: 'unknown', byFormat: {}, advice: '' };
  private readonly endpointNaming = new Map<string, NamingReport>();

  add(finding: Finding): void {
    this.all.push(finding);
  }

  list(): Finding[] {
    return [...this.all];
  }

  addContractResult(result: ContractResult): void {
    this.contracts.push(result);
  }

  contractResults(): ContractResult[] {
    return [...this.contracts];
  }

  timing(stage: string, ms: number): void {
    this.stages.push({ stage, ms: Math.round(ms) });
  }

  timings(): Timing[] {
    return [...this.stages];
  }

  setNaming(report: NamingReport): void {
    this.namingReport = report;
  }

  naming(): NamingReport {
    return this.namingReport;
  }

  /** A token endpoint's own naming verdict (by endpoint id). */
  setEndpointNaming(endpoint: string, report: NamingReport): void {
    this.endpointNaming.set(endpoint, report);
  }

  namingOf(endpoint: string): NamingReport | undefined {
    return this.endpointNaming.get(endpoint);
  }
}
