// What a chart shows, as its data table, its CSV and its chosen points, with partial periods marked; against
// hand-computed numbers (fixtures/created-weekly-by-channel.ts and the median series below).
import { describe, expect, it } from 'vitest';
import type { LineSeriesOption, BarSeriesOption } from 'echarts';
import type { SeriesResponse } from '../../api/contracts';
import { seriesCsv, seriesTable } from '../../web/src/lib/charts/chart-data';
import { buildMetricSeriesOption } from '../../web/src/lib/charts/options/metric-series';
import { periodCoverage } from '../../web/src/lib/charts/partial';
import { toMatrix } from '../../web/src/lib/charts/series-matrix';
import { pointOf } from '../../web/src/lib/metrics/metric-chart';
import { createdWeeklyByChannel } from './fixtures/created-weekly-by-channel';

/** Median first response per week, one series; the week of 13 Jan measured nothing; the range ends Wed 22 Jan. */
const medianWeekly: SeriesResponse = {
  metric: { key: 'first_response', label: 'First response', unit: 'minutes', better: 'lower', aggregation: 'duration', description: '', definition: '' },
  grain: 'week',
  by: null,
  stat: 'p50',
  hours: 'calendar',
  variant: null,
  filters: {},
  from: '2025-01-06',
  to: '2025-01-23',
  rows: [
    { period: '2025-01-06', group: null, value: 42, tickets: 9 },
    { period: '2025-01-20', group: null, value: 95.5, tickets: 2 },
  ],
  total: { value: 50, tickets: 11 },
};
const medianCoverage = periodCoverage(['2025-01-06', '2025-01-13', '2025-01-20'], 'week', medianWeekly);

describe('partial periods in the data', () => {
  it('the medians’ last week (Mon 20 – Wed 22 Jan) is 3 of 7 days', () => {
    expect(medianCoverage.map((c) => c.partial)).toEqual([false, false, true]);
    expect(medianCoverage[2]).toEqual({ partial: true, days: 3, of: 7 });
  });

  it('CSV: a week that measured nothing has an empty value, not 0; the partial week says so', () => {
    expect(seriesCsv(medianWeekly, medianCoverage)).toBe(
      'week_start,first_response,tickets,partial\r\n' +
        '2025-01-06,42,9,false\r\n' +
        '2025-01-13,,0,false\r\n' +
        '2025-01-20,95.5,2,true\r\n',
    );
  });

  it('table: values in their unit, the gap as a dash, the partial week marked, no totals for medians', () => {
    expect(seriesTable(toMatrix(medianWeekly), 'minutes', 'First response', medianCoverage)).toEqual({
      caption: 'First response',
      rowHeader: 'Week',
      columns: [{ label: 'First response', numeric: true }],
      rows: [
        { label: 'Week of 6 Jan 2025', cells: ['42 min'], partial: false },
        { label: 'Week of 13 Jan 2025', cells: ['–'], partial: false },
        { label: 'Week of 20 Jan 2025 (partial)', cells: ['1 h 36 min'], partial: true },
      ],
      footer: undefined,
    });
  });

  it('table of counts: a Total column and a total row (22 + 5 + 10 = 37)', () => {
    const table = seriesTable(toMatrix(createdWeeklyByChannel), 'tickets', 'Created');
    expect(table.columns.map((c) => c.label)).toEqual(['desk', 'phone', 'email', 'Total']);
    expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['Week of 6 Jan 2025', '12', '5', '3', '20'],
      ['Week of 13 Jan 2025', '10', '0', '7', '17'],
    ]);
    expect(table.footer?.cells).toEqual(['22', '5', '10', '37']);
  });

  it('line chart: a gap stays a gap, the partial point is hollow and under a "partial" band', () => {
    const option = buildMetricSeriesOption(medianWeekly, { coverage: medianCoverage });
    const [line] = option.series as LineSeriesOption[];
    expect(line?.type).toBe('line');
    expect(line?.data).toEqual([42, null, { value: 95.5, symbol: 'emptyCircle', symbolSize: 9 }]);
    expect(line?.markArea?.data).toEqual([[{ xAxis: '2025-01-20' }, { xAxis: '2025-01-20' }]]);
  });

  it('bar chart: the partial week’s bars are faded and striped, complete weeks plain', () => {
    const coverage = [{ partial: true, days: 5, of: 7 }, { partial: false, days: 7, of: 7 }];
    const bars = buildMetricSeriesOption(createdWeeklyByChannel, { coverage }).series as BarSeriesOption[];
    const desk = bars[0]!.data as Array<number | { value: number; itemStyle: { opacity: number; decal: object } }>;
    expect(desk[1]).toBe(10);
    expect(desk[0]).toMatchObject({ value: 12, itemStyle: { opacity: 0.55 } });
    expect(bars.map((b) => Boolean(b.markArea))).toEqual([true, false, false]);
  });

  it('without coverage nothing is marked', () => {
    const bars = buildMetricSeriesOption(createdWeeklyByChannel).series as BarSeriesOption[];
    expect(bars[0]?.data).toEqual([12, 10]);
    expect(bars[0]?.markArea).toBeUndefined();
  });
});

describe('pointOf (a chosen point, for its drill-down)', () => {
  const matrix = toMatrix(createdWeeklyByChannel);
  it('phone in the week of 6 Jan: 5 tickets, the week’s days', () => {
    expect(pointOf(matrix, 0, 1)).toEqual({ from: '2025-01-06', to: '2025-01-13', by: 'channel', group: 'phone', value: 5, tickets: 5, partial: false });
  });
  it('the Total column of the week of 13 Jan: all channels, 17 tickets', () => {
    expect(pointOf(matrix, 1, 3)).toMatchObject({ by: null, group: null, value: 17, tickets: 17 });
  });
  it('a partial week is narrowed to the range (Mon 20 – Wed 22 Jan)', () => {
    expect(pointOf(toMatrix(medianWeekly), 2, 0, medianCoverage, medianWeekly)).toEqual({
      from: '2025-01-20', to: '2025-01-23', by: null, group: null, value: 95.5, tickets: 2, partial: true,
    });
  });
  it('no such period', () => expect(pointOf(matrix, 5, 0)).toBeNull());
});
