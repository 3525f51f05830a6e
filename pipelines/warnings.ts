// Findings a load reports (and stores with it) without failing: the rows still load, but a person should know.
import type { Query } from '../sql/db.ts';
import { checkDayMonthOrder } from './dates.ts';
import type { Mapping } from './mapping/types.ts';

const unknownFieldConsequences: Record<string, string> = {
  created_at:
    'the export has no creation time, so tickets load without one: first response and resolution times cannot be ' +
    'computed and the tickets are not counted in volume by created week',
};

/** Runs on the temp table `mapped` before the cross-field rules; may reject rows of it. */
export async function loadWarnings(tx: Query, mapping: Mapping, lineColumn: string | undefined): Promise<string[]> {
  const unknown = (mapping.unknownFields ?? []).map((field) => `${field}: ${unknownFieldConsequences[field] ?? 'not in this export, left empty'}`);
  return [...unknown, ...(await checkDayMonthOrder(tx, mapping, lineColumn)), ...(await endedWithoutTime(tx, mapping))];
}

/**
 * Tickets whose status says solved or closed while the file gives neither a solve nor a closing time: they cannot
 * be placed in any backlog or resolution figure until an event log dates their solve.
 */
async function endedWithoutTime(tx: Query, mapping: Mapping): Promise<string[]> {
  if (mapping.kind !== 'tickets' || !mapping.fields.status) return [];
  const times = ['solved_at', 'closed_at'].filter((field) => mapping.fields[field]);
  const undated = times.map((field) => `${field} IS NULL`).join(' AND ') || 'true';
  const { n } = (await tx.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM mapped WHERE reject_reason IS NULL AND status IN ('solved', 'closed') AND ${undated}`,
  ))!;
  if (n === 0) return [];
  const [tickets, are, their, they, count] = n === 1 ? ['ticket', 'is', 'its', 'it', 'counts'] : ['tickets', 'are', 'their', 'they', 'count'];
  return [
    `${n.toLocaleString('en')} ${tickets} ${are} solved or closed without a solve or closing time in this file: until an ` +
      `event log dates ${their} solve, ${they} ${count} in no backlog and no resolution time`,
  ];
}
