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
  await runTransform(tx, 'business-intervals', { from_day: fromDay, to_day: toDay });
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
