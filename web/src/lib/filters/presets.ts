// Range presets as days. Every preset ends at the newest day of data (the data extent), not at today, so a
// historical export is in view at once; only without any data does "today" stand in. Ranges are half-open
// [from, to) like the API's: `to` is the day after the last day shown.
import type { DashboardFilters, RangePreset } from './filters';
import { addDays, parseIsoDate, toIsoDate } from '../format';

/** `GET /api/data/extent`: the first and last day holding data, null when nothing is loaded. */
export interface DataExtent {
  first_day: string | null;
  last_day: string | null;
}

/** A range of days: `from` inclusive, `to` exclusive (the API's convention). */
export interface DayRange {
  from: string;
  to: string;
}

const trailingDays: Partial<Record<RangePreset, number>> = { '7d': 7, '30d': 30, '90d': 90 };

/** The first day of the month, quarter or year holding `day`. */
function startOf(day: string, unit: 'month' | 'quarter' | 'year'): string {
  const date = parseIsoDate(day)!;
  const month = date.getUTCMonth();
  const first = unit === 'year' ? 0 : unit === 'quarter' ? month - (month % 3) : month;
  return toIsoDate(new Date(Date.UTC(date.getUTCFullYear(), first, 1)));
}

/**
 * The days a preset covers, ending with the newest day of data (`extent.last_day`, else `today`). "All data"
 * starts at the first day of data (without data: the last 90 days). `custom` has no range of its own and is
 * treated as the default preset here; `resolveRange` reads its days from the filters.
 */
export function presetRange(preset: RangePreset, extent: DataExtent, today: string): DayRange {
  const last = extent.last_day ?? today;
  const to = addDays(last, 1);
  const days = trailingDays[preset];
  if (days !== undefined) return { from: addDays(last, 1 - days), to };
  switch (preset) {
    case 'month':
    case 'quarter':
    case 'year':
      return { from: startOf(last, preset), to };
    case 'all':
      return { from: extent.first_day && extent.first_day <= last ? extent.first_day : addDays(last, -89), to };
    default:
      return { from: addDays(last, -89), to };
  }
}

/** The days the filters select: a custom range as written (its last day included), else the preset's. */
export function resolveRange(filters: DashboardFilters, extent: DataExtent, today: string): DayRange {
  if (filters.preset === 'custom' && filters.from && filters.to) return { from: filters.from, to: addDays(filters.to, 1) };
  return presetRange(filters.preset, extent, today);
}

/** The inclusive last day of a range, as a date input shows it. */
export function lastDayOf(range: DayRange): string {
  return addDays(range.to, -1);
}
