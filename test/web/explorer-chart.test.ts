// The explorer's additions to a metric chart: a matching goal's target line and the period before, and a
// duration's distribution as a chart, table and CSV.
import { describe, expect, it } from 'vitest';
import type { TooltipComponentFormatterCallbackParams } from 'echarts';
import type { SeriesResponse } from '../../api/contracts';
import { buildMetricSeriesOption, seriesTooltipFormatter } from '../../web/src/lib/charts/options/metric-series';
import { toMatrix } from '../../web/src/lib/charts/series-matrix';
import { distributionCsv, distributionTable, shareText } from '../../web/src/lib/explore/distribution';
import { createdWeeklyByChannel } from './fixtures/created-weekly-by-channel';

const firstResponse: SeriesResponse = {
  metric: { key: 'first_response_time', label: 'First response', unit: 'minutes', better: 'lower', aggregation: 'duration', description: '', definition: '' },
  grain: 'week', by: null, stat: 'p50', hours: 'business', variant: null, filters: {}, from: '2025-01-06', to: '2025-01-20',
  rows: [
    { period: '2025-01-06', group: null, value: 90, tickets: 30 },
    { period: '2025-01-13', group: null, value: 150, tickets: 25 },
  ],
  total: { value: 120, tickets: 55 },
};

type Series = { name?: string; type?: string; silent?: boolean; data?: unknown[]; lineStyle?: { type?: string }; markLine?: { data: { yAxis: number; name: string }[] } };

describe('target lines and the period before', () => {
  it('a target is a dashed horizontal line at its value, on the first series, not clickable', () => {
    const option = buildMetricSeriesOption(firstResponse, { targets: [{ label: 'Goal', value: 240 }] });
    const series = option.series as Series[];
    expect(series).toHaveLength(1);
    expect(series[0]!.markLine!.data).toEqual([{ name: 'Target 4 h', yAxis: 240 }]);
  });

  it('the period before is one more dashed, silent line with its values period by period, named in the legend', () => {
    const option = buildMetricSeriesOption(firstResponse, { previous: [60, null], previousLabel: 'Period before' });
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['First response', 'Period before']);
    expect(series[1]).toMatchObject({ type: 'line', silent: true, data: [60, null], lineStyle: { type: 'dashed' } });
    expect((option.legend as { data: string[] }).data).toEqual(['First response', 'Period before']);
  });

  it('without either, the option is as before (no mark line, no extra series)', () => {
    const series = buildMetricSeriesOption(createdWeeklyByChannel).series as Series[];
    expect(series.map((s) => s.name)).toEqual(['desk', 'phone', 'email']);
    expect(series.some((s) => s.markLine)).toBe(false);
  });

  it('a stacked tooltip’s total leaves the period before out', () => {
    // Week of 6 Jan: desk 12 + phone 5 + email 3 = 20; the period before's 99 (series index 3) is not added.
    const format = seriesTooltipFormatter(toMatrix(createdWeeklyByChannel), { unit: 'tickets', total: true });
    const item = (seriesIndex: number, seriesName: string, value: number) => ({ dataIndex: 0, seriesIndex, seriesName, value, marker: '' });
    const html = format([item(0, 'desk', 12), item(1, 'phone', 5), item(2, 'email', 3), item(3, 'Period before', 99)] as unknown as TooltipComponentFormatterCallbackParams);
    expect(html).toMatch(/Total<\/td><td[^>]*>20</);
  });
});

describe('distribution', () => {
  const buckets = [
    { label: '0–1 h', from_minutes: 0, to_minutes: 60, tickets: 30 },
    { label: '1–4 h', from_minutes: 60, to_minutes: 240, tickets: 15 },
    { label: '> 24 h', from_minutes: 1440, to_minutes: null, tickets: 5 },
  ];

  it('a table row per bucket with its share of the 50 measured', () => {
    const table = distributionTable(buckets, 50, 'First response: distribution');
    expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['0–1 h', '30', '60 %'],
      ['1–4 h', '15', '30 %'],
      ['> 24 h', '5', '10 %'],
    ]);
    expect(table.footer?.cells).toEqual(['50', '100 %']);
  });

  it('CSV: bounds in minutes (an open upper bound empty), tickets, then the statistics', () => {
    expect(distributionCsv(buckets, { p50: 45, p90: 300, mean: null })).toBe(
      'bucket,from_minutes,to_minutes,tickets\r\n0–1 h,0,60,30\r\n1–4 h,60,240,15\r\n> 24 h,1440,,5\r\np50,45,,\r\np90,300,,\r\nmean,,,\r\n',
    );
  });

  it('no tickets measured: no share', () => {
    expect(shareText(0, 0)).toBe('–');
  });
});
