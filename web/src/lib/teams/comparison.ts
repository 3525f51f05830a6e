// Teams, providers, channels or requester kinds side by side on the key metrics: one row per group, each figure
// the overview's headline for the view narrowed to that group (exact over the range, not a mean of periods).
// Pure: the groups to ask for, and the table of their answers.
import type { OverviewResponse } from '$api/contracts';
import type { DataTableModel } from '../charts/chart-data';
import { figureDrilldown, type Drilldown } from '../drilldown/drilldown';
import type { FilterDimension } from '../filters/filters';
import { fixedOptions, type FilterOption } from '../filters/options';
import { formatCount, formatRange, formatValue } from '../format';
import type { ViewFilters } from '../api/view';

/** The key metrics compared (headline keys of `GET /api/overview`), in the order PRODUCT.md §1 gives. */
export const comparedMetrics = [
  'first_response_time', 'resolution_time', 'first_contact_resolution', 'escalation_rate', 'sla_first_response_attainment', 'csat',
] as const;

export type CompareBy = Extract<FilterDimension, 'team' | 'provider' | 'channel' | 'requester_kind'>;
export const compareChoices: { value: CompareBy; label: string; rowHeader: string }[] = [
  { value: 'team', label: 'Teams', rowHeader: 'Team' },
  { value: 'provider', label: 'Providers', rowHeader: 'Provider' },
  { value: 'channel', label: 'Channels', rowHeader: 'Channel' },
  { value: 'requester_kind', label: 'Internal vs external', rowHeader: 'Customers' },
];

export function isCompareBy(value: string | null): value is CompareBy {
  return compareChoices.some((choice) => choice.value === value);
}

/** The groups to compare: every value of the dimension, or only those the global filter keeps. */
export function comparedGroups(by: CompareBy, view: Pick<ViewFilters, 'dimensions'>, teams: readonly FilterOption[]): FilterOption[] {
  const all = by === 'team' ? teams : fixedOptions[by];
  const kept = view.dimensions[by];
  return kept.length === 0 ? [...all] : all.filter((option) => kept.includes(option.value));
}

/** The view narrowed to one group. */
export function viewOfGroup(view: ViewFilters, by: CompareBy, value: string): ViewFilters {
  return { ...view, dimensions: { ...view.dimensions, [by]: [value] } };
}

export interface GroupFigures {
  group: FilterOption;
  headline: OverviewResponse['headline'];
}

/** The comparison as a table: a row per group with its tickets created, then each key metric in its unit. */
export function comparisonTable(by: CompareBy, rows: readonly GroupFigures[], caption: string): DataTableModel {
  const first = rows[0]?.headline ?? [];
  const label = (key: string) => first.find((figure) => figure.key === key)?.metric.label ?? key;
  return {
    caption,
    rowHeader: compareChoices.find((choice) => choice.value === by)!.rowHeader,
    columns: [{ label: 'Tickets created', numeric: true }, ...comparedMetrics.map((key) => ({ label: label(key), numeric: true }))],
    rows: rows.map(({ group, headline }) => {
      const figure = (key: string) => headline.find((f) => f.key === key);
      const created = figure('created');
      return {
        label: group.label,
        cells: [
          formatCount(created?.value ?? 0),
          ...comparedMetrics.map((key) => {
            const f = figure(key);
            return f ? formatValue(f.value, f.metric.unit) : '–';
          }),
        ],
        partial: false,
      };
    }),
  };
}

export type GroupFigure = GroupFigures['headline'][number];

/** The figure in a comparison table's cell: column 0 is tickets created, then `comparedMetrics` in order. */
export function comparisonFigure(rows: readonly GroupFigures[], row: number, column: number): GroupFigure | null {
  const key = column === 0 ? 'created' : comparedMetrics[column - 1];
  return rows[row]?.headline.find((figure) => figure.key === key) ?? null;
}

/**
 * Whether a cell's tickets can be listed: a figure of tickets with some behind it. A survey figure counts answers, and
 * its group's drill-down would list fewer tickets than the figure shows (a ticket with two answers is listed once).
 */
export function canDrillFigure(figure: GroupFigure | null): figure is GroupFigure {
  return figure !== null && figure.metric.aggregation !== 'score' && figure.tickets > 0;
}

/** The tickets behind one group's figure: the view narrowed to the group, over its whole range. */
export function groupFigureDrilldown(view: ViewFilters, by: CompareBy, group: FilterOption, figure: GroupFigure): Drilldown {
  const drilldown = figureDrilldown({ metric: figure.metric, stat: figure.stat ?? undefined, view: viewOfGroup(view, by, group.value) }, figure.tickets, figure.value);
  return { ...drilldown, title: `${figure.metric.label}, ${group.label}, ${formatRange(view.range.from, view.range.to)}` };
}
