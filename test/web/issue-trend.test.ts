// One recurring problem's trend chart: bars of tickets, a line of customers, this period marked, the baseline drawn,
// and the text description, against hand-written numbers.
import { describe, expect, it } from 'vitest';
import type { BarSeriesOption, LineSeriesOption } from 'echarts';
import { buildIssueTrendOption, describeIssueTrend, formatBaseline } from '../../web/src/lib/charts/options/issue-trend';

const points = [
  { period: '2026-10-05', tickets: 3, customers: 3 },
  { period: '2026-10-12', tickets: 5, customers: 4 },
  { period: '2026-10-19', tickets: 4, customers: 4 },
  { period: '2026-10-26', tickets: 21, customers: 17 },
];
const options = { grain: 'week' as const, title: 'Tickets about login · crash', current: '2026-10-26', baseline: 4 };

describe('issue trend option', () => {
  it('draws tickets as bars and customers as a line, one value per period', () => {
    const option = buildIssueTrendOption(points, options);
    const [bars, line] = option.series as [BarSeriesOption, LineSeriesOption];
    expect(option.xAxis).toMatchObject({ data: ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26'] });
    expect([bars.type, bars.data]).toEqual(['bar', [3, 5, 4, 21]]);
    expect([line.type, line.data]).toEqual(['line', [3, 4, 4, 17]]);
  });

  it('marks this period with a labelled band and the baseline with a labelled dashed line', () => {
    const bars = (buildIssueTrendOption(points, options).series as BarSeriesOption[])[0]!;
    expect(bars.markArea?.data).toEqual([[{ xAxis: '2026-10-26' }, { xAxis: '2026-10-26' }]]);
    expect((bars.markArea?.label as { formatter: string }).formatter).toBe('this week');
    expect(bars.markLine?.data).toEqual([{ yAxis: 4, name: 'Baseline' }]);
    expect((bars.markLine?.label as { formatter: string }).formatter).toBe('Baseline 4');
  });

  it('leaves out the band when this period is not in the chart, and the line without a baseline', () => {
    const bars = (buildIssueTrendOption(points, { ...options, current: '2026-11-02', baseline: null }).series as BarSeriesOption[])[0]!;
    expect(bars.markArea).toBeUndefined();
    expect(bars.markLine).toBeUndefined();
  });
});

describe('issue trend description', () => {
  it('lists every period’s tickets and customers, the baseline and this period', () => {
    expect(describeIssueTrend(points, { ...options, baseline: 4.04 })).toBe(
      'Tickets about login · crash, 4 weeks from 2026-10-05 to 2026-10-26. ' +
        'Tickets: 2026-10-05 = 3, 2026-10-12 = 5, 2026-10-19 = 4, 2026-10-26 = 21. ' +
        'Customers: 2026-10-05 = 3, 2026-10-12 = 4, 2026-10-19 = 4, 2026-10-26 = 17. ' +
        'Baseline 4 tickets per week. This week (2026-10-26) 21 tickets.',
    );
  });

  it('says so when there are no periods, and one period in the singular', () => {
    expect(describeIssueTrend([], options)).toBe('Tickets about login · crash: no periods in the range.');
    expect(describeIssueTrend([points[0]!], { grain: 'month', title: 'X' })).toBe('X, 1 month from 2026-10-05 to 2026-10-05. Tickets: 2026-10-05 = 3. Customers: 2026-10-05 = 3.');
  });

  it('rounds the baseline to one decimal', () => {
    expect([formatBaseline(4), formatBaseline(4.25), formatBaseline(0.04), formatBaseline(12.349)]).toEqual(['4', '4.3', '0', '12.3']);
  });
});

describe('issue trend table and CSV', () => {
  it('holds the chart’s numbers, a row per period, this period named', async () => {
    const { issueTrendCsv, issueTrendTable } = await import('../../web/src/lib/charts/options/issue-trend');
    const table = issueTrendTable(points, options);
    expect(table.rowHeader).toBe('Week');
    expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['Week of 5 Oct 2026', '3', '3'],
      ['Week of 12 Oct 2026', '5', '4'],
      ['Week of 19 Oct 2026', '4', '4'],
      ['Week of 26 Oct 2026 (this week)', '21', '17'],
    ]);
    expect(issueTrendCsv(points)).toBe('period,tickets,customers\r\n2026-10-05,3,3\r\n2026-10-12,5,4\r\n2026-10-19,4,4\r\n2026-10-26,21,17\r\n');
  });
});
