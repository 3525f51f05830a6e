// One recurring problem's tickets per period, with the customers they came from and the trailing baseline the
// rising test compares this period against: a pure `trend → EChartsOption` builder. No DOM, no ECharts runtime:
// unit-tested in node (test/web/issue-trend.test.ts).
//
// Not colour alone: tickets are bars, customers a line with points; "this period" (the one the flags judge) is a
// shaded band labelled "this <grain>", and the baseline a dashed line labelled with its value.
//
// ## The chart's text description (aria-label)
//
//   <title>, <n> <grain>s from <first period> to <last period>. Tickets: <period> = <n>, …. Customers: <period> = <n>, ….
//   Baseline <mean> tickets per <grain>. This <grain> (<period>) <n> tickets.
//
// (one line; periods are ISO dates of the period's first day, counts plain numbers without digit grouping; the
// baseline sentence only when there is one, the last sentence only when this period is in the chart).
import type { EChartsOption } from 'echarts';
import type { Grain } from '$api/contracts';
import { csvText } from '../../../../../common/csv';
import { formatCount, formatPeriod, formatPeriodShort } from '../../format';
import type { DataTableModel } from '../chart-data';
import { OKABE_ITO, type ColorScheme } from '../palette';
import { CHART_FONT } from './metric-series';
import { periodTooltip } from './period-tooltip';

export interface IssueTrendPoint {
  /** First day of the period, `YYYY-MM-DD`. */
  period: string;
  tickets: number;
  customers: number;
}

export interface IssueTrendOptions {
  grain: Grain;
  /** First words of the description, e.g. "Tickets about payment · failed". */
  title: string;
  /** The period the flags judge (`period` of the answer); marked when it is in the chart. */
  current?: string | null;
  /** Mean tickets per period over the trailing baseline; null or undefined when there is none. */
  baseline?: number | null;
  scheme?: ColorScheme;
  animation?: boolean;
}

const GRAIN_PLURAL: Record<Grain, string> = { day: 'days', week: 'weeks', month: 'months', quarter: 'quarters' };
const BARS: Record<ColorScheme, string> = { light: OKABE_ITO.blue, dark: '#2F8FD0' };
const LINE: Record<ColorScheme, string> = { light: OKABE_ITO.vermillion, dark: '#FF8A50' };
const MUTED: Record<ColorScheme, string> = { light: '#3b4250', dark: '#d9dde3' };

/** A baseline mean as said and drawn: one decimal, no trailing ".0". */
export function formatBaseline(mean: number): string {
  return String(Math.round(mean * 10) / 10);
}

/** The text description the chart carries (its accessible name); format at the top of this file. */
export function describeIssueTrend(points: readonly IssueTrendPoint[], options: Pick<IssueTrendOptions, 'grain' | 'title' | 'current' | 'baseline'>): string {
  const { grain, title } = options;
  if (points.length === 0) return `${title}: no periods in the range.`;
  const span = `${points.length} ${points.length === 1 ? grain : GRAIN_PLURAL[grain]} from ${points[0]!.period} to ${points.at(-1)!.period}`;
  const list = (pick: (p: IssueTrendPoint) => number) => points.map((p) => `${p.period} = ${pick(p)}`).join(', ');
  const parts = [`${title}, ${span}.`, `Tickets: ${list((p) => p.tickets)}.`, `Customers: ${list((p) => p.customers)}.`];
  if (options.baseline !== null && options.baseline !== undefined) parts.push(`Baseline ${formatBaseline(options.baseline)} tickets per ${grain}.`);
  const current = points.find((p) => p.period === options.current);
  if (current) parts.push(`This ${grain} (${current.period}) ${current.tickets} tickets.`);
  return parts.join(' ');
}

export function buildIssueTrendOption(points: readonly IssueTrendPoint[], options: IssueTrendOptions): EChartsOption {
  const scheme = options.scheme ?? 'light';
  const muted = MUTED[scheme];
  const periods = points.map((p) => p.period);
  const hasCurrent = options.current !== null && options.current !== undefined && periods.includes(options.current);
  const hasBaseline = options.baseline !== null && options.baseline !== undefined;

  return {
    animation: options.animation ?? true,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true, label: { enabled: true, description: describeIssueTrend(points, options) } },
    legend: { top: 0, left: 0, data: ['Tickets', 'Customers'] },
    tooltip: periodTooltip((index) => {
      const point = points[index];
      if (!point) return '';
      const now = point.period === options.current ? ` (this ${options.grain})` : '';
      return `${formatPeriod(point.period, options.grain)}${now}<br>Tickets: ${formatCount(point.tickets)}<br>Customers: ${formatCount(point.customers)}`;
    }),
    grid: { top: 40, left: 8, right: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: periods,
      axisTick: { alignWithLabel: true },
      axisLabel: { formatter: (value: string) => formatPeriodShort(value, options.grain), hideOverlap: true },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatCount(value) } },
    series: [
      {
        name: 'Tickets',
        type: 'bar',
        barMaxWidth: 48,
        data: points.map((p) => p.tickets),
        itemStyle: { color: BARS[scheme] },
        ...(hasCurrent
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: scheme === 'dark' ? 'rgba(255,255,255,0.07)' : 'rgba(0,0,0,0.05)' },
                label: { show: true, position: 'insideTop', formatter: `this ${options.grain}`, color: muted },
                data: [[{ xAxis: options.current! }, { xAxis: options.current! }]],
              },
            }
          : {}),
        ...(hasBaseline
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', width: 2, color: muted },
                label: { position: 'insideStartTop', color: muted, formatter: `Baseline ${formatBaseline(options.baseline!)}` },
                data: [{ yAxis: options.baseline!, name: 'Baseline' }],
              },
            }
          : {}),
      },
      {
        name: 'Customers',
        type: 'line',
        data: points.map((p) => p.customers),
        showSymbol: true,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 2, color: LINE[scheme] },
        itemStyle: { color: LINE[scheme] },
      },
    ],
  } as EChartsOption;
}

/** The chart's numbers as its data table: a row per period (this period marked in its label). */
export function issueTrendTable(points: readonly IssueTrendPoint[], options: Pick<IssueTrendOptions, 'grain' | 'title' | 'current'>): DataTableModel {
  return {
    caption: options.title,
    rowHeader: options.grain[0]!.toUpperCase() + options.grain.slice(1),
    columns: [
      { label: 'Tickets', numeric: true },
      { label: 'Customers', numeric: true },
    ],
    rows: points.map((p) => ({
      label: `${formatPeriod(p.period, options.grain)}${p.period === options.current ? ` (this ${options.grain})` : ''}`,
      cells: [formatCount(p.tickets), formatCount(p.customers)],
    })),
  };
}

/** The same numbers as CSV: `period,tickets,customers`, a line per period, plain numbers. */
export function issueTrendCsv(points: readonly IssueTrendPoint[]): string {
  return csvText([['period', 'tickets', 'customers'], ...points.map((p) => [p.period, p.tickets, p.customers])]);
}
