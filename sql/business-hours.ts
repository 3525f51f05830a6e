// Business time: the overlap of a span with its team's open hours in the team's zone, minus holidays,
// in elapsed time (PRODUCT.md §4). Computed set-wise in SQL for any number of spans at once.
import type { Query } from './db.ts';
import { runTransform } from './files.ts';

/**
 * Lays out every team's open intervals for the local days `fromDay` to `toDay` (YYYY-MM-DD), in temp tables
 * `business_intervals` and `business_days` (the same cut at UTC midnights). Spans must lie inside that range (a
 * day of margin either side absorbs time-zone offsets).
 */
export async function rebuildBusinessIntervals(tx: Query, fromDay: string, toDay: string): Promise<void> {
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE business_day_ranges AS
     SELECT team_id, $from_day::DATE - DATE '1970-01-01' AS from_number, $to_day::DATE - DATE '1970-01-01' AS to_number FROM teams`,
    { from_day: fromDay, to_day: toDay },
  );
  await runTransform(tx, 'business-intervals');
}

/**
 * Lays out the open intervals of the days that the spans in `business_spans` and the SLA clocks in
 * `business_deadlines` need (see measureBusinessSpans and businessDeadlines), within the local days `fromDay` to
 * `toDay`, and finds the clocks' deadlines into `business_deadline_at`: a team's days are laid out only where its
 * tickets are (business-days-wanted.sql says why). Spans and deadlines come out as `rebuildBusinessIntervals` over
 * the whole range would give them.
 */
export async function layOutSpannedDays(tx: Query, fromDay: string, toDay: string): Promise<void> {
  const range = { from_day: fromDay, to_day: toDay };
  const layOutWantedDays = async () => {
    await runTransform(tx, 'business-day-ranges');
    await runTransform(tx, 'business-intervals');
    await businessDeadlines(tx);
  };
  await runTransform(tx, 'business-days-wanted', range);
  await layOutWantedDays();
  // Each clock has one row in business_clock_days and at most one deadline: equal counts say that every clock ran out
  // within the days guessed for it, the usual case, without matching the two (0.6 s at a million tickets).
  const counts = (await tx.one<{ clocks: number; due: number }>(
    'SELECT (SELECT count(*) FROM business_clock_days)::INTEGER AS clocks, (SELECT count(*) FROM business_deadline_at)::INTEGER AS due',
  ))!;
  if (counts.due === counts.clocks) return;
  await runTransform(tx, 'business-clocks-extended', range);
  // Rare (a clock past a long closure): only then is the layout made again, with those clocks' days to `toDay`.
  if ((await tx.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM business_clocks_short'))!.n > 0) await layOutWantedDays();
}

/**
 * Business seconds of the spans in temp table or view `business_spans` (any columns, among them team_id,
 * starts_at, ends_at), as temp view `business_span_seconds`: the spans' columns and `seconds`.
 */
export async function measureBusinessSpans(tx: Query): Promise<void> {
  await runTransform(tx, 'business-span-seconds');
}

/**
 * When business clocks run out: for temp table or view `business_deadlines` (any columns, among them team_id,
 * starts_at, minutes), temp table `business_deadline_at` with those columns and `due_at`. A clock beyond the
 * laid-out intervals has no row.
 */
export async function businessDeadlines(tx: Query): Promise<void> {
  await runTransform(tx, 'business-deadlines');
}
