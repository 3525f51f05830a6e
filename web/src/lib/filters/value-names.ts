// A dimension's value as people read it, for every place one is shown (chart legends and tables, the drill-down,
// a ticket's facts, the filters in words): a team's name for its id (`GET /api/teams`), "In-house" for
// `in_house`, "External customers" for `external`. Channels and priorities are the canonical words themselves
// ("email", "high") and stay as they are, which is also what the charts' text descriptions document. Pure.
import type { FilterDimension } from './filters';
import { fixedOptions } from './options';

/** Team id → team name. */
export type TeamNames = ReadonlyMap<string, string>;

/** The dimensions whose values are codes rather than words: a CSV of them carries the names beside the ids. */
export const namedDimensions = ['team', 'provider', 'requester_kind'] as const satisfies readonly FilterDimension[];
export type NamedDimension = (typeof namedDimensions)[number];

export function isNamedDimension(dimension: string | null | undefined): dimension is NamedDimension {
  return (namedDimensions as readonly string[]).includes(dimension ?? '');
}

/** The name of `value` of `dimension`; an unknown value (a team not in the list yet) reads as itself. */
export function valueName(dimension: string | null | undefined, value: string, teams: TeamNames = new Map()): string {
  if (dimension === 'team') return teams.get(value) ?? value;
  if (dimension === 'provider' || dimension === 'requester_kind') {
    return fixedOptions[dimension].find((option) => option.value === value)?.label ?? value;
  }
  return value;
}

export function teamNamesOf(teams: readonly { team_id: string; name: string }[]): TeamNames {
  return new Map(teams.map((team) => [team.team_id, team.name]));
}
