// The Customers page's questions to the API: repeat contacters over the view, flagged customers, and a lead's flag
// and unflag. Same style as ./queries.ts.
import type { InferResponseType } from 'hono/client';
import { readJson, type FetchJsonOptions } from './client';
import { api } from './rpc';
import { dimensionParams, type ViewFilters } from './view';

type Api = ReturnType<typeof api>;
export type RepeatContacters = InferResponseType<Api['customers']['repeat']['$get'], 200>;
export type FlaggedCustomers = InferResponseType<Api['customers']['flagged']['$get'], 200>;
export type CustomerFlags = InferResponseType<Api['customers'][':id']['flags'][':flag']['$put'], 200>;
export type CustomerFlag = 'abusive' | 'legal_threat' | 'vip';

/** How a flag reads on screen: in words, never by colour alone. */
export const flagLabels: Record<CustomerFlag, string> = { abusive: 'Abusive', legal_threat: 'Legal threat', vip: 'VIP' };

/** One page of a list: how many, and where it starts (a previous page's `next_cursor`; none for the first). */
export interface PageRequest {
  limit: number;
  cursor: string | null;
}

const pageParams = (page: PageRequest) => ({ limit: String(page.limit), ...(page.cursor ? { cursor: page.cursor } : {}) });

/** `GET /api/customers/repeat`: a page of the requesters with two or more tickets on one issue, or contacts within 7 days. */
export function repeatContacters(view: ViewFilters, page: PageRequest, options: FetchJsonOptions = {}): Promise<RepeatContacters> {
  const endpoint = api(options).customers.repeat;
  const args = { query: { from: view.range.from, to: view.range.to, ...pageParams(page), ...dimensionParams(view) } };
  return readJson(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

/** `GET /api/customers/flagged`: a page of the customers flagged abusive or legal threat, with their open tickets. */
export function flaggedCustomers(page: PageRequest, options: FetchJsonOptions = {}): Promise<FlaggedCustomers> {
  const endpoint = api(options).customers.flagged;
  const args = { query: pageParams(page) };
  return readJson(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

/**
 * `PUT /api/customers/:id/flags/:flag`, or with `set` false `DELETE` (the flag stays in the history). Who flags is
 * the signed-in account; the cast bridges main's route type, which lists `by` until the accounts API is merged.
 */
export function setFlag(customerId: string, flag: CustomerFlag, set: boolean, body: { note: string | null }, options: FetchJsonOptions = {}): Promise<CustomerFlags> {
  const endpoint = api(options).customers[':id'].flags[':flag'];
  const args = { param: { id: customerId, flag }, json: body as { note: string | null; by: string } };
  return readJson(endpoint.$path(args), () => (set ? endpoint.$put(args) : endpoint.$delete(args)), options.signal);
}
