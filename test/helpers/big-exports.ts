// Exports of 200,000 rows built from the small fixture, large enough that a load takes a while and DuckDB writes
// its appends to the file ahead of the commit: the kill tests aim at the moments of such a load.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { smallFixture } from './db.ts';

export const bigExportRows = 200_000;

/**
 * Tickets: the fixture's first row under new ids from 500000; with `changeStored`, the fixture's 9 tickets first,
 * each with a new subject, so that the load also updates stored tickets.
 */
export function bigTicketsExport(dir: string, { changeStored = false } = {}): string {
  const [header, ...rows] = readFileSync(join(smallFixture, 'tickets.csv'), 'utf8').trim().split('\n');
  const rest = rows[0]!.slice(rows[0]!.indexOf(','));
  // The subject is the ninth column; no column before it holds a comma.
  const resubject = (row: string) => row.split(',').map((cell, index) => (index === 8 ? `Re: ${cell}` : cell)).join(',');
  const lines = [header, ...(changeStored ? rows.map(resubject) : [])];
  for (let id = 500_000; lines.length <= bigExportRows; id++) lines.push(`${id}${rest}`);
  const file = join(dir, 'tickets.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Internal notes on the fixture's ticket 10001, a second apart (each a new event). */
export function bigEventsExport(dir: string): string {
  const lines = ['ticket_id,occurred_at,kind,actor_id,actor_kind,from_value,to_value'];
  const start = Date.parse('2026-01-05T09:01:00Z');
  for (let n = 0; n < bigExportRows; n++) lines.push(`10001,${new Date(start + n * 1000).toISOString()},internal_note,a1,agent,,`);
  const file = join(dir, 'events.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** An internal note on each ticket of `bigTicketsExport` (ids from 500000), for a load of both files together. */
export function bigEventsOnBigTickets(dir: string): string {
  const lines = ['ticket_id,occurred_at,kind,actor_id,actor_kind,from_value,to_value'];
  for (let n = 0; n < bigExportRows; n++) lines.push(`${500_000 + n},2026-01-05T10:00:00Z,internal_note,a1,agent,,`);
  const file = join(dir, 'events.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
