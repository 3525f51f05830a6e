// The recurring-problem list and one issue's summary (GET /api/issues, /api/issues/:id): the figures of
// sql/issues/figures.ts per issue, its cost, a sparkline and the flags of sql/issues/flags.ts, judged at the period
// holding the range's last day, looking back before the range as far as the flags' windows need.
import type { IssueSummary } from '../../api/contracts.ts';
import type { Database, Query } from '../db.ts';
import type { Filters } from '../metrics/filters.ts';
import { dataStart, issueFirstSeen, issuePeriodCounts, issueTotals, type IssuePeriodCount, type IssueTotals } from './figures.ts';
import { flagTests, newFlag, recurringFlag, risingFlags, type FlagContext, type IssueHistory } from './flags.ts';
import { issueNamings } from './names.ts';
import { isoDay, periodStart, periodsBetween, shiftPeriods } from './periods.ts';
import type { IssueSettings } from './settings.ts';

export const issueSorts = ['volume', 'customers', 'cost', 'rise'] as const;
export type IssueSort = (typeof issueSorts)[number];
export const issueFlagNames = ['rising', 'new', 'recurring'] as const;
export type IssueFlagName = (typeof issueFlagNames)[number];

export interface IssueQuery {
  from: Date;
  to: Date;
  filters: Filters;
  settings: IssueSettings;
}

export function costFormula(settings: IssueSettings): string {
  return `agent replies × ${settings.cost_reply_minutes} + escalated tickets × ${settings.cost_escalation_minutes} + reopened tickets × ${settings.cost_reopen_minutes} + not-satisfied CSAT answers × ${settings.cost_low_csat_minutes} (estimated agent minutes)`;
}

function cost(totals: IssueTotals, settings: IssueSettings): IssueSummary['cost'] {
  const components = {
    handling_minutes: totals.agent_replies * settings.cost_reply_minutes,
    escalation_minutes: totals.escalated * settings.cost_escalation_minutes,
    reopen_minutes: totals.reopened * settings.cost_reopen_minutes,
    low_csat_minutes: totals.low_csat_answers * settings.cost_low_csat_minutes,
  };
  const value = components.handling_minutes + components.escalation_minutes + components.reopen_minutes + components.low_csat_minutes;
  return { value, formula: costFormula(settings), components };
}

const noTickets = (issueId: number): IssueTotals => ({
  issue_id: issueId, tickets: 0, customers: 0, reopened: 0, escalated: 0, agent_replies: 0,
  median_resolution_minutes: null, csat_answers: 0, low_csat_answers: 0,
});

export interface IssueFigures {
  period: Date;
  /** Issues with tickets in the range (and `also`), each summarised. */
  summaries: IssueSummary[];
  testedForRising: number;
}

/**
 * Every issue with tickets in the range summarised, plus the issues of `also` even without (a detail page's).
 * The rising flag's correction counts every issue tested, whether or not it is asked for.
 */
export async function issueFigures(db: Database, query: IssueQuery, also: readonly number[] = []): Promise<IssueFigures> {
  const { settings, from, to, filters } = query;
  const { grain } = settings;
  const lastDay = new Date(to.getTime() - 1);
  const period = periodStart(grain, lastDay);
  const lookback = Math.max(settings.recurring_periods - 1, settings.rising_baseline_periods, settings.new_periods - 1);
  const windowStart = new Date(Math.min(periodStart(grain, from).getTime(), shiftPeriods(grain, period, -lookback).getTime()));
  return db.withConnection(async (sql: Query) => {
    const [totals, counts, rangeCounts, firstSeen, start] = [
      await issueTotals(sql, { from, to, filters }),
      await issuePeriodCounts(sql, { from: windowStart, to, filters }, grain),
      // The sparkline's first period may start before `from`: it counts only the range's tickets, so it is asked apart.
      await issuePeriodCounts(sql, { from, to, filters }, grain),
      await issueFirstSeen(sql, { to, filters }),
      await dataStart(sql),
    ];
    const context: FlagContext = { settings, period, dataStart: periodStart(grain, start ?? from) };
    const countsOf = byIssue(counts);
    const rangeCountsOf = byIssue(rangeCounts);
    const firstOf = new Map(firstSeen.map((row) => [row.issue_id, row]));
    const history = (issueId: number): IssueHistory => {
      const first = firstOf.get(issueId);
      return { issue_id: issueId, counts: countsOf.get(issueId) ?? new Map(), firstSeen: first ? new Date(first.first_seen) : null, ticketsSinceFirstSeen: first?.tickets ?? 0 };
    };
    const rising = risingFlags([...new Set([...countsOf.keys(), ...also])].map(history), context);
    const totalsOf = new Map(totals.map((row) => [row.issue_id, row]));
    const ids = [...new Set([...totalsOf.keys(), ...also])].sort((a, b) => a - b);
    const namings = await issueNamings(sql, ids);
    const sparkPeriods = periodsBetween(grain, from, lastDay).map(isoDay);
    const summaries = ids.map((issueId): IssueSummary => {
      const row = totalsOf.get(issueId) ?? noTickets(issueId);
      const naming = namings.get(issueId) ?? { name: '', terms: [], renamed: null, known_problem: null };
      const own = history(issueId);
      const periodCounts = rangeCountsOf.get(issueId);
      return {
        issue_id: issueId,
        ...naming,
        tickets: row.tickets,
        customers: row.customers,
        reopened: row.reopened,
        escalated: row.escalated,
        agent_replies: row.agent_replies,
        median_resolution_minutes: row.median_resolution_minutes,
        low_csat_share: row.csat_answers === 0 ? null : row.low_csat_answers / row.csat_answers,
        low_csat_answers: row.low_csat_answers,
        csat_answers: row.csat_answers,
        cost: cost(row, settings),
        sparkline: sparkPeriods.map((p) => ({ period: p, tickets: periodCounts?.get(p) ?? 0 })),
        flags: { recurring: recurringFlag(own, context), rising: rising.flags.get(issueId)!, new: newFlag(own, context) },
      };
    });
    return { period, summaries, testedForRising: rising.tested };
  });
}

function byIssue(rows: readonly IssuePeriodCount[]): Map<number, Map<string, number>> {
  const counts = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const map = counts.get(row.issue_id) ?? new Map<string, number>();
    map.set(row.period, row.tickets);
    counts.set(row.issue_id, map);
  }
  return counts;
}

export function issueTests(settings: IssueSettings) {
  return { ...flagTests(settings), cost: costFormula(settings) };
}

export function sortIssues(summaries: IssueSummary[], sort: IssueSort): IssueSummary[] {
  const key: Record<IssueSort, (s: IssueSummary) => number> = {
    volume: (s) => s.tickets,
    customers: (s) => s.customers,
    cost: (s) => s.cost.value,
    rise: (s) => s.flags.rising.excess,
  };
  return [...summaries].sort((a, b) => key[sort](b) - key[sort](a) || b.tickets - a.tickets || a.issue_id - b.issue_id);
}
