// The drill-down table's order as the API's `sort` parameter: a column of `ticketSorts`
// (sql/metrics/drilldown.ts), `-` in front for descending. Pure.

export const sortableColumns = ['created_at', 'first_response_at', 'solved_at', 'value'] as const;
export type SortColumn = (typeof sortableColumns)[number];

export interface TicketOrder {
  column: SortColumn;
  descending: boolean;
}

export const defaultOrder: TicketOrder = { column: 'created_at', descending: false };

/** `-created_at` */
export function sortParam(order: TicketOrder): string {
  return `${order.descending ? '-' : ''}${order.column}`;
}

/** A `sort` parameter read back; anything else is the default order. */
export function orderFromParam(param: string | null | undefined): TicketOrder {
  const descending = !!param?.startsWith('-');
  const column = (param ?? '').replace(/^-/, '');
  return (sortableColumns as readonly string[]).includes(column) ? { column: column as SortColumn, descending } : defaultOrder;
}

/**
 * The order after a click on `column`'s header: the same column flips direction; another starts ascending,
 * except the value (a duration), which starts with the longest — the tickets a manager asks about.
 */
export function nextOrder(current: TicketOrder, column: SortColumn): TicketOrder {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: column === 'value' };
}

/** `aria-sort` of a column header. */
export function ariaSort(order: TicketOrder, column: SortColumn): 'ascending' | 'descending' | 'none' {
  if (order.column !== column) return 'none';
  return order.descending ? 'descending' : 'ascending';
}
