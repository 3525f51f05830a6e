// The goal line builder (scorecard sparkline, editor preview): values, the target line, met/missed point shapes and
// the text description, against hand-worked numbers.
import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from 'echarts';
import { buildGoalLineOption, describeGoalLine, metSymbol, missedSymbol, niceAxis } from '../../web/src/lib/charts/options/goal-line';

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
    // Values 10 and 20 minutes with a target of 240: a span of 230, a quarter of it 57.5, rounded up to an hour: 0 to 4 h.
    expect(option.yAxis).toMatchObject({ min: 0, max: 240, interval: 60 });
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
    // ECharts writes the description into the element's aria-label only when the label is enabled too.
    expect(option.aria).toEqual({ enabled: true, label: { enabled: true, description: describeGoalLine(points, options) } });
  });
});

describe('nice axis', () => {
  it('rounds to steps of 1, 2 or 5 times a power of ten around the values and the target', () => {
    // 32.9 .. 50 (FCR against 50 %): span 17.1, a quarter 4.275 → step 5: 30 to 50.
    expect(niceAxis(32.9, 50)).toEqual({ min: 30, max: 50, step: 5 });
    // 88 .. 319 minutes: span 231, a quarter 57.75 → step 100: 0 to 400.
    expect(niceAxis(88, 319)).toEqual({ min: 0, max: 400, step: 100 });
    // NPS may be negative: -12 .. 30, a quarter of 42 is 10.5 → step 20: -20 to 40.
    expect(niceAxis(-12, 30)).toEqual({ min: -20, max: 40, step: 20 });
    // Minutes step in hours: 88 .. 319 min, a quarter of 231 is 57.75 → 1 h: 1 h to 6 h.
    expect(niceAxis(88, 319, 'minutes')).toEqual({ min: 60, max: 360, step: 60 });
    // 100 .. 110 min: a quarter of 10 is 2.5 → 5 min: 100 to 110.
    expect(niceAxis(100, 110, 'minutes')).toEqual({ min: 100, max: 110, step: 5 });
    // One value equal to the target: a span of its own size.
    expect(niceAxis(50, 50)).toEqual({ min: 40, max: 60, step: 20 });
  });
});
