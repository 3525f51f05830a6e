// A customer's tickets in the existing drill-down: the tickets created over the view (its range and filters) whose
// requester is this customer (`GET /api/tickets?metric=created&requester=…`), as many as the repeat contacters list
// counts for them. Pure.
import type { ViewFilters } from '../api/view';
import { narrowedDrilldown, type Drilldown } from '../drilldown/drilldown';
import { formatRange } from '../format';

const created = { key: 'created', label: 'Tickets created', aggregation: 'count' } as const;

export function customerDrilldown(view: ViewFilters, customer: { customer_id: string; name: string | null; tickets: number }): Drilldown {
  const who = customer.name ?? customer.customer_id;
  return narrowedDrilldown(
    { metric: created, view },
    { filters: { requester: [customer.customer_id] } },
    `Tickets of ${who}, ${formatRange(view.range.from, view.range.to)}`,
    customer.tickets,
    'value',
  );
}
