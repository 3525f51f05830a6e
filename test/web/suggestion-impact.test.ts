// The impact chart of an implemented suggestion: before and after as two series on one axis, each side's median
// drawn over its own weeks, the weeks after shaded and labelled with the day, and the text description — against
// hand-written numbers.
import { describe, expect, it } from 'vitest';
import type { BarSeriesOption } from 'echarts';
import { buildImpactOption, describeImpact, impactCsv, impactTable } from '../../web/src/lib/charts/options/suggestion-impact';

const impact = {
  implemented_on: '2026-05-30',
  source: { kind: 'issue' as const, id: 13, label: 'Tickets a week in recurring problem 13', unit: 'tickets', better: 'lower' as const },
  before: [
    { week: '2026-05-11', value: 4 },
    { week: '2026-05-18', value: 2 },
  ],
  after: [
    { week: '2026-06-01', value: 1 },
    { week: '2026-06-08', value: null },
  ],
  change: { before_median: 3, after_median: 1, before_mean: 3, after_mean: 1, absolute: -2, relative: -0.667 },
};

describe('suggestion impact option', () => {
  it('draws the weeks before and after as two series over one axis, each only on its own weeks', () => {
    const option = buildImpactOption(impact);
    const [before, after] = option.series as [BarSeriesOption, BarSeriesOption];
    expect(option.xAxis).toMatchObject({ data: ['2026-05-11', '2026-05-18', '2026-06-01', '2026-06-08'] });
    expect([before.name, before.data]).toEqual(['Before', [4, 2, null, null]]);
    expect([after.name, after.data]).toEqual(['After', [null, null, 1, null]]);
  });

  it('draws each median over its own weeks and shades the weeks after, labelled with the day it went live', () => {
    const [before, after] = buildImpactOption(impact).series as [BarSeriesOption, BarSeriesOption];
    expect(before.markLine?.data).toEqual([[{ name: 'Median before', coord: ['2026-05-11', 3] }, { coord: ['2026-05-18', 3] }]]);
    expect(after.markLine?.data).toEqual([[{ name: 'Median after', coord: ['2026-06-01', 1] }, { coord: ['2026-06-08', 1] }]]);
    expect(after.markArea?.data).toEqual([[{ xAxis: '2026-06-01' }, { xAxis: '2026-06-08' }]]);
    expect((after.markArea?.label as { formatter: string }).formatter).toBe('live 30 May 2026 →');
  });

  it('keeps a ticket count’s axis to whole numbers, not a goal metric’s', () => {
    expect(buildImpactOption(impact).yAxis).toEqual({ type: 'value', minInterval: 1 });
    expect(buildImpactOption({ ...impact, source: { ...impact.source, kind: 'goal', unit: 'minutes' } }).yAxis).toEqual({ type: 'value' });
  });

  it('draws no medians without a measured change, and nothing after when there is no week after', () => {
    const [before, after] = buildImpactOption({ ...impact, after: [], change: null }).series as [BarSeriesOption, BarSeriesOption];
    expect(before.markLine).toBeUndefined();
    expect(after.markLine).toBeUndefined();
    expect(after.markArea).toBeUndefined();
  });

  it('describes itself in one line: the weeks on each side and the medians', () => {
    expect(describeImpact(impact)).toBe(
      'Tickets a week in recurring problem 13, 2 weeks before and 2 after 2026-05-30. Before: 2026-05-11 = 4, 2026-05-18 = 2. After: 2026-06-01 = 1, 2026-06-08 = no value. Median before 3, after 1.',
    );
    expect(buildImpactOption(impact).aria).toEqual({ enabled: true, label: { enabled: true, description: describeImpact(impact) } });
  });

  it('gives the same numbers as a table and as CSV', () => {
    const table = impactTable(impact);
    expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['Week of 11 May 2026', 'before', '4'],
      ['Week of 18 May 2026', 'before', '2'],
      ['Week of 1 Jun 2026', 'after', '1'],
      ['Week of 8 Jun 2026', 'after', 'no value'],
    ]);
    expect(impactCsv(impact).trim().split(/\r?\n/)).toEqual(['week,side,value', '2026-05-11,before,4', '2026-05-18,before,2', '2026-06-01,after,1', '2026-06-08,after,']);
  });
});
