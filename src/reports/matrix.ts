// The conformance matrix: documented response codes down, media types across. A cell folds
// every finding of the probe cases that expect that code, asked in that media type, into one
// state, and keeps those findings as the evidence its link points to. Run-wide findings (media
// type `*`, e.g. the naming verdict) have their own sections and stay out of the matrix.

import type { Finding } from '../findings/types.ts';
import { anchorId } from './escape.ts';
import { isAdvisory, isBlocking } from '../run/policy.ts';
import { RUN_MEDIA_TYPE } from '../checks/evaluate.ts';
import { caseKey, type MatrixRow, type ReportInput } from './input.ts';

export const DOCUMENTED_STATUSES = [200, 400, 401, 500] as const;
export const DOCUMENTED_MEDIA_TYPES = ['application/json', 'text/json', 'application/xml', 'text/xml'] as const;

/** `none`: no probe covered the cell. */
export type CellState = 'pass' | 'fail' | 'skip' | 'none';

export interface MatrixCell {
  row: MatrixRow;
  mediaType: string;
  state: CellState;
  anchor: string;
  advisories: number;
  findings: Finding[];
}

export interface Matrix {
  rows: MatrixRow[];
  mediaTypes: string[];
  /** cells[row index][media type index] */
  cells: MatrixCell[][];
}

/** `anchor` keeps the cells of several matrices on one page apart (an endpoint's name). */
export function buildMatrix({ report, rowOfCase }: ReportInput, anchor = ''): Matrix {
  const probed = report.results.filter((f) => f.mediaType !== RUN_MEDIA_TYPE);
  // Each finding is placed once: a run has thousands, and every cell would otherwise scan them all.
  const inCell = new Map<string, Finding[]>();
  const cellKey = (row: MatrixRow, mediaType: string) => JSON.stringify([row, mediaType]);
  const seenRows = new Set<MatrixRow>();
  for (const f of probed) {
    const row = rowOfCase[caseKey(f.endpoint, f.caseId)] ?? 'other';
    seenRows.add(row);
    const key = cellKey(row, f.mediaType);
    const cell = inCell.get(key);
    if (cell) cell.push(f);
    else inCell.set(key, [f]);
  }
  const extraStatuses = [...seenRows].filter((r): r is number => typeof r === 'number' && !(DOCUMENTED_STATUSES as readonly number[]).includes(r));
  const groups = [...seenRows].filter((r): r is string => typeof r === 'string' && r !== 'other');
  const rows: MatrixRow[] = [...DOCUMENTED_STATUSES, ...extraStatuses.sort((a, b) => a - b), ...groups, ...(seenRows.has('other') ? ['other'] : [])];
  const mediaTypes = [...new Set([...DOCUMENTED_MEDIA_TYPES, ...probed.map((f) => f.mediaType)])];
  const cells = rows.map((row) => mediaTypes.map((mediaType) => {
    const findings = inCell.get(cellKey(row, mediaType)) ?? [];
    return {
      row,
      mediaType,
      state: cellState(findings, report.profile),
      anchor: anchor ? anchorId('cell', anchor, row, mediaType) : anchorId('cell', row, mediaType),
      advisories: findings.filter((f) => isAdvisory(f, report.profile) || f.status === 'info').length,
      findings,
    };
  }));
  return { rows, mediaTypes, cells };
}

function cellState(findings: Finding[], profile: ReportInput['report']['profile']): CellState {
  if (findings.length === 0) return 'none';
  if (findings.some((f) => f.status === 'fail' && isBlocking(f, profile))) return 'fail';
  if (findings.every((f) => f.status === 'skip')) return 'skip';
  return 'pass';
}
