// The drill-down table's columns and how a ticket row reads in each. Pure.
import type { MetricInfo, TicketsResponse } from '$api/contracts';
import { formatMinutes } from '../format';
import { valueName, type TeamNames } from '../filters/value-names';
import type { SortColumn } from './ticket-sort';

export type TicketRow = TicketsResponse['tickets'][number];

export interface TicketColumn {
  key: string;
  label: string;
  /** CSS grid track width. */
  width: string;
  sort?: SortColumn;
  numeric?: boolean;
  text: (row: TicketRow) => string;
}

/** "2025-01-06 14:05" (UTC): a milestone to the minute, sortable as text. */
export function instantText(iso: string | null): string {
  if (!iso) return '–';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A row's `value` in words: a duration in minutes, or whether a rate counted the ticket. */
export function valueText(value: TicketRow['value'], aggregation: MetricInfo['aggregation'] | undefined): string {
  if (value === null) return '–';
  if (typeof value === 'boolean') return value ? 'counted' : 'not counted';
  return aggregation === 'duration' ? formatMinutes(value) : String(value);
}

/** The value column's header: what the metric measured on each ticket. */
export function valueLabel(metric: Pick<MetricInfo, 'aggregation' | 'label'> | undefined): string | null {
  if (metric?.aggregation === 'duration') return metric.label;
  if (metric?.aggregation === 'rate') return 'In numerator';
  if (metric?.aggregation === 'score') return 'Score';
  return null;
}

/** The columns for `metric`'s tickets; a ticket's team by its name in `teams` (by its id while unknown). */
export function ticketColumns(metric: Pick<MetricInfo, 'aggregation' | 'label'> | undefined, teams: TeamNames = new Map()): TicketColumn[] {
  const columns: TicketColumn[] = [
    { key: 'external_id', label: 'Ticket', width: '7rem', text: (r) => r.external_id },
    { key: 'subject', label: 'Subject', width: '18rem', text: (r) => r.subject ?? '–' },
    { key: 'channel', label: 'Channel', width: '6rem', text: (r) => r.channel },
    { key: 'team_id', label: 'Team', width: '9rem', text: (r) => (r.team_id ? valueName('team', r.team_id, teams) : '–') },
    { key: 'priority', label: 'Priority', width: '5.5rem', text: (r) => r.priority ?? '–' },
    { key: 'status', label: 'Status', width: '5.5rem', text: (r) => r.status },
    { key: 'created_at', label: 'Created (UTC)', width: '9.5rem', sort: 'created_at', text: (r) => instantText(r.created_at) },
    { key: 'first_response_at', label: 'First response', width: '9.5rem', sort: 'first_response_at', text: (r) => instantText(r.first_response_at) },
    { key: 'solved_at', label: 'Solved', width: '9.5rem', sort: 'solved_at', text: (r) => instantText(r.solved_at) },
  ];
  const label = valueLabel(metric);
  if (label) {
    columns.push({ key: 'value', label, width: '8.5rem', sort: 'value', numeric: metric?.aggregation === 'duration' || metric?.aggregation === 'score', text: (r) => valueText(r.value, metric?.aggregation) });
  }
  return columns;
}
