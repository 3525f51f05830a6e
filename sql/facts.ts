// ticket_facts: every per-ticket measure, computed at load time for the tickets a load touched (temp table
// touched_tickets), so dashboards aggregate and never recompute.
import { businessDeadlines, measureBusinessSpans, rebuildBusinessIntervals } from './business-hours.ts';
import { quoteIdentifier, type Query } from './db.ts';
import { runTransform } from './files.ts';

/** Days of open intervals laid out past the latest ticket, so SLA clocks of open tickets can run out. */
const deadlineHorizonDays = 90;

/**
 * Temp view `fact_events`, the event log the rollup and the facts read: `ticket_events`, plus the rows of
 * `pendingEvents` (same columns, no load_id) when a load stores its new events only after computing facts.
 */
export async function defineFactEvents(tx: Query, pendingEvents?: string): Promise<void> {
  const columns = 'ticket_id, occurred_at, kind, actor, actor_kind, from_value, to_value';
  await tx.run(
    `CREATE OR REPLACE TEMP VIEW fact_events AS
     SELECT ${columns} FROM ticket_events${pendingEvents ? `
     UNION ALL
     SELECT ${columns} FROM ${quoteIdentifier(pendingEvents)}` : ''}`,
  );
}

export async function recomputeFacts(tx: Query, pendingEvents?: string): Promise<void> {
  await defineFactEvents(tx, pendingEvents);
  await runTransform(tx, 'facts-scope');
  const range = await tx.one<{ from_day: string | null; to_day: string | null }>(
    `SELECT strftime(min(t.created_at) - INTERVAL 2 DAY, '%Y-%m-%d') AS from_day,
            strftime(greatest(max(coalesce(t.solved_at, t.created_at)), now()) + to_days(${deadlineHorizonDays}), '%Y-%m-%d') AS to_day
       FROM tickets t JOIN fact_tickets USING (ticket_id)`,
  );
  // Tickets without a creation time have no spans; a day's layout then keeps the statements below valid.
  const today = new Date().toISOString().slice(0, 10);
  await rebuildBusinessIntervals(tx, range?.from_day ?? today, range?.to_day ?? today);
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
