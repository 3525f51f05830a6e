// The Recurring problems list's sparklines: points placed by hand-worked arithmetic, and their text description.
import { describe, expect, it } from 'vitest';
import { describeSparkline, sparklineGeometry } from '../../web/src/lib/issues/sparkline';

describe('sparkline geometry', () => {
  it('spreads the values from edge to edge, zero at the bottom and the largest at the top', () => {
    // 100 × 24 box, 2 px pad: x from 2 to 98 in steps of 96 / 4 = 24; y = 2 + 20 − v / 10 × 20.
    const g = sparklineGeometry([0, 5, 10, 5, 0], 100, 24, 2);
    expect(g.path).toBe('M2 22 L26 12 L50 2 L74 12 L98 22');
    expect(g.last).toEqual({ x: 98, y: 22 });
  });

  it('draws one value as a flat line across, all zeros on the bottom, nothing for no values', () => {
    expect(sparklineGeometry([7], 100, 24, 2).path).toBe('M2 2 L98 2');
    expect(sparklineGeometry([0, 0, 0], 100, 24, 2).path).toBe('M2 22 L50 22 L98 22');
    expect(sparklineGeometry([], 100, 24, 2)).toMatchObject({ path: '', last: null });
  });

  it('rounds to a tenth of a pixel', () => {
    // Three values over 96 px: x = 2, 50, 98; max 3 → y = 2 + 20 − v × 20 / 3: 1 → 15.33… → 15.3.
    expect(sparklineGeometry([1, 3, 2], 100, 24, 2).path).toBe('M2 15.3 L50 2 L98 8.7');
  });
});

describe('sparkline description', () => {
  it('lists the values and names the last period', () => {
    expect(describeSparkline([3, 4, 21], 'week')).toBe('Tickets per week, 3 weeks: 3, 4, 21; last week 21.');
    expect(describeSparkline([5], 'month')).toBe('Tickets per month, 1 month: 5; last month 5.');
    expect(describeSparkline([], 'week')).toBe('No tickets per week to show.');
  });
});
