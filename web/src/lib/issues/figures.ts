// A recurring problem's figures as the list and the detail page show them: its cost columns (tickets, customers,
// reopened, escalated, median resolution, low-CSAT share, cost in agent time) and its rise against the baseline.
// Pure; the numbers are the API's (`IssueSummary`), only worded here.
import { formatCount, formatMinutes } from '../format';

/** What of an issue's summary the figures need (`IssueSummary` in api/contracts.ts). */
export interface IssueFiguresSource {
  tickets: number;
  customers: number;
  reopened: number;
  escalated: number;
  median_resolution_minutes: number | null;
  low_csat_share: number | null;
  csat_answers: number;
  cost: { value: number };
  flags: { rising: { tickets: number; baseline: number; baseline_periods: number; excess: number } };
}

export interface IssueFigureColumn {
  key: 'tickets' | 'customers' | 'reopened' | 'escalated' | 'median_resolution' | 'low_csat' | 'cost' | 'rise';
  label: string;
  /** What the figure is, for a header's title and the detail page. */
  meaning: string;
  text: (issue: IssueFiguresSource) => string;
  /** The number behind the text (`data-value`), null when there is none. */
  value: (issue: IssueFiguresSource) => number | null;
}

/** Digit grouping and at most one decimal: hours of agent time, a rise over a mean. */
const tenthsFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** Agent time as a lead weighs it: minutes under an hour, then hours to a tenth ("1,234.5 h"). */
export function formatAgentTime(minutes: number): string {
  if (!Number.isFinite(minutes)) return '–';
  if (minutes < 59.5) return `${Math.round(minutes)} min`;
  return `${tenthsFormat.format(minutes / 60)} h`;
}

/** A share 0–1 as a whole percentage ("12 %"), "–" without answers. */
export function formatShare(share: number | null): string {
  return share === null || !Number.isFinite(share) ? '–' : `${Math.round(share * 100)} %`;
}

/** This period against the baseline: "+17 (21 vs 4 a week)"; "–" when there is no baseline to compare with. */
export function formatRise(rising: IssueFiguresSource['flags']['rising'], grain: string): string {
  if (rising.baseline_periods === 0) return '–';
  const sign = rising.excess > 0 ? '+' : rising.excess < 0 ? '−' : '±';
  return `${sign}${tenthsFormat.format(Math.abs(rising.excess))} (${formatCount(rising.tickets)} vs ${tenthsFormat.format(rising.baseline)} a ${grain})`;
}

/** The figure columns, in the order the list shows them. */
export function figureColumns(grain: string): IssueFigureColumn[] {
  return [
    { key: 'tickets', label: 'Tickets', meaning: 'Tickets created in the range.', text: (i) => formatCount(i.tickets), value: (i) => i.tickets },
    { key: 'customers', label: 'Customers', meaning: 'Distinct customers who raised them.', text: (i) => formatCount(i.customers), value: (i) => i.customers },
    { key: 'reopened', label: 'Reopened', meaning: 'Of those tickets, reopened at least once.', text: (i) => formatCount(i.reopened), value: (i) => i.reopened },
    { key: 'escalated', label: 'Escalated', meaning: 'Of those tickets, escalated.', text: (i) => formatCount(i.escalated), value: (i) => i.escalated },
    {
      key: 'median_resolution',
      label: 'Median resolution',
      meaning: 'Median time to full resolution of those solved.',
      text: (i) => (i.median_resolution_minutes === null ? '–' : formatMinutes(i.median_resolution_minutes)),
      value: (i) => i.median_resolution_minutes,
    },
    {
      key: 'low_csat',
      label: 'Low CSAT',
      meaning: 'Share of the CSAT answers about them that were not satisfied.',
      text: (i) => formatShare(i.low_csat_share),
      value: (i) => i.low_csat_share,
    },
    { key: 'cost', label: 'Cost', meaning: 'Estimated agent time the problem cost (replies, escalations, reopens, low CSAT).', text: (i) => formatAgentTime(i.cost.value), value: (i) => i.cost.value },
    {
      key: 'rise',
      label: `This ${grain}`,
      meaning: `This ${grain}’s tickets against the trailing baseline’s mean.`,
      text: (i) => formatRise(i.flags.rising, grain),
      value: (i) => (i.flags.rising.baseline_periods === 0 ? null : i.flags.rising.excess),
    },
  ];
}
