// Stacked bars of a volume (tickets created, solved …) per period, one series per group
// (channel, team …): a pure `SeriesResponse → EChartsOption` builder, plus the CSV of the same
// numbers. No DOM, no ECharts runtime: unit-tested in node (test/web/volume-by-group.test.ts).
//
// ## The chart's text description (aria-label)
// `aria.label` below replaces ECharts' English sentence templates (echarts/lib/i18n/langEN.js,
// assembled by echarts/lib/visual/aria.js) so the container's `aria-label` reads naturally and can
// be parsed. ECharts writes it on the element the chart was initialised on, with `role="img"`:
//
//   <title>, <n> weeks from <first period> to <last period>. <k> series. <group>: <period> = <value>, <period> = <value>, …. <group>: ….
//
// e.g. for 2 weeks × 3 channels:
//
//   Tickets created per week, by channel, 2 weeks from 2025-01-06 to 2025-01-13. 3 series.
//   desk: 2025-01-06 = 12, 2025-01-13 = 10. phone: 2025-01-06 = 5, 2025-01-13 = 0.
//   email: 2025-01-06 = 3, 2025-01-13 = 7.
//
// (one line in the attribute). Series are in stacking order (`SeriesMatrix.groups`), every
// period is listed for every series (a missing row is `= 0`), periods are ISO dates of the
// period's first day, values are plain numbers without digit grouping. With a single series the
// "<k> series." sentence is left out. A group name with ". " or ": " in it would make the text
// ambiguous to a parser; channel names never have either.
import type { EChartsOption, TooltipComponentFormatterCallbackParams } from 'echarts';
import type { Grain, SeriesResponse } from '$api/contracts';
import { groupColour, isChannel, SURFACE, type ColorScheme } from '../palette';
import { toMatrix, type SeriesMatrix } from '../series-matrix';
import { csvText, type CsvValue } from '../../../../../common/csv';
import { formatCount, formatPeriod, formatPeriodShort, yearOf } from '../../format';

export interface VolumeByGroupOptions {
  /** Colour scheme the chart is drawn for (series colours, segment borders, PNG background). Default light. */
  scheme?: ColorScheme;
  /** First sentence of the text description; default the metric's label. */
  title?: string;
  /** Bar animations; turn off for `prefers-reduced-motion`. Default on. */
  animation?: boolean;
  /** File name (without extension) of the PNG the toolbox saves. */
  fileName?: string;
}

/** The app's system font stack (app.css `--font`), so chart text matches the page. */
const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

const GRAIN_PLURAL: Record<Grain, string> = { day: 'days', week: 'weeks', month: 'months', quarter: 'quarters' };

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function numeric(value: unknown): number {
  const v = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/**
 * The axis tooltip: the period, each shown series' value (in stacking order) and their total.
 * Series hidden through the legend are not in `params`, so the total is of what is shown.
 */
export function volumeTooltipFormatter(matrix: SeriesMatrix) {
  return (params: TooltipComponentFormatterCallbackParams): string => {
    const items = Array.isArray(params) ? params : [params];
    const first = items[0];
    if (!first) return '';
    const period = matrix.periods[first.dataIndex];
    const heading = period === undefined ? String(first.name ?? '') : formatPeriod(period, matrix.grain);
    let total = 0;
    const lines = items.map((item) => {
      const value = numeric(item.value);
      total += value;
      return (
        `<tr><td style="padding:1px 12px 1px 0">${item.marker ?? ''}${escapeHtml(item.seriesName ?? '')}</td>` +
        `<td style="text-align:right;font-variant-numeric:tabular-nums">${formatCount(value)}</td></tr>`
      );
    });
    return (
      `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(heading)}</div>` +
      `<table style="border-collapse:collapse">${lines.join('')}` +
      `<tr style="border-top:1px solid currentColor"><td style="padding:2px 12px 0 0;font-weight:600">Total</td>` +
      `<td style="text-align:right;padding-top:2px;font-weight:600;font-variant-numeric:tabular-nums">${formatCount(total)}</td></tr>` +
      `</table>`
    );
  };
}

/** Axis label of period `index`: "6 Jan", with the year under the first label and where the year changes. */
export function periodAxisLabel(matrix: SeriesMatrix) {
  return (value: string, index: number): string => {
    const short = formatPeriodShort(value, matrix.grain);
    const previous = index > 0 ? matrix.periods[index - 1] : undefined;
    const year = yearOf(value);
    const showYear = previous === undefined || yearOf(previous) !== year;
    return showYear && year !== null ? `${short}\n${year}` : short;
  };
}

export function buildVolumeByGroupOption(response: SeriesResponse, opts: VolumeByGroupOptions = {}): EChartsOption {
  const scheme = opts.scheme ?? 'light';
  const matrix = toMatrix(response);
  const title = opts.title ?? response.metric.label;
  const { periods, groups } = matrix;
  const first = periods[0];
  const last = periods[periods.length - 1];
  const rangeText =
    first === undefined || last === undefined
      ? 'no periods'
      : `${periods.length} ${periods.length === 1 ? response.grain : GRAIN_PLURAL[response.grain]} from ${first} to ${last}`;

  let otherIndex = 0;
  const colours = groups.map((g) => groupColour(g, scheme, isChannel(g) ? 0 : otherIndex++));

  return {
    animation: opts.animation ?? true,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: CHART_FONT },
    color: colours,
    aria: {
      enabled: true,
      label: {
        enabled: true,
        general: { withoutTitle: `${title}, ${rangeText}.` },
        series: {
          maxCount: Math.max(groups.length, 1),
          single: { prefix: '', withName: ' {seriesName}: ', withoutName: ' ' },
          multiple: {
            prefix: ' {seriesCount} series.',
            withName: ' {seriesName}: ',
            withoutName: ' ',
            separator: { middle: '', end: '' },
          },
        },
        data: {
          maxCount: Math.max(periods.length, 1),
          allData: '',
          partialData: '',
          withName: '{name} = {value}',
          withoutName: '{value}',
          // Only the bar's own value. A stacked bar's data on a category axis has the dimensions
          // [0] category index, [1] value, [2] stack top and [3] stack base (checked by rendering
          // with ECharts 6.1: without this the label reads "= 5, 17, 12").
          excludeDimensionId: [0, 2, 3],
          separator: { middle: ', ', end: '.' },
        },
      },
    },
    legend: { top: 0, left: 0, type: 'scroll', itemGap: 14, data: groups },
    toolbox: {
      top: 0,
      right: 0,
      feature: {
        saveAsImage: {
          type: 'png',
          title: 'Save as PNG',
          name: opts.fileName ?? 'chart',
          pixelRatio: 2,
          backgroundColor: SURFACE[scheme],
        },
      },
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      textStyle: { fontFamily: CHART_FONT },
      formatter: volumeTooltipFormatter(matrix),
    },
    grid: { top: 40, left: 8, right: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: periods,
      axisTick: { alignWithLabel: true },
      axisLabel: { formatter: periodAxisLabel(matrix), hideOverlap: true, lineHeight: 16 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { formatter: (value: number) => formatCount(value) },
    },
    series: groups.map((group, g) => ({
      type: 'bar' as const,
      name: group,
      stack: 'total',
      data: matrix.values[g] ?? [],
      barMaxWidth: 56,
      itemStyle: { color: colours[g], borderColor: SURFACE[scheme], borderWidth: 1 },
    })),
  };
}

/**
 * The chart's numbers as CSV, one line per period and group (long format, zeros included):
 * `<grain>_start,<by>,<metric key>,tickets`, e.g. `week_start,channel,created,tickets`.
 * Without a group dimension the `<by>` column is left out.
 */
export function toCsv(response: SeriesResponse): string {
  const matrix = toMatrix(response);
  const grouped = response.by !== null;
  const header: CsvValue[] = [`${response.grain}_start`, ...(grouped ? [response.by] : []), response.metric.key, 'tickets'];
  const lines: CsvValue[][] = [header];
  matrix.periods.forEach((period, p) => {
    matrix.groups.forEach((group, g) => {
      lines.push([period, ...(grouped ? [group] : []), matrix.values[g]?.[p] ?? 0, matrix.tickets[g]?.[p] ?? 0]);
    });
  });
  return csvText(lines);
}
