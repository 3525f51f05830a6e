// The explorer's choices in the URL (`?metric=first_response_time&stat=p90&grain=month&by=channel`), beside the
// global filters (../filters/filters.ts keeps parameters it does not own). Pure: any query string, shared or
// hand-edited, reads into valid choices; writing leaves defaults out so a plain link stays plain.
import type { Grain } from '$api/contracts';
import type { Stat } from '../api/series';
import type { ChartKind } from '../charts/options/metric-series';
import { addDays, parseIsoDate } from '../format';
import type { DayRange } from '../filters/presets';

/**
 * The dimensions the API groups by (sql/metrics/dimensions.ts `dimensionNames`; the API exposes them only as the
 * `by` enum of its OpenAPI document). test/web/explore-params.test.ts fails when the two lists drift apart.
 */
export const groupDimensions = ['team', 'channel', 'priority', 'category', 'provider', 'agent', 'requester_kind', 'organization', 'issue'] as const;

export const grainChoices: readonly Grain[] = ['day', 'week', 'month', 'quarter'];
export const statChoices: readonly Stat[] = ['p50', 'p90', 'mean'];
export const statLabels: Record<Stat, string> = { p50: 'Median (p50)', p90: '90th percentile (p90)', mean: 'Mean' };

export interface ExplorerChoice {
  metric: string;
  stat: Stat;
  grain: Grain;
  /** A dimension to group by, or null for one series. */
  by: string | null;
  /** A rate's preset, or null for its default definition. */
  variant: string | null;
  /** Null: the metric's default kind (bars for counts, lines for the rest). */
  kind: ChartKind | null;
}

/** The explorer opens on tickets created per week by channel (the dashboard's first chart); `by=none` is one series. */
export const defaultChoice: ExplorerChoice = { metric: 'created', stat: 'p50', grain: 'week', by: 'channel', variant: null, kind: null };

/** The parameters this module owns, in the order they are written. */
export const explorerParamNames = ['metric', 'stat', 'grain', 'by', 'variant', 'chart'] as const;

/** What the registry says about the metrics, as far as reading a URL needs it. */
export interface MetricChoices {
  /** Known keys; an unknown `metric=` falls back to the default. */
  keys: readonly string[];
  /** A rate's preset names by metric key. */
  variants?: Readonly<Record<string, readonly string[]>>;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The explorer's choices in `params`; anything unknown falls back to its default. */
export function choiceFromQuery(params: URLSearchParams, registry?: MetricChoices): ExplorerChoice {
  const metricParam = params.get('metric');
  const metric = metricParam && (!registry || registry.keys.includes(metricParam)) ? metricParam : defaultChoice.metric;
  const variantParam = params.get('variant');
  const variant = variantParam && (!registry || (registry.variants?.[metric] ?? []).includes(variantParam)) ? variantParam : null;
  return {
    metric,
    stat: oneOf(params.get('stat'), statChoices) ?? defaultChoice.stat,
    grain: oneOf(params.get('grain'), grainChoices) ?? defaultChoice.grain,
    by: params.get('by') === 'none' ? null : (oneOf(params.get('by'), groupDimensions) ?? defaultChoice.by),
    variant,
    kind: oneOf(params.get('chart'), ['bar', 'line'] as const),
  };
}

/**
 * `params` with the explorer's parameters replaced by `choice` (defaults left out) and every other parameter
 * (the global filters, another page's) kept in its place.
 */
export function choiceToQuery(choice: ExplorerChoice, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of params) if (!(explorerParamNames as readonly string[]).includes(name)) out.append(name, value);
  if (choice.metric !== defaultChoice.metric) out.set('metric', choice.metric);
  if (choice.stat !== defaultChoice.stat) out.set('stat', choice.stat);
  if (choice.grain !== defaultChoice.grain) out.set('grain', choice.grain);
  if (choice.by !== defaultChoice.by) out.set('by', choice.by ?? 'none');
  if (choice.variant) out.set('variant', choice.variant);
  if (choice.kind) out.set('chart', choice.kind);
  return out;
}

const DAY_MS = 86_400_000;

/**
 * The period before `range`, as long as it and ending where it starts (`from` inclusive, `to` exclusive), as
 * `/api/overview` compares its headline figures.
 */
export function previousRange(range: DayRange): DayRange | null {
  const from = parseIsoDate(range.from);
  const to = parseIsoDate(range.to);
  if (!from || !to || to <= from) return null;
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  return { from: addDays(range.from, -days), to: range.from };
}
