// A list of customers read a page at a time (repeat contacters, flagged customers): the first page again whenever
// what `ask` reads changes (the filters, a flag set or cleared), the next ones on "show more", each customer listed
// once. Call it while a component initialises, as `CursorPages`.
import type { PageRequest } from '../api/customers';
import { CursorPages } from '../resource/cursor-pages.svelte';

/** Customers per page: a screenful of rows, and a small answer even at a million tickets. */
export const customersPerPage = 50;

interface CustomerPage<C> {
  customers: C[];
  next_cursor: string | null;
  total: number;
}

type Ask<C> = (page: PageRequest, signal?: AbortSignal) => Promise<CustomerPage<C>> | undefined | null | false;

export function customerPages<C extends { customer_id: string }>(ask: Ask<C>): CursorPages<C> {
  return new CursorPages<C>((cursor, signal) => {
    const pending = ask({ limit: customersPerPage, cursor }, signal);
    return pending && pending.then((page) => ({ items: page.customers, next_cursor: page.next_cursor, total: page.total }));
  }, (customer) => customer.customer_id);
}
