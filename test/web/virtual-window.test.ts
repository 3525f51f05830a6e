// The rows a virtualised table renders.
import { describe, expect, it } from 'vitest';
import { needsMore, rowAfterKey, rowWindow, scrollToShow } from '../../web/src/lib/drilldown/virtual-window';

describe('rowWindow', () => {
  it('at the top: the rows in view and the overscan below', () => {
    // 400 px / 40 px = rows 0..9 in view, 3 more below.
    expect(rowWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: 40, rowCount: 1000, overscan: 3 })).toEqual({ start: 0, end: 13, offset: 0, height: 40_000 });
  });

  it('in the middle: overscan on both sides, a row cut by the top edge is rendered', () => {
    // scrollTop 1010: row 25 (1000..1040) is cut at the top; bottom edge 1410 falls in row 35 → rows 25..35 in view.
    expect(rowWindow({ scrollTop: 1010, viewportHeight: 400, rowHeight: 40, rowCount: 1000, overscan: 3 })).toEqual({ start: 22, end: 39, offset: 880, height: 40_000 });
  });

  it('at the bottom: never past the last row, and an overscrolled top is clamped', () => {
    // 1000 rows × 40 = 40,000; the last screen starts at 39,600 → rows 990..999.
    expect(rowWindow({ scrollTop: 99_999, viewportHeight: 400, rowHeight: 40, rowCount: 1000, overscan: 3 })).toEqual({ start: 987, end: 1000, offset: 39_480, height: 40_000 });
  });

  it('fewer rows than fit: all of them', () => {
    expect(rowWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: 40, rowCount: 4, overscan: 3 })).toEqual({ start: 0, end: 4, offset: 0, height: 160 });
  });

  it('no rows: nothing', () => {
    expect(rowWindow({ scrollTop: 50, viewportHeight: 400, rowHeight: 40, rowCount: 0 })).toEqual({ start: 0, end: 0, offset: 0, height: 0 });
  });
});

describe('needsMore', () => {
  const window = { start: 150, end: 190, offset: 0, height: 0 };
  it('asks for the next page once the window comes within `ahead` rows of the loaded end', () => {
    expect(needsMore(window, 200, true, 20)).toBe(true);
    expect(needsMore(window, 211, true, 20)).toBe(false);
  });

  it('never when there is no next page', () => {
    expect(needsMore(window, 190, false)).toBe(false);
  });
});

describe('keyboard in a long list', () => {
  it('moves one row, a page, or to either end, never past them', () => {
    // 100 loaded rows, 10 to a screen.
    const keys = ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', 'Tab', 'a'];
    expect(keys.map((key) => rowAfterKey(key, 50, 100, 10))).toEqual([51, 49, 60, 40, 0, 99, null, null]);
    expect(keys.map((key) => rowAfterKey(key, 0, 100, 10)).slice(0, 4)).toEqual([1, 0, 10, 0]);
    expect(keys.map((key) => rowAfterKey(key, 99, 100, 10)).slice(0, 4)).toEqual([99, 98, 99, 89]);
    expect(rowAfterKey('ArrowDown', 0, 0, 10)).toBeNull();
  });

  it('scrolls only as far as it takes to show the row whole under the 40 px header', () => {
    // 36 px rows in a 400 px box: rows start at 40 + 36 i in the scrolled content; 360 px of rows are visible.
    expect(scrollToShow(3, 0, 400, 36, 40)).toBe(0); // 148..184: in view
    expect(scrollToShow(10, 0, 400, 36, 40)).toBe(36); // 400..436: its bottom 436 must meet 0 + 400
    expect(scrollToShow(2, 200, 400, 36, 40)).toBe(72); // 112 is above 200 + 40: its top goes just under the header
    expect(scrollToShow(8, 200, 400, 36, 40)).toBe(200); // 328..364, between 240 and 600
  });
});
