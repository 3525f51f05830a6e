// The drill-down table's order as the API's sort parameter.
import { describe, expect, it } from 'vitest';
import { ariaSort, defaultOrder, nextOrder, orderFromParam, sortParam } from '../../web/src/lib/drilldown/ticket-sort';

describe('sort parameter', () => {
  it('ascending is the column, descending has a minus', () => {
    expect(sortParam({ column: 'created_at', descending: false })).toBe('created_at');
    expect(sortParam({ column: 'value', descending: true })).toBe('-value');
  });

  it('reads back; anything else is the default order', () => {
    expect(orderFromParam('-solved_at')).toEqual({ column: 'solved_at', descending: true });
    expect(orderFromParam('first_response_at')).toEqual({ column: 'first_response_at', descending: false });
    expect(orderFromParam('-subject')).toEqual(defaultOrder);
    expect(orderFromParam(null)).toEqual(defaultOrder);
  });
});

describe('nextOrder', () => {
  it('the same column flips direction', () => {
    expect(nextOrder({ column: 'created_at', descending: false }, 'created_at')).toEqual({ column: 'created_at', descending: true });
    expect(nextOrder({ column: 'created_at', descending: true }, 'created_at')).toEqual({ column: 'created_at', descending: false });
  });

  it('another column starts ascending, the value (a duration) longest first', () => {
    expect(nextOrder(defaultOrder, 'solved_at')).toEqual({ column: 'solved_at', descending: false });
    expect(nextOrder(defaultOrder, 'value')).toEqual({ column: 'value', descending: true });
  });

  it('aria-sort names the sorted column only', () => {
    const order = { column: 'solved_at' as const, descending: true };
    expect(ariaSort(order, 'solved_at')).toBe('descending');
    expect(ariaSort(order, 'created_at')).toBe('none');
  });
});
