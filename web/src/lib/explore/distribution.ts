// A duration's distribution (`GET /api/metrics/:key/distribution`): its buckets as a bar chart, the same numbers
// as a table and CSV, and its median, p90 and mean. Pure: no DOM, no ECharts runtime.
import type { EChartsOption } from 'echarts';
import type { DistributionResponse } from '$api/contracts';
import { csvText } from '../../../../common/csv';
import type { DataTableModel } from '../charts/chart-data';
import type { ColorScheme } from '../charts/palette';
import { formatCount, formatValue } from '../format';

export interface DurationStats {
  p50: number | null;
  p90: number | null;
  mean: number | null;
}

export type DistributionBucket = DistributionResponse['buckets'][number];

/** "38 %" of the measured tickets, rounded; "–" without any. */
export function shareText(tickets: number, of: number): string {
  return of > 0 ? `${Math.round((tickets / of) * 100)} %` : '–';
}

const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

/** Bars of tickets per bucket, with dashed lines where the median, p90 and mean fall (by interpolation between buckets' edges). */
export function distributionOption(buckets: readonly DistributionBucket[], title: string, scheme: ColorScheme = 'light', animation = true): EChartsOption {
  const bar = scheme === 'dark' ? '#56b4e9' : '#0072b2';
  return {
    animation,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: CHART_FONT },
    aria: {
      enabled: true,
      label: {
        enabled: true,
        general: { withoutTitle: `${title}, ${buckets.length} buckets.` },
        series: { maxCount: 1, single: { prefix: '', withName: ' ', withoutName: ' ' } },
        data: { maxCount: buckets.length, allData: '', partialData: '', withName: '{name} = {value}', withoutName: '{value}', separator: { middle: ', ', end: '.' } },
      },
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { top: 16, left: 8, right: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: buckets.map((b) => b.label), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCount(v) } },
    series: [{ type: 'bar', name: 'Tickets', data: buckets.map((b) => b.tickets), barMaxWidth: 72, itemStyle: { color: bar } }],
  } as EChartsOption;
}

export function distributionTable(buckets: readonly DistributionBucket[], measured: number, caption: string): DataTableModel {
  return {
    caption,
    rowHeader: 'Duration',
    columns: [
      { label: 'Tickets', numeric: true },
      { label: 'Share', numeric: true },
    ],
    rows: buckets.map((b) => ({ label: b.label, cells: [formatCount(b.tickets), shareText(b.tickets, measured)] })),
    footer: { label: 'Measured', cells: [formatCount(measured), measured > 0 ? '100 %' : '–'] },
  };
}

/** One line per bucket: its bounds in minutes (upper empty when open) and its tickets, then the statistics. */
export function distributionCsv(buckets: readonly DistributionBucket[], stats: DurationStats | null): string {
  const rows: (string | number | null)[][] = [['bucket', 'from_minutes', 'to_minutes', 'tickets']];
  for (const b of buckets) rows.push([b.label, b.from_minutes, b.to_minutes, b.tickets]);
  if (stats) for (const name of ['p50', 'p90', 'mean'] as const) rows.push([name, stats[name], null, null]);
  return csvText(rows);
}

/** "Median 1 h 5 min · p90 9 h · mean 3 h 2 min" */
export function statsText(stats: DurationStats): string {
  return `Median ${formatValue(stats.p50, 'minutes')} · p90 ${formatValue(stats.p90, 'minutes')} · mean ${formatValue(stats.mean, 'minutes')}`;
}
