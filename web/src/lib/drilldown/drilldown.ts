// What a drill-down lists: the tickets behind one chart point (or a headline figure) as the API's
// `GET /api/tickets` request, and how many there should be. Pure.
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
  /** Survey metrics: only the tickets of answers with this score on this scale (a distribution's bar); both or neither. */
  score?: number;
  scale_max?: number;
}

/** A drill-down as a page shows it. */
export interface Drilldown {
  query: DrilldownQuery;
  /** "Tickets created, week of 6 Jan 2025, channel email" */
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
  const group = point.by && point.group !== null ? `, ${point.by.replaceAll('_', ' ')} ${point.group}` : '';
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

/** Whether the metric's tickets can be listed (every metric can: a survey's are the tickets its answers are about). */
export function canDrill(_metric: Pick<MetricInfo, 'aggregation'>): boolean {
  return true;
}

/** The header's sentence about the count. */
export function countNote(drilldown: Pick<Drilldown, 'basis'>, aggregation: MetricInfo['aggregation']): string {
  if (drilldown.basis === 'value') return 'equal to the point’s value';
  if (aggregation === 'rate') return 'the tickets the rate is measured over (its base)';
  if (aggregation === 'duration') return 'the tickets the statistic is measured over';
  if (aggregation === 'score') return 'the tickets the answers are about (each once; answers without a ticket are not listed)';
  return 'the tickets behind the point';
}
