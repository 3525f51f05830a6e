// The filters in words, for a card's PNG export, its file name and the filter bar's summary.
import type { DashboardFilters, FilterDimension } from './filters';
import { filterDimensions, presetLabels } from './filters';
import type { DayRange } from './presets';
import { formatRange } from '../format';
import { valueName, type TeamNames } from './value-names';

export const dimensionLabels: Record<FilterDimension, string> = {
  team: 'Team',
  channel: 'Channel',
  priority: 'Priority',
  provider: 'Provider',
  requester_kind: 'Requester',
};

/** "6 Jan – 19 Jan 2025 (last 90 days)"; a custom range without the parenthesis. */
export function describeRange(filters: Pick<DashboardFilters, 'preset'>, range: DayRange): string {
  const days = formatRange(range.from, range.to);
  return filters.preset === 'custom' ? days : `${days} (${presetLabels[filters.preset].toLowerCase()})`;
}

/**
 * "Channel: email, phone · Business hours", or "All tickets · Calendar hours" without dimension filters; teams and
 * providers by name ("Provider: In-house"), teams by id until `teams` knows them.
 */
export function describeFilters(filters: Pick<DashboardFilters, 'dimensions' | 'hours'>, teams: TeamNames = new Map()): string {
  const parts = filterDimensions
    .filter((dimension) => filters.dimensions[dimension].length > 0)
    .map((dimension) => `${dimensionLabels[dimension]}: ${filters.dimensions[dimension].map((v) => valueName(dimension, v, teams)).join(', ')}`);
  return [...(parts.length > 0 ? parts : ['All tickets']), filters.hours === 'business' ? 'Business hours' : 'Calendar hours'].join(' · ');
}

/** A card's context lines (its PNG export's subtitle): the range in words, then the filters with teams by name. */
export function describeView(
  filters: Pick<DashboardFilters, 'preset'>,
  view: Pick<DashboardFilters, 'dimensions' | 'hours'> & { range: DayRange },
  teams: TeamNames = new Map(),
): string[] {
  return [describeRange(filters, view.range), describeFilters(view, teams)];
}
