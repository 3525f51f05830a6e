// Service goals: stored targets on a metric, judged per period; closed periods are snapshotted so a later
// data correction shows as a revision, never as a silent rewrite.
import type { Database } from '../db.ts';
import type { Dimension, Grain } from '../metrics/dimensions.ts';
import { metrics } from '../metrics/registry.ts';
import { querySeriesRows, type Filters, type HoursMode, type Stat } from '../metrics/series.ts';
import { closedStatus, openStatus, project, type Comparator, type GoalStatus, type Projection } from './judge.ts';

export interface GoalInput {
  name: string;
  metric: string;
  /** Durations: p50, p90 or mean; every other metric: its value. */
  stat: Stat | 'value';
  variant: string | null;
  hours: HoursMode;
  comparator: Comparator;
  target: number;
  scope: Filters;
  period: 'week' | 'month' | 'quarter';
  owner_id: string | null;
  starts_on: string;
  ends_on: string | null;
}

export interface Goal extends GoalInput {
  goal_id: number;
  unit: string;
  created_at: string;
  archived_at: string | null;
}

export interface GoalPeriod {
  period_start: string;
  period_end: string;
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
  value_so_far: number | null;
  tickets: number;
  /** Share of the period elapsed, 0 to 1. */
  elapsed: number;
  projection: Projection;
  status: GoalStatus;
}

const goalColumns = `goal_id::INTEGER AS goal_id, name, metric, stat, variant, hours, comparator, target, unit, scope::VARCHAR AS scope, period,
  owner_id, strftime(starts_on, '%Y-%m-%d') AS starts_on, strftime(ends_on, '%Y-%m-%d') AS ends_on,
  strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, strftime(archived_at, '%Y-%m-%dT%H:%M:%SZ') AS archived_at`;

type GoalRow = Omit<Goal, 'scope'> & { scope: string } & Record<string, unknown>;

const toGoal = (row: GoalRow): Goal => ({ ...row, scope: JSON.parse(row.scope) as Filters });

function goalParams(input: GoalInput) {
  return {
    name: input.name, metric: input.metric, stat: input.stat, variant: input.variant, hours: input.hours,
    comparator: input.comparator, target: input.target, unit: metrics.get(input.metric)!.unit, scope: JSON.stringify(input.scope),
    period: input.period, owner_id: input.owner_id, starts_on: input.starts_on, ends_on: input.ends_on,
  };
}

/** Goals are part of what cached answers show (the overview's scorecards): changing one is a new data version. */
const bumpDataVersion = 'UPDATE data_state SET version = version + 1, changed_at = now()';

export async function createGoal(db: Database, input: GoalInput): Promise<Goal> {
  const row = await db.write(async (tx) => {
    await tx.run(bumpDataVersion);
    return tx.one<GoalRow>(
      `INSERT INTO goals (name, metric, stat, variant, hours, comparator, target, unit, scope, period, owner_id, starts_on, ends_on)
       VALUES ($name, $metric, $stat, $variant, $hours, $comparator, $target, $unit, $scope::JSON, $period, $owner_id, $starts_on::DATE, $ends_on::DATE)
       RETURNING ${goalColumns}`,
      goalParams(input),
    );
  });
  return toGoal(row!);
}

export async function updateGoal(db: Database, id: number, input: GoalInput): Promise<Goal | undefined> {
  const row = await db.write(async (tx) => {
    // A changed definition makes earlier judgements of another goal: they are dropped, not revised.
    await tx.run('DELETE FROM goal_snapshots WHERE goal_id = $id', { id });
    await tx.run(bumpDataVersion);
    return tx.one<GoalRow>(
      `UPDATE goals SET name = $name, metric = $metric, stat = $stat, variant = $variant, hours = $hours, comparator = $comparator,
              target = $target, unit = $unit, scope = $scope::JSON, period = $period, owner_id = $owner_id,
              starts_on = $starts_on::DATE, ends_on = $ends_on::DATE
        WHERE goal_id = $id AND archived_at IS NULL
       RETURNING ${goalColumns}`,
      { ...goalParams(input), id },
    );
  });
  return row && toGoal(row);
}

export async function archiveGoal(db: Database, id: number): Promise<boolean> {
  const row = await db.write(async (tx) => {
    const archived = await tx.one('UPDATE goals SET archived_at = now() WHERE goal_id = $id AND archived_at IS NULL RETURNING goal_id', { id });
    if (archived) await tx.run(bumpDataVersion);
    return archived;
  });
  return row !== undefined;
}

export async function listGoals(db: Database): Promise<Goal[]> {
  return (await db.read<GoalRow>(`SELECT ${goalColumns} FROM goals WHERE archived_at IS NULL ORDER BY goal_id`)).map(toGoal);
}

export async function getGoal(db: Database, id: number): Promise<Goal | undefined> {
  const row = await db.readOne<GoalRow>(`SELECT ${goalColumns} FROM goals WHERE goal_id = $id AND archived_at IS NULL`, { id });
  return row && toGoal(row);
}

const DAY = 86_400_000;

/** The UTC instant a period starts at, for the period containing `day`. */
function periodStart(period: Goal['period'], day: Date): Date {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  if (period === 'month') return new Date(Date.UTC(y, m, 1));
  if (period === 'quarter') return new Date(Date.UTC(y, m - (m % 3), 1));
  const midnight = Date.UTC(y, m, day.getUTCDate());
  return new Date(midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY);
}

function nextPeriod(period: Goal['period'], start: Date): Date {
  if (period === 'week') return new Date(start.getTime() + 7 * DAY);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + (period === 'month' ? 1 : 3), 1));
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export interface GoalReport {
  goal: Goal;
  periods: GoalPeriod[];
  current: OpenPeriod | null;
  data_version: number;
}

/**
 * Every period of the goal so far: closed ones judged and snapshotted (a new revision when the data changed
 * their value), the open one with its value so far, projection and status.
 */
export async function reportGoal(db: Database, goal: Goal, now: Date): Promise<GoalReport> {
  const metric = metrics.get(goal.metric)!;
  const first = periodStart(goal.period, new Date(`${goal.starts_on}T00:00:00Z`));
  const lastDay = goal.ends_on ? new Date(Math.min(now.getTime(), new Date(`${goal.ends_on}T00:00:00Z`).getTime() + DAY - 1)) : now;
  const starts: Date[] = [];
  for (let start = first; start <= lastDay; start = nextPeriod(goal.period, start)) starts.push(start);
  const end = starts.length > 0 ? nextPeriod(goal.period, starts.at(-1)!) : first;
  const rows = await querySeriesRows(db, {
    metric, grain: goal.period as Grain, by: null as Dimension | null, from: first, to: end, filters: goal.scope,
    stat: goal.stat === 'value' ? 'p50' : goal.stat, hours: goal.hours, variant: goal.variant ?? undefined, asOf: now,
  });
  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  const version = Number(await db.dataVersion());

  const closed = starts.filter((start) => nextPeriod(goal.period, start) <= now);
  const judged = closed.map((start) => {
    const row = byPeriod.get(isoDay(start));
    const value = row?.value ?? null;
    return { period_start: isoDay(start), period_end: isoDay(nextPeriod(goal.period, start)), value, tickets: row?.tickets ?? 0,
      status: closedStatus(value, goal.comparator, goal.target) };
  });
  const periods = await snapshot(db, goal.goal_id, judged, version);

  const openStart = starts.find((start) => nextPeriod(goal.period, start) > now);
  let current: OpenPeriod | null = null;
  if (openStart) {
    const openEnd = nextPeriod(goal.period, openStart);
    const row = byPeriod.get(isoDay(openStart));
    const elapsed = (now.getTime() - openStart.getTime()) / (openEnd.getTime() - openStart.getTime());
    const kind = metric.aggregation === 'count' ? 'count' : 'level';
    const soFar = row?.value ?? (kind === 'count' ? 0 : null);
    const recent = periods.map((p) => p.value).filter((v): v is number => v !== null);
    const projection = project(kind, soFar, elapsed, recent);
    current = {
      period_start: isoDay(openStart), period_end: isoDay(openEnd), value_so_far: soFar, tickets: row?.tickets ?? 0, elapsed, projection,
      status: openStatus(kind, soFar, projection.value, goal.comparator, goal.target),
    };
  }
  return { goal, periods, current, data_version: version };
}

type Judged = Omit<GoalPeriod, 'revision' | 'revised_from'>;

/** Stores each closed period's judgement once, and again as a new revision whenever its value changes. */
async function snapshot(db: Database, goalId: number, judged: Judged[], version: number): Promise<GoalPeriod[]> {
  return db.write(async (tx) => {
    const latest = await tx.all<{ period_start: string; revision: number; value: number | null; previous: number | null }>(
      `SELECT strftime(period_start, '%Y-%m-%d') AS period_start, revision, value,
              lag(value) OVER (PARTITION BY period_start ORDER BY revision) AS previous
         FROM goal_snapshots WHERE goal_id = $id
       QUALIFY row_number() OVER (PARTITION BY period_start ORDER BY revision DESC) = 1`,
      { id: goalId },
    );
    const stored = new Map(latest.map((row) => [row.period_start, row]));
    const periods: GoalPeriod[] = [];
    for (const period of judged) {
      const last = stored.get(period.period_start);
      const same = last && (last.value === period.value || (last.value !== null && period.value !== null && Math.abs(last.value - period.value) < 1e-9));
      if (same) {
        periods.push({ ...period, revision: last.revision, revised_from: last.revision > 1 ? last.previous : null });
        continue;
      }
      const revision = (last?.revision ?? 0) + 1;
      await tx.run(
        `INSERT INTO goal_snapshots VALUES ($id, $start::DATE, $revision, $value, $status, $tickets, $version, now())`,
        { id: goalId, start: period.period_start, revision, value: period.value, status: period.status, tickets: period.tickets, version },
      );
      periods.push({ ...period, revision, revised_from: last ? last.value : null });
    }
    return periods;
  });
}

/** Every active goal with where its open period stands and how its last closed period ended. */
export async function goalScorecards(db: Database, now: Date): Promise<Array<Goal & { current: OpenPeriod | null; last_closed: GoalPeriod | null }>> {
  const cards = [];
  for (const goal of await listGoals(db)) {
    const { current, periods } = await reportGoal(db, goal, now);
    cards.push({ ...goal, current, last_closed: periods.at(-1) ?? null });
  }
  return cards;
}
