// The recurring, rising and new flags of issues (issue 12 §2, PRODUCT.md §5), from each issue's tickets per period.
// Pure: the counts come from sql/issues/figures.ts; each flag carries the sentence that states its test and numbers.
import type { IssueFlags } from '../../api/contracts.ts';
import type { Grain } from '../metrics/dimensions.ts';
import { isoDay, periodStart, shiftPeriods } from './periods.ts';
import { poissonUpperTail } from './poisson.ts';
import type { IssueSettings } from './settings.ts';

export interface IssueHistory {
  issue_id: number;
  /** Tickets per period start (ISO day); periods without tickets may be absent. */
  counts: ReadonlyMap<string, number>;
  /** The issue's first ticket's creation, in the filtered tickets; null without any. */
  firstSeen: Date | null;
  /** Its tickets from the first seen to the end of the range. */
  ticketsSinceFirstSeen: number;
}

export interface FlagContext {
  settings: IssueSettings;
  /** Start of the period the flags judge (the one holding the range's last day). */
  period: Date;
  /** Start of the data's first period: periods before it are unknown, not quiet. */
  dataStart: Date;
}

const plural = (grain: Grain, n: number) => `${n} ${grain}${n === 1 ? '' : 's'}`;
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const formatP = (p: number) => (p < 0.001 ? p.toExponential(1) : String(Number(p.toPrecision(3))));

/** The starts of the `n` periods ending with `last` (oldest first), leaving out those before the data begin. */
function window(grain: Grain, last: Date, n: number, dataStart: Date): Date[] {
  const periods: Date[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const start = shiftPeriods(grain, last, -i);
    if (start >= dataStart) periods.push(start);
  }
  return periods;
}

const countIn = (history: IssueHistory, period: Date) => history.counts.get(isoDay(period)) ?? 0;

export function recurringFlag(history: IssueHistory, { settings, period, dataStart }: FlagContext): IssueFlags['recurring'] {
  const { grain, recurring_periods: m, recurring_min_periods: n } = settings;
  const periods = window(grain, period, m, dataStart);
  const present = periods.filter((p) => countIn(history, p) > 0).length;
  const flagged = present >= n;
  return {
    flagged,
    periods_present: present,
    periods: periods.length,
    why: `Tickets in ${present} of the last ${plural(grain, periods.length)}${periods.length < m ? ` (the data begin later than ${m} back)` : ''}; recurring means at least ${n} of the last ${m}.`,
  };
}

interface RisingTest {
  issue_id: number;
  tickets: number;
  baseline: number;
  baselinePeriods: number;
  /** The other issues' tickets this period ÷ their mean per baseline period (1 when not adjusted). */
  volumeRatio: number;
  lambda: number;
  p: number | null;
}

/**
 * This period's count against the trailing baseline's rate, or untested (p null) with too few tickets or periods.
 * With `rising_volume_adjusted`, the rate is scaled by how busy this period is for every other issue: holidays,
 * a seasonal dip or a period still under way lower every issue's count alike, and the week after a holiday lifts
 * them alike, which a plain rate would take for a rise of each (on the demo, most false alarms were the first weeks
 * of January against a December baseline). The issue's own tickets are left out of the volume, so its own spike
 * does not raise its expectation.
 */
function risingTest(history: IssueHistory, { settings, period, dataStart }: FlagContext, volume: ReadonlyMap<string, number>): RisingTest {
  const baselinePeriods = window(settings.grain, shiftPeriods(settings.grain, period, -1), settings.rising_baseline_periods, dataStart);
  const sum = baselinePeriods.reduce((total, p) => total + countIn(history, p), 0);
  const tickets = countIn(history, period);
  const n = baselinePeriods.length;
  const others = (p: Date) => (volume.get(isoDay(p)) ?? 0) - countIn(history, p);
  // Half a ticket is added to each sum, so an issue (or a view) quiet through the baseline still gets a finite,
  // positive rate rather than an infinitely significant rise from zero.
  const volumeRatio = settings.rising_volume_adjusted && n > 0
    ? (others(period) + 0.5) / (baselinePeriods.reduce((total, p) => total + others(p), 0) / n + 0.5)
    : 1;
  const lambda = n === 0 ? 0 : ((sum + 0.5) / n) * volumeRatio;
  const tested = tickets >= settings.rising_min_tickets && n >= minBaselinePeriods(settings);
  return { issue_id: history.issue_id, tickets, baseline: n === 0 ? 0 : sum / n, baselinePeriods: n, volumeRatio, lambda, p: tested ? poissonUpperTail(tickets, lambda) : null };
}

/** Tickets of every issue per period: the volume the rising test scales its expectation by. */
function volumeOf(histories: readonly IssueHistory[]): Map<string, number> {
  const volume = new Map<string, number>();
  for (const history of histories) for (const [period, count] of history.counts) volume.set(period, (volume.get(period) ?? 0) + count);
  return volume;
}

/** At least half the baseline's periods must lie inside the data for the test to run. */
export const minBaselinePeriods = (settings: IssueSettings) => Math.ceil(settings.rising_baseline_periods / 2);

/**
 * The rising flag of every issue at once: the correction for the number of issues tested needs them all, and the
 * volume adjustment every issue's counts (pass every issue with tickets in the window, not only those shown).
 * Bonferroni: flagged when p ≤ α ÷ m. Benjamini–Hochberg: the p-values ranked ascending, flagged up to the largest
 * rank r with p ≤ r·α ÷ m.
 */
export function risingFlags(histories: readonly IssueHistory[], context: FlagContext): { flags: Map<number, IssueFlags['rising']>; tested: number } {
  const { settings } = context;
  const volume = volumeOf(histories);
  const tests = histories.map((history) => risingTest(history, context, volume));
  const tested = tests.filter((t) => t.p !== null).sort((a, b) => a.p! - b.p! || a.issue_id - b.issue_id);
  const m = tested.length;
  const alpha = settings.rising_alpha;
  const thresholds = new Map<number, number>();
  if (settings.rising_correction === 'bonferroni') {
    for (const t of tested) thresholds.set(t.issue_id, alpha / m);
  } else {
    let cutoffRank = 0;
    tested.forEach((t, i) => {
      if (t.p! <= ((i + 1) * alpha) / m) cutoffRank = i + 1;
    });
    tested.forEach((t, i) => thresholds.set(t.issue_id, ((cutoffRank > 0 ? cutoffRank : i + 1) * alpha) / m));
  }
  const { grain } = settings;
  const correction = settings.rising_correction === 'bonferroni' ? `Bonferroni: α ${alpha} ÷ ${m} issues tested` : `Benjamini–Hochberg at ${alpha} over ${m} issues tested`;
  const flags = new Map<number, IssueFlags['rising']>();
  for (const t of tests) {
    const threshold = thresholds.get(t.issue_id) ?? null;
    const flagged = t.p !== null && threshold !== null && t.p <= threshold;
    const numbers = `${t.tickets} ticket${t.tickets === 1 ? '' : 's'} this ${grain} against a baseline of ${round(t.baseline)} a ${grain} over the ${plural(grain, t.baselinePeriods)} before`;
    const why =
      t.p === null
        ? t.tickets < settings.rising_min_tickets
          ? `${numbers}; not tested: rising needs at least ${settings.rising_min_tickets} tickets this ${grain}.`
          : `${numbers}; not tested: rising needs at least ${minBaselinePeriods(settings)} ${grain}s of baseline inside the data.`
        : `${numbers}${settings.rising_volume_adjusted ? `, expecting ${round(t.lambda)} at this ${grain}'s volume (×${round(t.volumeRatio)})` : ''}: P(X ≥ ${t.tickets}) = ${formatP(t.p)} for X ~ Poisson(${round(t.lambda, 3)}), ${flagged ? 'at most' : 'above'} ${formatP(threshold!)} (${correction}).`;
    flags.set(t.issue_id, {
      flagged,
      why,
      tickets: t.tickets,
      baseline: t.baseline,
      baseline_periods: t.baselinePeriods,
      expected: t.lambda,
      volume_ratio: t.volumeRatio,
      p_value: t.p,
      threshold: t.p === null ? null : threshold,
      excess: t.tickets - t.baseline,
    });
  }
  return { flags, tested: m };
}

export function newFlag(history: IssueHistory, { settings, period, dataStart }: FlagContext): IssueFlags['new'] {
  const { grain, new_periods: k, new_min_tickets: t } = settings;
  const first = history.firstSeen ? periodStart(grain, history.firstSeen) : null;
  const since = shiftPeriods(grain, period, -(k - 1));
  const recent = first !== null && first >= since;
  // Everything is "first seen" in the data's first period: only an issue seen first after it can be new.
  const afterStart = first !== null && first > dataStart;
  const flagged = recent && afterStart && history.ticketsSinceFirstSeen >= t;
  const test = `new means first seen within the last ${plural(grain, k)}, after the data's first ${grain}, with at least ${t} tickets`;
  return {
    flagged,
    first_seen: first ? isoDay(first) : null,
    tickets: history.ticketsSinceFirstSeen,
    why: first === null
      ? `No tickets; ${test}.`
      : `First seen in the ${grain} of ${isoDay(first)}${afterStart ? '' : ', the data’s first'}, ${history.ticketsSinceFirstSeen} ticket${history.ticketsSinceFirstSeen === 1 ? '' : 's'} since; ${test}.`,
  };
}

/** The flags' tests in words, with the settings filled in (the list answer's `tests`). */
export function flagTests(settings: IssueSettings): { recurring: string; rising: string; new: string } {
  const { grain } = settings;
  return {
    recurring: `Tickets in at least ${settings.recurring_min_periods} of the last ${plural(grain, settings.recurring_periods)} (this ${grain} included; ${grain}s before the data begin are not counted).`,
    rising:
      `This ${grain} has at least ${settings.rising_min_tickets} tickets and P(X ≥ this ${grain}'s tickets) under X ~ Poisson(λ), ` +
      `λ = (tickets in the ${settings.rising_baseline_periods} ${grain}s before + 0.5) ÷ those ${grain}s (at least ${minBaselinePeriods(settings)} inside the data)` +
      (settings.rising_volume_adjusted
        ? ` × (the other issues' tickets this ${grain} + 0.5) ÷ (their mean per baseline ${grain} + 0.5), so a busy or quiet ${grain} for everyone is not a rise of one, `
        : ', ') +
      `is at most ${settings.rising_correction === 'bonferroni' ? `${settings.rising_alpha} ÷ the issues tested (Bonferroni)` : `the Benjamini–Hochberg step-up level at ${settings.rising_alpha} over the issues tested`}; the tail is the exact Poisson sum.`,
    new: `First seen within the last ${plural(grain, settings.new_periods)}, after the data's first ${grain}, with at least ${settings.new_min_tickets} tickets since.`,
  };
}
