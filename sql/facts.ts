// ticket_facts: every per-ticket measure, computed at load time for the tickets a load touched (temp table
// touched_tickets), so dashboards aggregate and never recompute.
import { businessDeadlines, measureBusinessSpans, rebuildBusinessIntervals } from './business-hours.ts';
import type { Query } from './db.ts';
import { runTransform } from './files.ts';

/** Days of open intervals laid out past the latest ticket, so SLA clocks of open tickets can run out. */
const deadlineHorizonDays = 90;

export async function recomputeFacts(tx: Query): Promise<void> {
  await runTransform(tx, 'facts-scope');
  const range = await tx.one<{ from_day: string | null; to_day: string | null }>(
    `SELECT strftime(min(t.created_at) - INTERVAL 2 DAY, '%Y-%m-%d') AS from_day,
            strftime(greatest(max(coalesce(t.solved_at, t.created_at)), now()) + to_days(${deadlineHorizonDays}), '%Y-%m-%d') AS to_day
       FROM tickets t JOIN fact_tickets USING (ticket_id)`,
  );
  if (range?.from_day && range.to_day) await rebuildBusinessIntervals(tx, range.from_day, range.to_day);
  await runTransform(tx, 'facts-spans');
  await measureBusinessSpans(tx);
  await businessDeadlines(tx);
  await runTransform(tx, 'ticket-facts');
  await runTransform(tx, 'ticket-solved-gaps');
}

/** Recomputes the facts of the tickets a query selects (`SELECT ticket_id …`), e.g. after a calendar changed. */
export async function recomputeFactsOf(tx: Query, selectTicketIds: string, params: Record<string, string> = {}): Promise<number> {
  await tx.run(`CREATE OR REPLACE TEMP TABLE touched_tickets AS ${selectTicketIds}`, params);
  const count = (await tx.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM touched_tickets'))!.n;
  if (count > 0) await recomputeFacts(tx);
  await tx.run('DROP TABLE touched_tickets');
  return count;
}
