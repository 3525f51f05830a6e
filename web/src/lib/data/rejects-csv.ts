// A load's rejected rows as a CSV file: what the table shows, one row per reject, safe to open in a spreadsheet
// (common/csv.ts quotes and defuses formulas).
import type { RejectsResponse } from '$api/contracts';
import { csvText } from '../../../../common/csv';

export type RejectRow = RejectsResponse['rejects'][number];

export const rejectColumns = ['line', 'column', 'value', 'reason'] as const;

export function rejectsCsv(rejects: readonly RejectRow[]): string {
  return csvText([rejectColumns, ...rejects.map((r) => [r.line, r.column, r.value, r.reason])]);
}

/** "rejects-load-12.csv" */
export function rejectsFileName(loadId: number): string {
  return `rejects-load-${loadId}.csv`;
}
