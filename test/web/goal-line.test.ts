// The goal line builder (scorecard sparkline, editor preview): values, the target line, met/missed point shapes and
// the text description, against hand-worked numbers.
import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from 'echarts';
import { buildGoalLineOption, describeGoalLine, metSymbol, missedSymbol } from '../../web/src/lib/charts/options/goal-line';

// Weekly median first response in minutes, target ≤ 240 (4 h): 180 met, 300 missed, none, 240 met (the boundary).
const points = [
  { period: '2026-10-05', value: 180 },
  { period: '2026-10-12', value: 300 },
  { period: '2026-10-19', value: null },
  { period: '2026-10-26', value: 240 },
];
const options = { target: 240, comparator: '<=' as const, unit: 'minutes' as const, grain: 'week' as const, title: 'Email first response' };

function line(option: ReturnType<typeof buildGoalLineOption>): LineSeriesOption {
  return (option.series as LineSeriesOption[])[0]!;
}

describe('goal line option', () => {
  it('draws each value with a circle when met and a diamond when missed, and a gap without data', () => {
    const data = line(buildGoalLineOption(points, options)).data as Array<{ value: number | null; symbol: string }>;
    expect(data.map((d) => d.value)).toEqual([180, 300, null, 240]);
    expect(data.map((d) => d.symbol)).toEqual([metSymbol, missedSymbol, metSymbol, metSymbol]);
    expect(metSymbol).not.toBe(missedSymbol);
  });

  it('puts the target line at the target, labelled in the metric unit, and keeps it in view', () => {
    const option = buildGoalLineOption([{ period: '2026-10-05', value: 10 }, { period: '2026-10-12', value: 20 }], options);
    const markLine = line(option).markLine!;
    expect(markLine.data).toEqual([{ yAxis: 240, name: 'Target' }]);
    expect((markLine.label as { formatter: string }).formatter).toBe('Target <= 4 h');
    // Values 10 and 20 with a target of 240: the axis runs from 0 (padding 23 would go below zero) to 240 + 23 = 263.
    const yAxis = option.yAxis as { min: number; max: number };
    expect(yAxis.min).toBe(0);
    expect(yAxis.max).toBe(263);
  });

  it('hides axes, tooltip and label in the compact sparkline', () => {
    const option = buildGoalLineOption(points, { ...options, compact: true });
    expect((option.xAxis as { show: boolean }).show).toBe(false);
    expect((option.yAxis as { show: boolean }).show).toBe(false);
    expect((option.tooltip as { show: boolean }).show).toBe(false);
    expect((line(option).markLine!.label as { show: boolean }).show).toBe(false);
  });

  it('describes the periods, the target and how many met it', () => {
    expect(describeGoalLine(points, options)).toBe(
      'Email first response: 4 weeks from 2026-10-05 to 2026-10-26. Target <= 4 h. Met in 2 of 3 with data.',
    );
    expect(describeGoalLine([], options)).toBe('Email first response: no periods yet. Target <= 4 h.');
    const option = buildGoalLineOption(points, options);
    expect((option.aria as { label: { description: string } }).label.description).toBe(describeGoalLine(points, options));
  });
});
