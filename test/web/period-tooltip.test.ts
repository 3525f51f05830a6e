// The tooltip a period bar chart shows: the caller's text for the hovered period's index, whichever form ECharts
// passes (one item for an axis trigger is an array, a single series' item an object); nothing without an index.
import { describe, expect, it } from 'vitest';
import { periodTooltip } from '../../web/src/lib/charts/options/period-tooltip';

describe('periodTooltip', () => {
  const texts = ['week of 1 Jun', 'week of 8 Jun'];
  const tooltip = periodTooltip((index) => texts[index] ?? '');
  const format = tooltip.formatter as (params: unknown) => string;

  it('shades the column and names the hovered period', () => {
    expect([tooltip.trigger, (tooltip.axisPointer as { type: string }).type]).toEqual(['axis', 'shadow']);
    expect(format([{ dataIndex: 1 }, { dataIndex: 1 }])).toBe('week of 8 Jun');
    expect(format({ dataIndex: 0 })).toBe('week of 1 Jun');
  });

  it('says nothing where no period is under the pointer', () => {
    expect(format([])).toBe('');
    expect(format({})).toBe('');
  });
});
