// Service goals: stored targets on a metric, judged per period (report.ts). Each change of what a goal judges is a
// new version of it, so the periods judged before the change stay judged as they were.
import { listValue } from '@duckdb/node-api';
import type { Database, Query } from '../db.ts';
import { metrics } from '../metrics/registry.ts';
import type { Filters, HoursMode, Stat } from '../metrics/series.ts';
import type { Comparator } from './judge.ts';
import { canonicalScope } from './measure.ts';

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
  /** The current version of the definition: 1, and one more for each change of what the goal judges. */
  version: number;
  unit: string;
  created_at: string;
  archived_at: string | null;
}

/** What a goal judges: everything but its name and owner. A change of any of it starts a new version. */
export type GoalDefinition = Omit<GoalInput, 'name' | 'owner_id'>;

const definitionFields = ['metric', 'stat', 'variant', 'hours', 'comparator', 'target', 'scope', 'period', 'starts_on', 'ends_on'] as const satisfies ReadonlyArray<keyof GoalDefinition>;

export interface GoalVersion extends GoalDefinition {
  version: number;
  /** When this version took over: it judges the periods ending after it (version 1: every period before, too). */
  valid_from: string;
  unit: string;
}

const goalColumns = `goal_id::INTEGER AS goal_id, name, metric, stat, variant, hours, comparator, target, unit, scope::VARCHAR AS scope, period,
  owner_id, strftime(starts_on, '%Y-%m-%d') AS starts_on, strftime(ends_on, '%Y-%m-%d') AS ends_on,
  strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, strftime(archived_at, '%Y-%m-%dT%H:%M:%SZ') AS archived_at,
  (SELECT max(v.version) FROM goal_versions v WHERE v.goal_id = goals.goal_id)::INTEGER AS version`;

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

/** Whether two definitions judge alike: scopes compare as sets of values, whatever their order. */
export function sameDefinition(a: GoalDefinition, b: GoalDefinition): boolean {
  return definitionFields.every((field) =>
    field === 'scope' ? JSON.stringify(canonicalScope(a.scope)) === JSON.stringify(canonicalScope(b.scope)) : a[field] === b[field],
  );
}

/** Stores the goal's definition as version `version` of it, in force from `validFrom`. */
async function insertVersion(tx: Query, id: number, version: number, input: GoalInput, validFrom: Date) {
  const { name: _name, owner_id: _owner, ...params } = goalParams(input);
  await tx.run(
    `INSERT INTO goal_versions (goal_id, version, valid_from, metric, stat, variant, hours, comparator, target, unit, scope, period, starts_on, ends_on)
     VALUES ($id, $version, $valid_from::TIMESTAMPTZ, $metric, $stat, $variant, $hours, $comparator, $target, $unit, $scope::JSON, $period,
             $starts_on::DATE, $ends_on::DATE)`,
    { ...params, id, version, valid_from: validFrom.toISOString() },
  );
}

/** `now` is the instant the goal's first version is in force from (the server's clock; tests pin it). */
export async function createGoal(db: Database, input: GoalInput, now = new Date()): Promise<Goal> {
  return db.write((tx) => insertGoal(tx, input, now));
}

/** Creates a goal inside the caller's transaction (an accepted proposal becomes one in the same commit). */
export async function insertGoal(tx: Query, input: GoalInput, now: Date): Promise<Goal> {
  await tx.run(bumpDataVersion);
  const created = await tx.one<{ goal_id: number }>(
    `INSERT INTO goals (name, metric, stat, variant, hours, comparator, target, unit, scope, period, owner_id, starts_on, ends_on)
     VALUES ($name, $metric, $stat, $variant, $hours, $comparator, $target, $unit, $scope::JSON, $period, $owner_id, $starts_on::DATE, $ends_on::DATE)
     RETURNING goal_id::INTEGER AS goal_id`,
    goalParams(input),
  );
  await insertVersion(tx, created!.goal_id, 1, input, now);
  return toGoal((await tx.one<GoalRow>(`SELECT ${goalColumns} FROM goals WHERE goal_id = $id`, { id: created!.goal_id }))!);
}

/**
 * Replaces a live goal. A changed definition starts a new version, in force from `now`: the periods that ended by
 * then stay judged, and stored, under the version before. A new name or owner starts none. An archived or unknown
 * goal is left as it is (nothing is written, not even the data version): undefined.
 */
export async function updateGoal(db: Database, id: number, input: GoalInput, now = new Date()): Promise<Goal | undefined> {
  const row = await db.write(async (tx) => {
    const current = await tx.one<GoalRow>(`SELECT ${goalColumns} FROM goals WHERE goal_id = $id AND archived_at IS NULL`, { id });
    if (!current) return undefined;
    await tx.run(bumpDataVersion);
    await tx.run(
      `UPDATE goals SET name = $name, metric = $metric, stat = $stat, variant = $variant, hours = $hours, comparator = $comparator,
              target = $target, unit = $unit, scope = $scope::JSON, period = $period, owner_id = $owner_id,
              starts_on = $starts_on::DATE, ends_on = $ends_on::DATE
        WHERE goal_id = $id`,
      { ...goalParams(input), id },
    );
    if (!sameDefinition(toGoal(current), input)) await insertVersion(tx, id, current.version + 1, input, now);
    return tx.one<GoalRow>(`SELECT ${goalColumns} FROM goals WHERE goal_id = $id`, { id });
  });
  return row && toGoal(row);
}

/** Archives a live goal (its history stays); false, with nothing written, for an archived or unknown one. */
export async function archiveGoal(db: Database, id: number): Promise<boolean> {
  const row = await db.write(async (tx) => {
    const archived = await tx.one('UPDATE goals SET archived_at = now() WHERE goal_id = $id AND archived_at IS NULL RETURNING goal_id', { id });
    if (archived) await tx.run(bumpDataVersion);
    return archived;
  });
  return row !== undefined;
}

type VersionRow = Omit<GoalVersion, 'scope'> & { goal_id: number; scope: string } & Record<string, unknown>;

/** Every version of these goals, oldest first, by goal. */
export async function goalVersions(db: Database, ids: number[]): Promise<Map<number, GoalVersion[]>> {
  const rows = ids.length === 0 ? [] : await db.read<VersionRow>(
    `SELECT goal_id::INTEGER AS goal_id, version, strftime(valid_from, '%Y-%m-%dT%H:%M:%S.%gZ') AS valid_from, metric, stat, variant, hours,
            comparator, target, unit, scope::VARCHAR AS scope, period, strftime(starts_on, '%Y-%m-%d') AS starts_on,
            strftime(ends_on, '%Y-%m-%d') AS ends_on
       FROM goal_versions WHERE list_contains($ids, goal_id) ORDER BY goal_id, version`,
    { ids: listValue(ids) },
  );
  const byGoal = new Map(ids.map((id): [number, GoalVersion[]] => [id, []]));
  for (const { goal_id, scope, ...version } of rows) byGoal.get(goal_id)?.push({ ...version, scope: JSON.parse(scope) as Filters });
  return byGoal;
}

export async function listGoals(db: Database): Promise<Goal[]> {
  return (await db.read<GoalRow>(`SELECT ${goalColumns} FROM goals WHERE archived_at IS NULL ORDER BY goal_id`)).map(toGoal);
}

export async function getGoal(db: Database, id: number): Promise<Goal | undefined> {
  const row = await db.readOne<GoalRow>(`SELECT ${goalColumns} FROM goals WHERE goal_id = $id AND archived_at IS NULL`, { id });
  return row && toGoal(row);
}

