// The goal editor's form, pure: its fields as typed (a duration's target in hours), the body the API takes, a stored
// goal back into fields, and which field an API problem is about (so its message shows next to that field).
import type { Problem } from '$api/contracts';
import type { FilterDimension } from '../filters/filters';
import { filterDimensions } from '../filters/filters';
import { hoursToMinutes, minutesToHours, type Comparator } from './judge';
import { problemParameter } from '../api/problem-field';

export type GoalPeriodKind = 'week' | 'month' | 'quarter';
export type GoalStat = 'value' | 'p50' | 'p90' | 'mean';

export interface GoalForm {
  name: string;
  metric: string;
  stat: GoalStat;
  variant: string;
  hours: 'calendar' | 'business';
  comparator: Comparator;
  /** As typed: hours for a duration, the metric's unit otherwise. */
  target: string;
  period: GoalPeriodKind;
  /** The values each dimension is limited to (any of them: email or chat); empty for all. */
  scope: Record<FilterDimension, string[]>;
  /**
   * Scope of a stored goal on a dimension the editor does not offer (e.g. category): kept as it is.
   */
  keptScope: Record<string, string[]>;
  starts_on: string;
}

/** The fields of the form an API problem can name. */
export type GoalField = Exclude<keyof GoalForm, 'scope' | 'keptScope'> | 'scope' | 'form';

export interface MetricChoice {
  key: string;
  unit: 'tickets' | 'minutes' | 'percent' | 'score';
  aggregation: string;
  better: 'higher' | 'lower' | 'none';
}

export const isDuration = (metric: MetricChoice | undefined) => metric?.aggregation === 'duration';

export function emptyScope(): Record<FilterDimension, string[]> {
  return { team: [], channel: [], priority: [], provider: [], requester_kind: [] };
}

/** A new goal's fields for a metric: its natural statistic and the comparator its "better" direction implies. */
export function newGoalForm(metric: MetricChoice, startsOn: string): GoalForm {
  return {
    name: '',
    metric: metric.key,
    stat: isDuration(metric) ? 'p50' : 'value',
    variant: '',
    hours: 'calendar',
    comparator: metric.better === 'lower' ? '<=' : '>=',
    target: '',
    period: 'week',
    scope: emptyScope(),
    keptScope: {},
    starts_on: startsOn,
  };
}

/** The typed target in the metric's stored unit (minutes for durations), or null when it is not a number. */
export function targetValue(form: Pick<GoalForm, 'target'>, metric: MetricChoice | undefined): number | null {
  const text = form.target.trim().replace(',', '.');
  if (text === '') return null;
  const number = Number(text);
  if (!Number.isFinite(number)) return null;
  return isDuration(metric) ? hoursToMinutes(number) : number;
}

/** The scope as the API takes it: the kept scope, then each dimension limited to one value or more. */
export function scopeOf(form: Pick<GoalForm, 'scope' | 'keptScope'>): Record<string, string[]> {
  const scope: Record<string, string[]> = {};
  for (const [dimension, values] of Object.entries(form.keptScope)) scope[dimension] = [...values];
  for (const dimension of filterDimensions) if (form.scope[dimension].length > 0) scope[dimension] = [...form.scope[dimension]];
  return scope;
}

export interface GoalBodyFields {
  name: string;
  metric: string;
  stat: GoalStat;
  variant: string | null;
  hours: 'calendar' | 'business';
  comparator: Comparator;
  target: number;
  scope: Record<string, string[]>;
  period: GoalPeriodKind;
  starts_on: string;
}

/**
 * The body for POST / PUT. A target that is not a number is sent as NaN-free `null` would be rejected by the
 * API's schema, so the form's own check names the field first (`formProblem`).
 */
export function goalBody(form: GoalForm, metric: MetricChoice | undefined): GoalBodyFields | { field: GoalField; message: string } {
  const target = targetValue(form, metric);
  if (form.name.trim() === '') return { field: 'name', message: 'Give the goal a name.' };
  if (target === null) return { field: 'target', message: isDuration(metric) ? 'Type the target in hours, e.g. 4 or 0.5.' : 'Type the target as a number.' };
  return {
    name: form.name.trim(),
    metric: form.metric,
    stat: isDuration(metric) ? form.stat : 'value',
    variant: form.variant || null,
    hours: form.hours,
    comparator: form.comparator,
    target,
    scope: scopeOf(form),
    period: form.period,
    starts_on: form.starts_on,
  };
}

/** A stored goal back into the form's fields (minutes back to hours for a duration). */
export function formOfGoal(
  goal: { name: string; metric: string; stat: string; variant: string | null; hours: 'calendar' | 'business'; comparator: Comparator; target: number; scope: Record<string, string[]>; period: GoalPeriodKind; starts_on: string },
  metric: MetricChoice | undefined,
): GoalForm {
  const scope = emptyScope();
  const keptScope: Record<string, string[]> = {};
  for (const [dimension, values] of Object.entries(goal.scope)) {
    if ((filterDimensions as readonly string[]).includes(dimension)) scope[dimension as FilterDimension] = [...values];
    else keptScope[dimension] = [...values];
  }
  return {
    name: goal.name,
    metric: goal.metric,
    stat: goal.stat as GoalStat,
    variant: goal.variant ?? '',
    hours: goal.hours,
    comparator: goal.comparator,
    target: String(isDuration(metric) ? minutesToHours(goal.target) : goal.target),
    period: goal.period,
    scope,
    keptScope,
    starts_on: goal.starts_on,
  };
}

const fieldNames = new Set<string>(['name', 'metric', 'stat', 'variant', 'hours', 'comparator', 'target', 'period', 'starts_on', 'scope']);

/**
 * The form field an API problem is about: the first issue's `parameter` (validation failures), else the
 * "field: …" that starts its detail (the goal route's own checks), else the form as a whole. A scope
 * parameter (`scope.team`) belongs to the scope fields.
 */
export function problemField(problem: Problem): GoalField {
  const head = problemParameter(problem) ?? '';
  if (head === 'ends_on') return 'starts_on';
  return fieldNames.has(head) ? (head as GoalField) : 'form';
}

/** The first day of the week (Monday, as the API's weeks), month or quarter holding `day`. */
export function periodStartOf(period: GoalPeriodKind, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (period === 'week') return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  const month = period === 'month' ? date.getUTCMonth() : date.getUTCMonth() - (date.getUTCMonth() % 3);
  return new Date(Date.UTC(date.getUTCFullYear(), month, 1)).toISOString().slice(0, 10);
}

/**
 * The preview's periods: the `count` whole periods before the one still open on the day after `lastDay` (the newest
 * day of data), so neither end is a partial period that would read as a drop.
 */
export function previewRange(period: GoalPeriodKind, lastDay: string, count = 12): { from: string; to: string } {
  const next = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const to = periodStartOf(period, next);
  const toDate = new Date(`${to}T00:00:00Z`);
  const from =
    period === 'week'
      ? new Date(toDate.getTime() - count * 7 * 86_400_000).toISOString().slice(0, 10)
      : new Date(Date.UTC(toDate.getUTCFullYear(), toDate.getUTCMonth() - count * (period === 'month' ? 1 : 3), 1)).toISOString().slice(0, 10);
  return { from, to };
}
