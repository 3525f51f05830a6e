// The row a drill-down's link was followed from, kept for the ticket's page in this tab (sessionStorage), so the
// page can show at least that row when the server has no `GET /api/tickets/:id` (older server) or it fails.
import type { TicketRow } from './ticket-columns';

const key = (id: number | string) => `servicepulse:ticket:${id}`;

export function rememberTicket(row: TicketRow): void {
  try {
    sessionStorage.setItem(key(row.ticket_id), JSON.stringify(row));
  } catch {
    // Storage full or disabled: the page then shows only what the server answers.
  }
}

export function rememberedTicket(id: number | string): TicketRow | null {
  try {
    const text = sessionStorage.getItem(key(id));
    return text ? (JSON.parse(text) as TicketRow) : null;
  } catch {
    return null;
  }
}
