// The backlog card's two tables (`GET /api/backlog`) as `DataTable` models: open tickets by age with each age's
// share of the backlog, and each assignee's oldest open ticket. Pure.
import type { Backlog } from '../api/queries';
import type { DataTableModel } from '../charts/chart-data';
import { formatCountOf, formatCount, formatValue } from '../format';

/** "under a day", "1 day", "12 days" (whole days, rounded down). */
export function ageWords(days: number): string {
  if (days < 1) return 'under a day';
  return formatCountOf(Math.floor(days), 'day');
}

/** Each age's share of the open tickets, in percent (0 when nothing is open). */
export function ageShares(backlog: Pick<Backlog, 'ages' | 'open'>): number[] {
  return backlog.ages.map((age) => (backlog.open > 0 ? (age.tickets / backlog.open) * 100 : 0));
}

export function agesTable(backlog: Pick<Backlog, 'ages' | 'open'>): DataTableModel {
  const shares = ageShares(backlog);
  return {
    caption: 'Open tickets by age',
    rowHeader: 'Age',
    columns: [{ label: 'Tickets', numeric: true }, { label: 'Share', numeric: true }],
    rows: backlog.ages.map((age, a) => ({ label: age.label, cells: [formatCount(age.tickets), formatValue(shares[a] ?? 0, 'percent')] })),
  };
}

/** The oldest-ticket cell reads "#<external id> <subject>"; the card links it to the ticket's facts. */
export function oldestTable(backlog: Pick<Backlog, 'oldest_per_assignee'>): DataTableModel {
  return {
    caption: "Each assignee's oldest open ticket",
    rowHeader: 'Assignee',
    columns: [{ label: 'Open', numeric: true }, { label: 'Oldest ticket', numeric: false, wrap: true }, { label: 'Age', numeric: true }],
    rows: backlog.oldest_per_assignee.map((row) => ({
      label: row.assignee_name ?? row.assignee_id ?? 'Unassigned',
      cells: [formatCount(row.open), `#${row.external_id}${row.subject ? ` ${row.subject}` : ''}`, ageWords(row.age_days)],
    })),
  };
}
