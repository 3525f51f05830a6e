// What an implemented suggestion changed (GET /api/suggestions/:id/impact): the weekly values before and after the
// day it went live, as a pure `impact → EChartsOption` builder. No DOM, no ECharts runtime: unit-tested in node
// (test/web/suggestion-impact.test.ts).
//
// Not colour alone: the weeks before and after are two named series (legend "Before", "After") on either side of a
// shaded band over the weeks after, labelled "live <date>"; each side's median is a dashed line over its own weeks, labelled.
//
// ## The chart's text description (aria-label)
//
//   <label>, <n> weeks before and <n> after <implemented_on>. Before: <week> = <value>, …. After: <week> = <value>, ….
//   Median before <m>, after <m>.
//
// (one line; weeks are the ISO dates of their Mondays, values plain numbers, a week without a value "no value"; the
// median sentence only when the API measured a change.)
import type { EChartsOption } from 'echarts';
import type { SuggestionImpactResponse } from '$api/contracts';
import { csvText } from '../../../../../common/csv';
import { formatDate, formatPeriod, formatPeriodShort } from '../../format';
import type { DataTableModel } from '../chart-data';
import { OKABE_ITO, type ColorScheme } from '../palette';
import { periodTooltip } from './period-tooltip';
import { CHART_FONT } from './metric-series';

type Impact = Pick<SuggestionImpactResponse, 'before' | 'after' | 'implemented_on' | 'change' | 'source'>;

const BEFORE: Record<ColorScheme, string> = { light: '#8A8A8A', dark: '#9E9E9E' };
const AFTER: Record<ColorScheme, string> = { light: OKABE_ITO.blue, dark: '#2F8FD0' };
const MUTED: Record<ColorScheme, string> = { light: '#3b4250', dark: '#d9dde3' };

const valueText = (value: number | null) => (value === null ? 'no value' : String(value));

/** The text description the chart carries (its accessible name); format at the top of this file. */
export function describeImpact(impact: Impact): string {
  const label = impact.source?.label ?? 'Weekly values';
  const list = (weeks: Impact['before']) => weeks.map((w) => `${w.week} = ${valueText(w.value)}`).join(', ');
  const parts = [
    `${label}, ${impact.before.length} weeks before and ${impact.after.length} after ${impact.implemented_on ?? 'the change'}.`,
    `Before: ${list(impact.before) || 'none'}.`,
    `After: ${list(impact.after) || 'none'}.`,
  ];
  if (impact.change) parts.push(`Median before ${impact.change.before_median}, after ${impact.change.after_median}.`);
  return parts.join(' ');
}

export function buildImpactOption(impact: Impact, options: { scheme?: ColorScheme; animation?: boolean } = {}): EChartsOption {
  const scheme = options.scheme ?? 'light';
  const muted = MUTED[scheme];
  const all = [...impact.before, ...impact.after];
  const weeks = all.map((w) => w.week);
  const before = impact.before.length;
  // Each side is its own series over the shared axis: null outside its weeks, so the two never share a bar slot.
  const side = (after: boolean) => all.map((w, i) => (i >= before === after ? w.value : null));
  const change = impact.change;
  const bothSides = before > 0 && impact.after.length > 0;
  const medianLine = (median: number, from: number, to: number, name: string) => ({
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', width: 2, color: muted },
      label: { position: 'insideStartTop', color: muted, formatter: `${name} ${median}` },
      data: [[{ name, coord: [weeks[from]!, median] }, { coord: [weeks[to]!, median] }]],
    },
  });
  const live = impact.implemented_on;

  return {
    animation: options.animation ?? true,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true, label: { enabled: true, description: describeImpact(impact) } },
    legend: { top: 0, left: 0, data: ['Before', 'After'] },
    tooltip: periodTooltip((index) => {
      const week = all[index];
      return week ? `${formatPeriod(week.week, 'week')} (${index < before ? 'before' : 'after'})<br>${valueText(week.value)}` : '';
    }),
    grid: { top: 40, left: 8, right: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: weeks,
      axisTick: { alignWithLabel: true },
      axisLabel: { formatter: (value: string) => formatPeriodShort(value, 'week'), hideOverlap: true },
    },
    // Ticket counts are whole numbers: no 0.2-ticket gridlines.
    yAxis: { type: 'value', ...(impact.source?.unit === 'tickets' ? { minInterval: 1 } : {}) },
    series: [
      {
        name: 'Before',
        type: 'bar',
        stack: 'weeks',
        barMaxWidth: 40,
        data: side(false),
        itemStyle: { color: BEFORE[scheme] },
        ...(change && bothSides ? medianLine(change.before_median, 0, before - 1, 'Median before') : {}),
      },
      {
        name: 'After',
        type: 'bar',
        stack: 'weeks',
        barMaxWidth: 40,
        data: side(true),
        itemStyle: { color: AFTER[scheme] },
        ...(change && bothSides ? medianLine(change.after_median, before, weeks.length - 1, 'Median after') : {}),
        // The weeks after it went live, shaded and labelled with the day (the week it went live is left out).
        ...(live && bothSides
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: scheme === 'dark' ? 'rgba(255,255,255,0.06)' : 'rgba(0,0,0,0.04)' },
                // Above the plot, where no bar can hide it.
                label: { show: true, position: 'top', formatter: `live ${formatDate(live)} →`, color: muted },
                data: [[{ xAxis: weeks[before]! }, { xAxis: weeks.at(-1)! }]],
              },
            }
          : {}),
      },
    ],
  } as EChartsOption;
}

/** The chart's numbers as its data table: a row per week, said to be before or after. */
export function impactTable(impact: Impact): DataTableModel {
  return {
    caption: impact.source?.label ?? 'Weekly values',
    rowHeader: 'Week',
    columns: [
      { label: 'Side', numeric: false },
      { label: 'Value', numeric: true },
    ],
    rows: [...impact.before.map((w) => ({ w, side: 'before' })), ...impact.after.map((w) => ({ w, side: 'after' }))].map(({ w, side }) => ({
      label: formatPeriod(w.week, 'week'),
      cells: [side, valueText(w.value)],
    })),
  };
}

/** The same numbers as CSV: `week,side,value`, a line per week (an empty value for a week without one). */
export function impactCsv(impact: Impact): string {
  return csvText([['week', 'side', 'value'], ...impact.before.map((w) => [w.week, 'before', w.value ?? '']), ...impact.after.map((w) => [w.week, 'after', w.value ?? ''])]);
}
