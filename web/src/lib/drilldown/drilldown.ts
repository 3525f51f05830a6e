// What a drill-down lists: the tickets behind one chart point (or a headline figure, a distribution's bucket, a
// heatmap's cell) as the API's `GET /api/tickets` request, and how many there should be. Pure.
//
// A chart's click becomes a `Drilldown` through one of the functions below, then opens with
// `drillState.open(drilldown)` (./drill-state.svelte.ts: the drill-down lives in the URL, `?drill=`) and shows in
// the page's `<DrilldownHost />`:
//   - a period × group point of a metric series (MetricChartCard's `onpoint`): `pointDrilldown`;
//   - a figure over the whole view (a headline, a comparison cell): `figureDrilldown`;
//   - a duration's bucket ([from, to) minutes, DistributionCard's `onbucket`): `bucketDrilldown`;
//   - an hour × weekday cell of a duration heatmap (HeatmapCard's `oncell`): `cellDrilldown`;
//   - anything else narrower than the view (another chart's click): `narrowedDrilldown` with the days, filters and
//     narrowing the clicked mark stands for, and the count it shows.
import type { MetricInfo } from '$api/contracts';
import type { Stat } from '../api/series';
import type { ViewFilters } from '../api/view';
import { filterDimensions } from '../filters/filters';
import { formatRange } from '../format';
import type { MetricPoint } from '../metrics/metric-chart';

/** `GET /api/tickets` without its order and page. */
export interface DrilldownQuery {
  metric: string;
  stat?: Stat;
  variant?: string;
  hours: 'business' | 'calendar';
  /** Inclusive first day, exclusive last (the API's). */
  from: string;
  to: string;
  /** Every dimension the tickets are limited to (the view's filters and the point's group). */
  filters: Record<string, string[]>;
  /** Durations: only values of at least `from_minutes` and less than `to_minutes` (a distribution's bucket). */
  from_minutes?: number;
  to_minutes?: number;
  /** Only tickets created on this ISO weekday (1 = Monday) / hour (0–23) in their team's time zone (a heatmap cell). */
  weekday?: number;
  hour?: number;
  /** Survey metrics: only the tickets of answers with this score on this scale (a distribution's bar); both or neither. */
  score?: number;
  scale_max?: number;
}

/** What narrows a drill-down beyond the view's days and filters. */
export const narrowingKeys = ['from_minutes', 'to_minutes', 'weekday', 'hour', 'score', 'scale_max'] as const;
export type Narrowing = Pick<DrilldownQuery, (typeof narrowingKeys)[number]>;

/** A drill-down as a page shows it. */
export interface Drilldown {
  query: DrilldownQuery;
  /** "Tickets created, week of 6 Jan 2025, channel email"; "…, agent Ana Kovač" (a point's group by its name) */
  title: string;
  /** The tickets the point stands for: its value for a count, the tickets it was measured over otherwise. */
  expected: number;
  /** What `expected` is, for the table's header. */
  basis: 'value' | 'measured';
}

/** What of the chart the drill-down needs besides the point. */
export interface DrilldownSource {
  metric: Pick<MetricInfo, 'key' | 'label' | 'aggregation'>;
  stat?: Stat;
  variant?: string | null;
  view: ViewFilters;
}

function viewFilters(view: ViewFilters): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const name of filterDimensions) if (view.dimensions[name].length > 0) filters[name] = [...view.dimensions[name]];
  return filters;
}

function baseQuery(source: DrilldownSource, from: string, to: string): DrilldownQuery {
  return {
    metric: source.metric.key,
    ...(source.metric.aggregation === 'duration' && source.stat ? { stat: source.stat } : {}),
    ...(source.variant ? { variant: source.variant } : {}),
    hours: source.view.hours,
    from,
    to,
    filters: viewFilters(source.view),
  };
}

/** The drill-down of a chart point: the view narrowed to the point's days and, for a grouped chart, its group. */
export function pointDrilldown(source: DrilldownSource, point: MetricPoint): Drilldown {
  const query = baseQuery(source, point.from, point.to);
  if (point.by && point.group !== null) query.filters = { ...query.filters, [point.by]: [point.group] };
  const count = source.metric.aggregation === 'count';
  const group = point.by && point.group !== null ? `, ${point.by.replaceAll('_', ' ')} ${point.groupName ?? point.group}` : '';
  return {
    query,
    title: `${source.metric.label}, ${formatRange(point.from, point.to)}${group}`,
    expected: count && point.value !== null ? point.value : point.tickets,
    basis: count ? 'value' : 'measured',
  };
}

/** The drill-down of a headline figure: every ticket behind it over the whole view. */
export function figureDrilldown(source: DrilldownSource, tickets: number, value: number | null): Drilldown {
  const count = source.metric.aggregation === 'count';
  return {
    query: baseQuery(source, source.view.range.from, source.view.range.to),
    title: `${source.metric.label}, ${formatRange(source.view.range.from, source.view.range.to)}`,
    expected: count && value !== null ? value : tickets,
    basis: count ? 'value' : 'measured',
  };
}

/**
 * The general case: the view narrowed to `narrowing.from`..`to` (default the view's range), extra `filters` (each
 * replaces the view's filter on its dimension) and a cell or bucket. `expected` is the count the clicked mark shows:
 * its value for a count (`basis: 'value'`), else the tickets it was measured over.
 */
export function narrowedDrilldown(
  source: DrilldownSource,
  narrowing: Narrowing & { from?: string; to?: string; filters?: Record<string, string[]> },
  title: string,
  expected: number,
  basis: Drilldown['basis'],
): Drilldown {
  const { from, to, filters, ...rest } = narrowing;
  const query = baseQuery(source, from ?? source.view.range.from, to ?? source.view.range.to);
  if (filters) query.filters = { ...query.filters, ...filters };
  for (const [key, value] of Object.entries(rest) as [keyof Narrowing, number | undefined][]) if (value !== undefined) query[key] = value;
  return { query, title, expected, basis };
}

/** A distribution's bucket: the duration's tickets in [from_minutes, to_minutes) over the view; as many as the bar. */
export function bucketDrilldown(
  source: DrilldownSource,
  bucket: { label: string; from_minutes: number; to_minutes: number | null; tickets: number },
): Drilldown {
  const { from, to } = source.view.range;
  return narrowedDrilldown(
    source,
    { from_minutes: bucket.from_minutes, ...(bucket.to_minutes === null ? {} : { to_minutes: bucket.to_minutes }) },
    `${source.metric.label}: ${bucket.label}, ${formatRange(from, to)}`,
    bucket.tickets,
    'value',
  );
}

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** A heatmap cell: the tickets of its channel created on its weekday and hour (team's zone) over the view. */
export function cellDrilldown(source: DrilldownSource, cell: { channel: string; weekday: number; hour: number; tickets: number }): Drilldown {
  const { from, to } = source.view.range;
  return narrowedDrilldown(
    source,
    { filters: { channel: [cell.channel] }, weekday: cell.weekday, hour: cell.hour },
    `${source.metric.label}, ${cell.channel}, ${weekdays[cell.weekday - 1]}s ${clock(cell.hour)}–${clock((cell.hour + 1) % 24)}, ${formatRange(from, to)}`,
    cell.tickets,
    source.metric.aggregation === 'count' ? 'value' : 'measured',
  );
}

/** The header's sentence about the count. */
export function countNote(drilldown: Pick<Drilldown, 'basis'>, aggregation: MetricInfo['aggregation']): string {
  if (drilldown.basis === 'value') return 'equal to the point’s value';
  if (aggregation === 'rate') return 'the tickets the rate is measured over (its base)';
  if (aggregation === 'duration') return 'the tickets the statistic is measured over';
  if (aggregation === 'score') return 'the tickets the answers are about (each once; answers without a ticket are not listed)';
  return 'the tickets behind the point';
}
