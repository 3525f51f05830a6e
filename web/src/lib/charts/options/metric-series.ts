// A metric per period as bars (stacked for counts) or lines, one series per group (channel, team …): a pure
// `SeriesResponse → EChartsOption` builder. No DOM, no ECharts runtime: unit-tested in node
// (test/web/metric-series.test.ts). The CSV and data table of the same numbers are in ../chart-data.ts.
//
// ## Partial periods
// A period only partly covered by the range or the data (`coverage`, ../partial.ts) is drawn faded with stripes
// (bars) or a hollow point (lines), under a shaded band labelled "partial", and its tooltip says how many days
// it holds, so that its smaller value does not read as a drop.
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
// (one line in the attribute). Series are in display order (`SeriesMatrix.groups`), named by `groupLabel` (a
// team's or provider's name; a channel is its id), every
// period is listed for every series (a missing count is `= 0`, a missing median or rate `= -`), periods are ISO
// dates of the period's first day, values are plain numbers without digit grouping. With a single series the
// "<k> series." sentence is left out. A group name with ". " or ": " in it would make the text
// ambiguous to a parser; channel names never have either.
import type { EChartsOption, TooltipComponentFormatterCallbackParams } from 'echarts';
import type { Grain, SeriesResponse } from '$api/contracts';
import { groupColour, hasFixedColour, SURFACE, type ColorScheme } from '../palette';
import type { PeriodCoverage } from '../partial';
import { toMatrix, type SeriesMatrix } from '../series-matrix';
import { formatPeriod, formatPeriodShort, formatValue, yearOf, type Unit } from '../../format';

export type ChartKind = 'bar' | 'line';

export interface MetricSeriesOptions {
  /** Bars or lines; default bars for counts, lines for everything else. */
  kind?: ChartKind;
  /** Stack the groups' bars; default true for counts drawn as bars (a stack of medians means nothing). */
  stacked?: boolean;
  /** Colour scheme the chart is drawn for (series colours, segment borders, PNG background). Default light. */
  scheme?: ColorScheme;
  /** First sentence of the text description; default the metric's label. */
  title?: string;
  /** Animations; turn off for `prefers-reduced-motion`. Default on. */
  animation?: boolean;
  /** Per period (same order as the matrix's periods): how much of it is counted. */
  coverage?: readonly PeriodCoverage[];
  /** Horizontal target lines (a matching goal's target), dashed, labelled. */
  targets?: readonly { label: string; value: number }[];
  /**
   * The same measure over the period before, period by period (index i beside this range's period i), drawn as a
   * dashed grey line named `previousLabel`. Not clickable: its tickets are another range's.
   */
  previous?: readonly (number | null)[];
  previousLabel?: string;
  /** A group's name in the legend, tooltip and text description (`valueName`: "In-house" for `in_house`); default the id. */
  groupLabel?: (group: string) => string;
}

/** The app's system font stack (app.css `--font`), so chart text matches the page. */
export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

const GRAIN_PLURAL: Record<Grain, string> = { day: 'days', week: 'weeks', month: 'months', quarter: 'quarters' };

/** The default kind of chart for a metric: volumes as bars, the rest as lines. */
export function defaultKind(response: Pick<SeriesResponse, 'metric'>): ChartKind {
  return response.metric.aggregation === 'count' ? 'bar' : 'line';
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function numeric(value: unknown): number | null {
  const v = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** "partial: 3 of 7 days" */
export function partialNote(coverage: PeriodCoverage | undefined): string | null {
  if (!coverage?.partial) return null;
  return `partial: ${coverage.days} of ${coverage.of} ${coverage.of === 1 ? 'day' : 'days'}`;
}

export interface TooltipSettings {
  unit: Unit;
  /** Add a total line (stacked counts). */
  total: boolean;
  coverage?: readonly PeriodCoverage[];
}

/**
 * The axis tooltip: the period (and whether it is partial), each shown series' value in display order, and for
 * stacked counts their total. Series hidden through the legend are not in `params`, so the total is of what is shown.
 */
export function seriesTooltipFormatter(matrix: SeriesMatrix, settings: TooltipSettings = { unit: 'tickets', total: true }) {
  return (params: TooltipComponentFormatterCallbackParams): string => {
    const items = Array.isArray(params) ? params : [params];
    const first = items[0];
    if (!first) return '';
    const period = matrix.periods[first.dataIndex];
    const heading = period === undefined ? String(first.name ?? '') : formatPeriod(period, matrix.grain);
    const note = partialNote(settings.coverage?.[first.dataIndex]);
    let total = 0;
    const lines = items.map((item) => {
      const value = numeric(item.value);
      // Only the groups add up; a comparison series after them (the period before) is not part of the total.
      if ((item.seriesIndex ?? 0) < matrix.groups.length) total += value ?? 0;
      return (
        `<tr><td style="padding:1px 12px 1px 0">${item.marker ?? ''}${escapeHtml(item.seriesName ?? '')}</td>` +
        `<td style="text-align:right;font-variant-numeric:tabular-nums">${formatValue(value, settings.unit)}</td></tr>`
      );
    });
    const totalLine = settings.total
      ? `<tr style="border-top:1px solid currentColor"><td style="padding:2px 12px 0 0;font-weight:600">Total</td>` +
        `<td style="text-align:right;padding-top:2px;font-weight:600;font-variant-numeric:tabular-nums">${formatValue(total, settings.unit)}</td></tr>`
      : '';
    return (
      `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(heading)}</div>` +
      (note ? `<div style="font-style:italic;margin-bottom:4px">${escapeHtml(note)}</div>` : '') +
      `<table style="border-collapse:collapse">${lines.join('')}${totalLine}</table>`
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

/** Stripes over a partial period's bar (ECharts decal), so "partial" does not rest on colour alone. */
const partialDecal = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: 'rgba(128,128,128,0.55)' };

/** Runs of consecutive partial periods as [first, last] period pairs, for the shaded bands. */
function partialBands(periods: readonly string[], coverage: readonly PeriodCoverage[] | undefined): [string, string][] {
  const bands: [string, string][] = [];
  periods.forEach((period, p) => {
    if (!coverage?.[p]?.partial) return;
    const last = bands[bands.length - 1];
    if (last && coverage[p - 1]?.partial) last[1] = period;
    else bands.push([period, period]);
  });
  return bands;
}

export function buildMetricSeriesOption(response: SeriesResponse, opts: MetricSeriesOptions = {}): EChartsOption {
  const scheme = opts.scheme ?? 'light';
  const kind = opts.kind ?? defaultKind(response);
  const matrix = toMatrix(response);
  const stacked = kind === 'bar' && (opts.stacked ?? matrix.additive);
  const title = opts.title ?? response.metric.label;
  const unit = response.metric.unit;
  const coverage = opts.coverage;
  const { periods, groups } = matrix;
  const first = periods[0];
  const last = periods[periods.length - 1];
  const rangeText =
    first === undefined || last === undefined
      ? 'no periods'
      : `${periods.length} ${periods.length === 1 ? response.grain : GRAIN_PLURAL[response.grain]} from ${first} to ${last}`;

  let otherIndex = 0;
  const colours = groups.map((g) => groupColour(g, scheme, hasFixedColour(g) ? 0 : otherIndex++));
  const names = groups.map((g) => opts.groupLabel?.(g) ?? g);
  const bands = partialBands(periods, coverage);

  const series = groups.map((_, g) => {
    const data = (matrix.values[g] ?? []).map((value, p) => {
      if (!coverage?.[p]?.partial) return value;
      return kind === 'bar'
        ? { value, itemStyle: { opacity: 0.55, decal: partialDecal } }
        : { value, symbol: 'emptyCircle', symbolSize: 9 };
    });
    const common = {
      name: names[g],
      data,
      ...(g === 0 && bands.length > 0
        ? {
            markArea: {
              silent: true,
              itemStyle: { color: scheme === 'dark' ? 'rgba(255,255,255,0.06)' : 'rgba(0,0,0,0.045)' },
              label: { show: true, position: 'insideTop' as const, formatter: 'partial', color: scheme === 'dark' ? '#a3acba' : '#596170' },
              data: bands.map(([from, to]) => [{ xAxis: from }, { xAxis: to }] as [{ xAxis: string }, { xAxis: string }]),
            },
          }
        : {}),
    };
    return kind === 'bar'
      ? {
          ...common,
          type: 'bar' as const,
          ...(stacked ? { stack: 'total' } : {}),
          barMaxWidth: 56,
          itemStyle: { color: colours[g], borderColor: SURFACE[scheme], borderWidth: 1 },
        }
      : {
          ...common,
          type: 'line' as const,
          connectNulls: false,
          showSymbol: true,
          symbolSize: 6,
          lineStyle: { width: 2 },
          itemStyle: { color: colours[g] },
        };
  });

  const targets = opts.targets ?? [];
  if (targets.length > 0 && series[0]) {
    const muted = scheme === 'dark' ? '#d9dde3' : '#3b4250';
    (series[0] as Record<string, unknown>).markLine = {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', width: 2, color: muted },
      label: { position: 'insideEndTop', color: muted, formatter: (p: { name?: string }) => p.name ?? '' },
      data: targets.map((target) => ({ name: `Target ${formatValue(target.value, unit)}`, yAxis: target.value })),
    };
  }
  const allSeries: unknown[] = [...series];
  const legend = [...names];
  if (opts.previous) {
    const name = opts.previousLabel ?? 'Previous period';
    legend.push(name);
    allSeries.push({
      name,
      type: 'line',
      silent: true,
      data: periods.map((_, p) => opts.previous?.[p] ?? null),
      connectNulls: false,
      showSymbol: false,
      lineStyle: { type: 'dashed', width: 2 },
      itemStyle: { color: scheme === 'dark' ? '#a3acba' : '#596170' },
      tooltip: { show: true },
    });
  }

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
          maxCount: Math.max(allSeries.length, 1),
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
          excludeDimensionId: stacked ? [0, 2, 3] : [0],
          separator: { middle: ', ', end: '.' },
        },
      },
    },
    legend: { top: 0, left: 0, right: 0, type: 'scroll', itemGap: 14, data: legend },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: kind === 'bar' ? 'shadow' : 'line' },
      confine: true,
      textStyle: { fontFamily: CHART_FONT },
      formatter: seriesTooltipFormatter(matrix, { unit, total: stacked && groups.length > 0, coverage }),
    },
    grid: { top: 40, left: 8, right: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: periods,
      boundaryGap: true,
      axisTick: { alignWithLabel: true },
      axisLabel: { formatter: periodAxisLabel(matrix), hideOverlap: true, lineHeight: 16 },
    },
    yAxis: {
      type: 'value',
      ...(unit === 'tickets' ? { minInterval: 1 } : {}),
      axisLabel: { formatter: (value: number) => formatValue(value, unit) },
    },
    series: allSeries,
  } as EChartsOption;
}
