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
  return [...unknown, ...(await checkDayMonthOrder(tx, mapping, lineColumn))];
}
