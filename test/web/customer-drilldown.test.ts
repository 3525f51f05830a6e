// A repeat contacter's ticket count opens the drill-down of their tickets: the created tickets of the view, narrowed
// to the customer as requester, expecting as many as the count shown; it survives the URL (`?drill=`).
import { describe, expect, it } from 'vitest';
import { customerDrilldown } from '../../web/src/lib/customers/customer-tickets';
import { decodeDrilldown, encodeDrilldown } from '../../web/src/lib/drilldown/drill-url';
import type { ViewFilters } from '../../web/src/lib/api/view';

const view: ViewFilters = {
  range: { from: '2026-01-01', to: '2026-02-01' },
  dimensions: { team: ['zagreb'], channel: [], priority: [], provider: [], requester_kind: [] },
  hours: 'calendar',
};

describe('customerDrilldown', () => {
  it('asks for the customer’s created tickets over the view', () => {
    const drilldown = customerDrilldown(view, { customer_id: 'c1', name: 'Marko Horvat', tickets: 4 });
    expect(drilldown.query).toEqual({ metric: 'created', hours: 'calendar', from: '2026-01-01', to: '2026-02-01', filters: { team: ['zagreb'], requester: ['c1'] } });
    expect([drilldown.expected, drilldown.basis]).toEqual([4, 'value']);
    expect(drilldown.title).toContain('Marko Horvat');
    expect(decodeDrilldown(encodeDrilldown(drilldown))).toEqual(drilldown);
  });
});
