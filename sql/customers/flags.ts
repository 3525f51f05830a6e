// Customer flags (PRODUCT.md §5, issue 12 §2/§4): abusive, legal_threat and vip, from the organisation file or set by
// a lead, each with who set it and when. Unflagging keeps the row and says who cleared it, when and why, so the history
// stays; a new organisation file replaces only the flags it gave and never revives one a lead cleared
// (pipelines/organisation/load.ts).
import type { Actor } from '../actor.ts';
import type { Database, Query } from '../db.ts';
import { filterSql, type Filters } from '../metrics/filters.ts';
import { EditRefusal } from '../issues/edits.ts';
import { isoInstantSql } from '../iso-instant.ts';

export const customerFlags = ['abusive', 'legal_threat', 'vip'] as const;
export type CustomerFlag = (typeof customerFlags)[number];
/** The flags that put a customer on the flagged list, so that the next agent is prepared. */
export const warningFlags: readonly CustomerFlag[] = ['abusive', 'legal_threat'];
/** The open tickets listed per flagged customer. */
export const openTicketsShown = 20;

export interface FlagRecord {
  flag: CustomerFlag;
  origin: 'organisation' | 'lead';
  set_by: string;
  set_at: string;
  note: string | null;
}

export interface ClearedFlag extends FlagRecord {
  cleared_by: string | null;
  cleared_at: string;
  cleared_note: string | null;
}

export interface CustomerFlags {
  customer_id: string;
  flags: FlagRecord[];
  cleared: ClearedFlag[];
}

export interface FlaggedCustomer extends CustomerFlags {
  name: string | null;
  organization: string | null;
  open_tickets: number;
  open: { ticket_id: number; subject: string | null; status: string; created_at: string }[];
  last_contact: string | null;
}

const instant = (column: string) => isoInstantSql(column);
const flagJson = `{'flag': flag, 'origin': coalesce(origin, 'organisation'), 'set_by': set_by, 'set_at': ${instant('set_at')}, 'note': note}`;
const clearedJson = `{'flag': flag, 'origin': coalesce(origin, 'organisation'), 'set_by': set_by, 'set_at': ${instant('set_at')}, 'note': note,
  'cleared_by': cleared_by, 'cleared_at': ${instant('cleared_at')}, 'cleared_note': cleared_note}`;

/** Active flags first by flag, cleared ones newest first, of the customer in `customer` (an SQL column). */
const flagListsSql = (customer: string) => `
  to_json(coalesce((SELECT list(${flagJson} ORDER BY flag, set_at) FROM customer_flags WHERE customer_id = ${customer} AND cleared_at IS NULL), []))::VARCHAR AS flags,
  to_json(coalesce((SELECT list(${clearedJson} ORDER BY cleared_at DESC, flag) FROM customer_flags WHERE customer_id = ${customer} AND cleared_at IS NOT NULL), []))::VARCHAR AS cleared`;

type FlagListRow = { flags: string; cleared: string };
const parseLists = (row: FlagListRow) => ({ flags: JSON.parse(row.flags) as FlagRecord[], cleared: JSON.parse(row.cleared) as ClearedFlag[] });

/**
 * Customers with an active abusive or legal_threat flag, with their open tickets and last contact; most open first.
 * One page of them: `limit` after the first `offset`, and how many there are in all.
 */
export async function flaggedCustomers(
  db: Database, page: { limit: number; offset: number }, ticketScope: Filters = {},
): Promise<{ total: number; customers: FlaggedCustomer[] }> {
  // A lead's list: the flagged customers who contacted their team, with their team's tickets only (in SQL).
  const scope = filterSql(ticketScope);
  const inScope = scope.where.length === 0 ? 'true' : `EXISTS (SELECT 1 FROM ticket_facts f WHERE f.ticket_id = t.ticket_id${scope.where.map((c) => ` AND ${c}`).join('')})`;
  const rows = await db.read<Omit<FlaggedCustomer, 'flags' | 'cleared' | 'open'> & FlagListRow & { open: string; total: number }>(
    `WITH flagged AS (
       SELECT DISTINCT customer_id FROM customer_flags WHERE cleared_at IS NULL AND list_contains($warning::VARCHAR[], flag)
          AND ${scope.where.length === 0 ? 'true' : `EXISTS (SELECT 1 FROM tickets t WHERE t.requester_id = customer_flags.customer_id AND ${inScope})`}
     ), theirs AS (
       SELECT t.requester_id AS customer_id, count(*) FILTER (WHERE t.status IN ('new', 'open', 'pending', 'on_hold'))::INTEGER AS open_tickets,
              max(t.created_at) AS last_contact,
              list({'ticket_id': t.ticket_id::INTEGER, 'subject': t.subject, 'status': t.status, 'created_at': ${instant('t.created_at')}}
                   ORDER BY t.created_at DESC, t.ticket_id DESC) FILTER (WHERE t.status IN ('new', 'open', 'pending', 'on_hold')) AS open
         FROM tickets t WHERE t.requester_id IN (SELECT customer_id FROM flagged) AND ${inScope} GROUP BY t.requester_id
     ), page AS (
       -- customer_id breaks every tie, so the order is total and consecutive pages neither repeat nor skip anyone.
       SELECT f.customer_id, coalesce(th.open_tickets, 0) AS open_tickets, th.last_contact, th.open
         FROM flagged f LEFT JOIN theirs th USING (customer_id)
        ORDER BY open_tickets DESC, th.last_contact DESC NULLS LAST, f.customer_id LIMIT $limit OFFSET $offset
     )
     -- The count stands alone and the page joins it, so a page past the end still says how many there are.
     SELECT n.total, p.customer_id, c.name, c.organization, p.open_tickets,
            ${instant('p.last_contact')} AS last_contact, to_json(coalesce(p.open[1:$shown], []))::VARCHAR AS open, ${flagListsSql('p.customer_id')}
       FROM (SELECT count(*)::INTEGER AS total FROM flagged) n LEFT JOIN page p ON true LEFT JOIN customers c USING (customer_id)
      ORDER BY p.open_tickets DESC, p.last_contact DESC NULLS LAST, p.customer_id`,
    { ...(scope.params as Record<string, never>), warning: `[${warningFlags.map((f) => `"${f}"`).join(',')}]`, shown: openTicketsShown, limit: page.limit, offset: page.offset },
  );
  return {
    total: rows[0]!.total,
    customers: rows
      .filter((r) => r.customer_id !== null)
      .map(({ total: _total, ...r }) => ({ ...r, ...parseLists(r), open: JSON.parse(r.open) as FlaggedCustomer['open'] })),
  };
}

export async function customerFlagState(query: Pick<Query, 'one'>, customerId: string): Promise<CustomerFlags> {
  const row = (await query.one<FlagListRow>(`SELECT ${flagListsSql('$customer')}`, { customer: customerId }))!;
  return { customer_id: customerId, ...parseLists(row) };
}

/** Flags a customer; a flag already set stays as it was (who set it and when). */
export async function setCustomerFlag(db: Database, customerId: string, flag: CustomerFlag, note: string | null, actor: Actor): Promise<CustomerFlags> {
  return db.write(async (tx) => {
    await checkCustomer(tx, customerId);
    const params = { customer: customerId, flag };
    const active = await tx.one('SELECT 1 AS x FROM customer_flags WHERE customer_id = $customer AND flag = $flag AND cleared_at IS NULL', params);
    if (!active) {
      await tx.run(
        // set_at is part of the key: set, cleared and set again within one clock tick, the new row goes a microsecond
        // after the last one rather than failing on the key.
        `INSERT INTO customer_flags (customer_id, flag, set_by, set_at, note, origin)
         SELECT $customer, $flag, $by,
                greatest($at::TIMESTAMPTZ, coalesce(max(set_at) + INTERVAL 1 MICROSECOND, $at::TIMESTAMPTZ)), $note, 'lead'
           FROM customer_flags WHERE customer_id = $customer AND flag = $flag`,
        { ...params, by: actor.by, at: actor.at.toISOString(), note },
      );
      await bumpDataVersion(tx);
    }
    return customerFlagState(tx, customerId);
  });
}

/** Clears a customer's flag, saying who and why; the row stays as history. */
export async function clearCustomerFlag(db: Database, customerId: string, flag: CustomerFlag, note: string | null, actor: Actor): Promise<CustomerFlags> {
  return db.write(async (tx) => {
    await checkCustomer(tx, customerId);
    const params = { customer: customerId, flag };
    const active = await tx.one('SELECT 1 AS x FROM customer_flags WHERE customer_id = $customer AND flag = $flag AND cleared_at IS NULL', params);
    if (!active) throw new EditRefusal('not_found', 'flag', `customer ${customerId} is not flagged ${flag}`);
    await tx.run(
      `UPDATE customer_flags SET cleared_at = $at::TIMESTAMPTZ, cleared_by = $by, cleared_note = $note
        WHERE customer_id = $customer AND flag = $flag AND cleared_at IS NULL`,
      { ...params, by: actor.by, at: actor.at.toISOString(), note },
    );
    await bumpDataVersion(tx);
    return customerFlagState(tx, customerId);
  });
}

/** A customer of the organisation file or a requester of a ticket. */
async function checkCustomer(tx: Query, customerId: string): Promise<void> {
  const row = await tx.one<{ known: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM customers WHERE customer_id = $customer) OR EXISTS (SELECT 1 FROM tickets WHERE requester_id = $customer) AS known`,
    { customer: customerId },
  );
  if (!row!.known) throw new EditRefusal('not_found', 'id', `there is no customer ${customerId}`);
}

/** Flags are shown in cached answers (repeat contacters, flagged customers): a change is a new data version. */
const bumpDataVersion = (tx: Query) => tx.run('UPDATE data_state SET version = version + 1, changed_at = now()');
