// Goals judged on read: every period so far of each goal, from the facts, under the version of the goal that judges
// it, with the revision stored for it (a later data correction shows as a new revision, never as a silent rewrite).
// Nothing here writes; snapshot.ts stores what is judged here, after loads and goal changes, never during a read.
import { listValue } from '@duckdb/node-api';
import type { Database } from '../db.ts';
import type { Filters } from '../metrics/filters.ts';
import { metrics } from '../metrics/registry.ts';
import { goalVersions, listGoals, type Goal, type GoalVersion } from './goals.ts';
import { closedStatus, openStatus, project, trailingPeriods, type GoalStatus, type Projection } from './judge.ts';
import { canonicalScope, measureGoals, measureKey, type MeasureRequest, type PeriodValues } from './measure.ts';
import { isoDay, versionPeriods, type PeriodSpan } from './periods.ts';

export interface GoalPeriod {
  period_start: string;
  period_end: string;
  /** The version of the goal's definition this period is judged under (goal_versions). */
  version: number;
  value: number | null;
  tickets: number;
  status: GoalStatus;
  /** 1 for the first judgement of a closed period; higher once corrected data changed its value. */
  revision: number;
  /** The value of the previous revision, when this one replaced it. */
  revised_from: number | null;
}

export interface OpenPeriod {
  period_start: string;
  period_end: string;
  version: number;
  value_so_far: number | null;
  tickets: number;
  /** Share of the period elapsed, 0 to 1. */
  elapsed: number;
  projection: Projection;
  status: GoalStatus;
}

export interface GoalReport {
  goal: Goal;
  /** Every definition the goal has had, oldest first; each period names the one it is judged under. */
  versions: GoalVersion[];
  periods: GoalPeriod[];
  current: OpenPeriod | null;
  data_version: number;
  /**
   * The scope the figures were judged on when narrower than the goal's own (a lead's or an agent's team, whatever
   * the goal's scope); null when judged on the goal's scope.
   */
  judged_scope: Filters | null;
}

/** A closed period as it would be stored: a new revision when nothing is stored for it or its value changed. */
export interface PendingSnapshot {
  goal_id: number;
  version: number;
  period: GoalPeriod;
}

interface StoredRevision {
  revision: number;
  value: number | null;
  previous: number | null;
}

const sameValue = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9);

/** The latest stored revision of every closed period of these goals, by goal, version and period start. */
async function storedRevisions(db: Database, ids: number[]): Promise<Map<string, StoredRevision>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<StoredRevision & { goal_id: number; goal_version: number; period_start: string } & Record<string, unknown>>(
    `SELECT goal_id::INTEGER AS goal_id, goal_version, strftime(period_start, '%Y-%m-%d') AS period_start, revision, value,
            lag(value) OVER (PARTITION BY goal_id, goal_version, period_start ORDER BY revision) AS previous
       FROM goal_snapshots WHERE list_contains($ids, goal_id)
    QUALIFY row_number() OVER (PARTITION BY goal_id, goal_version, period_start ORDER BY revision DESC) = 1`,
    { ids: listValue(ids) },
  );
  return new Map(rows.map((row) => [revisionKey(row.goal_id, row.goal_version, row.period_start), row]));
}

/** Whether two versions measure the same values (they may differ in comparator, target, start or end). */
const sameMeasurement = (a: GoalVersion, b: GoalVersion) =>
  measureKey(a) === measureKey(b) && JSON.stringify(canonicalScope(a.scope)) === JSON.stringify(canonicalScope(b.scope));

const revisionKey = (goal: number, version: number, periodStart: string) => `${goal}/${version}/${periodStart}`;

interface VersionPlan {
  version: GoalVersion;
  periods: PeriodSpan[];
  request: number | null;
}

/** Each version's periods: version n judges those ending after it took over and by the time version n + 1 did. */
function planVersions(versions: GoalVersion[], now: Date): VersionPlan[] {
  return versions.map((version, i) => {
    const takesOver = i === 0 ? null : new Date(version.valid_from);
    const handsOver = i + 1 < versions.length ? new Date(versions[i + 1]!.valid_from) : null;
    return { version, periods: versionPeriods(version, takesOver, handsOver, now), request: null };
  });
}

interface Judged {
  reports: GoalReport[];
  pending: PendingSnapshot[];
}

/**
 * Only the closed periods a scorecard shows or leans on: the last one, and the last `count` measured like the current
 * version (its projection's trailing periods); the open period stays.
 */
function recentOnly(plans: VersionPlan[], now: Date, count: number): VersionPlan[] {
  const latest = plans.at(-1);
  if (!latest) return plans;
  const closed = plans.flatMap((plan, i) => plan.periods.filter((span) => span.end <= now).map((span) => ({ i, span })));
  const kept = new Set(
    [closed.at(-1), ...closed.filter(({ i }) => sameMeasurement(plans[i]!.version, latest.version)).slice(-count)]
      .filter((entry) => entry !== undefined)
      .map(({ i, span }) => `${i}/${span.start.getTime()}`),
  );
  return plans.map((plan, i) => ({ ...plan, periods: plan.periods.filter((span) => span.end > now || kept.has(`${i}/${span.start.getTime()}`)) }));
}

export interface JudgeOptions {
  /** Only the closed periods a scorecard needs (recentOnly). */
  recentClosed?: number;
  /** Only the closed periods nothing is stored for (those that closed since the last snapshot). */
  unstoredOnly?: boolean;
  /**
   * Who reads, when not everyone's figures: a goal's scope narrowed to theirs, or null when the goal is about what
   * they may not see (another team). The stored revisions judge the goal's own scope, so a narrowed judgement is made
   * afresh and never stored.
   */
  viewer?: ViewerScope;
}

/** A goal's scope as one reader may see it judged (api/auth/scope.ts goalScopeFor); null: not theirs to see. */
export type ViewerScope = (goalScope: Filters) => Filters | null;

/** The goals a reader may see: those whose current scope their own narrows to something. */
export function visibleGoals(goals: Goal[], viewer: ViewerScope | undefined): Goal[] {
  return viewer ? goals.filter((goal) => viewer(goal.scope) !== null) : goals;
}

/** Judges the goals from the facts as of `now`; what a snapshot now would store is in `pending`. */
export async function judgeGoals(db: Database, goals: Goal[], now: Date, options: JudgeOptions = {}): Promise<Judged> {
  const ids = goals.map((goal) => goal.goal_id);
  const { viewer } = options;
  const [versions, stored, dataVersion] = await Promise.all([goalVersions(db, ids), viewer ? new Map<string, StoredRevision>() : storedRevisions(db, ids), db.dataVersion()]);
  const requests: MeasureRequest[] = [];
  const fullPlans = goals.map((goal) => planVersions(versions.get(goal.goal_id) ?? [], now));
  const unstored = (goal: Goal, plan: VersionPlan): VersionPlan => ({
    ...plan, periods: plan.periods.filter((span) => span.end > now || !stored.has(revisionKey(goal.goal_id, plan.version.version, isoDay(span.start)))),
  });
  const chosen = fullPlans.map((planned, g) => {
    if (options.recentClosed !== undefined) return recentOnly(planned, now, options.recentClosed);
    return options.unstoredOnly ? planned.map((plan) => unstored(goals[g]!, plan)) : planned;
  });
  const plans = chosen.map((goalPlans) =>
    goalPlans.map((plan) => {
      // A version about what the reader may not see (an earlier scope on another team) judges nothing for them.
      const scope = viewer ? viewer(plan.version.scope) : plan.version.scope;
      if (scope === null) return { ...plan, periods: [] };
      if (plan.periods.length === 0) return plan;
      const { version } = plan;
      requests.push({
        measure: { metric: version.metric, stat: version.stat, variant: version.variant, hours: version.hours, period: version.period },
        scope, from: plan.periods[0]!.start, to: plan.periods.at(-1)!.end,
      });
      return { ...plan, request: requests.length - 1 };
    }),
  );
  const values = await measureGoals(db, requests, now);
  const pending: PendingSnapshot[] = [];
  const reports = goals.map((goal, g) => {
    const periods: GoalPeriod[] = [];
    let current: OpenPeriod | null = null;
    for (const plan of plans[g]!) {
      const measured: PeriodValues = plan.request === null ? new Map() : values[plan.request]!;
      for (const span of plan.periods) {
        if (span.end > now) continue;
        const period = judgeClosed(goal.goal_id, plan.version, span, measured, stored);
        periods.push(period);
        const storedRevision = stored.get(revisionKey(goal.goal_id, period.version, period.period_start))?.revision ?? 0;
        if (!viewer && period.revision > storedRevision) pending.push({ goal_id: goal.goal_id, version: period.version, period });
      }
    }
    const latest = plans[g]!.at(-1);
    const open = latest?.periods.find((span) => span.end > now);
    if (latest && open) {
      const alike = new Set(plans[g]!.filter((plan) => sameMeasurement(plan.version, latest.version)).map((plan) => plan.version.version));
      const recent = periods.filter((period) => alike.has(period.version));
      current = judgeOpen(latest.version, open, latest.request === null ? new Map() : values[latest.request]!, recent, now);
    }
    const judgedScope = viewer ? viewer(goal.scope) : null;
    return { goal, versions: versions.get(goal.goal_id) ?? [], periods, current, data_version: Number(dataVersion), judged_scope: judgedScope && canonicalScope(judgedScope) };
  });
  if (options.recentClosed !== undefined) {
    // The projection leans on the last closed periods that have a value: where the recent ones had none and earlier
    // periods were left out, the goal is judged again in full.
    const again = goals.flatMap((_goal, g) => {
      const dropped = fullPlans[g]!.some((plan, i) => plan.periods.length > plans[g]![i]!.periods.length);
      return dropped && reports[g]!.current && valuedAlike(reports[g]!) < options.recentClosed! ? [g] : [];
    });
    if (again.length > 0) {
      const full = await judgeGoals(db, again.map((g) => goals[g]!), now, { viewer });
      again.forEach((g, k) => (reports[g] = full.reports[k]!));
    }
  }
  return { reports, pending };
}

/** The closed periods with a value among those measured like the goal's current version. */
function valuedAlike(report: GoalReport): number {
  const latest = report.versions.at(-1)!;
  const alike = new Set(report.versions.filter((version) => sameMeasurement(version, latest)).map((version) => version.version));
  return report.periods.filter((period) => alike.has(period.version) && period.value !== null).length;
}

function judgeClosed(goalId: number, version: GoalVersion, span: PeriodSpan, measured: PeriodValues, stored: Map<string, StoredRevision>): GoalPeriod {
  const start = isoDay(span.start);
  const row = measured.get(start);
  const value = row?.value ?? null;
  const judged = {
    period_start: start, period_end: isoDay(span.end), version: version.version, value, tickets: row?.tickets ?? 0,
    status: closedStatus(value, version.comparator, version.target),
  };
  const last = stored.get(revisionKey(goalId, version.version, start));
  if (!last) return { ...judged, revision: 1, revised_from: null };
  if (sameValue(last.value, value)) return { ...judged, revision: last.revision, revised_from: last.revision > 1 ? last.previous : null };
  return { ...judged, revision: last.revision + 1, revised_from: last.value };
}

/**
 * The open period, with its value so far, projection and status. The projection of a level leans on the recent
 * closed periods measured the same way (a change of target alone keeps them; another metric or scope does not).
 */
function judgeOpen(version: GoalVersion, span: PeriodSpan, measured: PeriodValues, closed: GoalPeriod[], now: Date): OpenPeriod {
  const metric = metrics.get(version.metric)!;
  const row = measured.get(isoDay(span.start));
  const elapsed = (now.getTime() - span.start.getTime()) / (span.end.getTime() - span.start.getTime());
  const kind = metric.aggregation === 'count' ? 'count' : 'level';
  const soFar = row?.value ?? (kind === 'count' ? 0 : null);
  const recent = closed.map((p) => p.value).filter((v): v is number => v !== null);
  const projection = project(kind, soFar, elapsed, recent);
  return {
    period_start: isoDay(span.start), period_end: isoDay(span.end), version: version.version, value_so_far: soFar, tickets: row?.tickets ?? 0,
    elapsed, projection, status: openStatus(kind, soFar, projection.value, version.comparator, version.target),
  };
}

/** Every period of each goal so far, judged now (on the reader's scope, when `viewer` says whose). */
export async function reportGoals(db: Database, goals: Goal[], now: Date, viewer?: ViewerScope): Promise<GoalReport[]> {
  return (await judgeGoals(db, goals, now, { viewer })).reports;
}

export type GoalScorecard = Goal & { current: OpenPeriod | null; last_closed: GoalPeriod | null; judged_scope: Filters | null };

/**
 * Every active goal with where its open period stands and how its last closed period ended. Only the periods these
 * show or project from are judged: a weekly goal half a year old reads 5 weeks of facts, not 26.
 */
export async function goalScorecards(db: Database, now: Date, viewer?: ViewerScope): Promise<GoalScorecard[]> {
  const { reports } = await judgeGoals(db, visibleGoals(await listGoals(db), viewer), now, { recentClosed: trailingPeriods, viewer });
  return reports.map(({ goal, periods, current, judged_scope }) => ({ ...goal, current, last_closed: periods.at(-1) ?? null, judged_scope }));
}
