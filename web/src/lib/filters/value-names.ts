// A dimension's value as people read it, for every place one is shown (chart legends and tables, the drill-down,
// a ticket's facts, the filters in words): a team's name for its id (`GET /api/teams`), "In-house" for
// `in_house`, "External customers" for `external`. Channels and priorities are the canonical words themselves
// ("email", "high") and stay as they are, which is also what the charts' text descriptions document. An agent is
// named by the series answer itself (`group_names` of `GET /api/metrics/:key?by=agent`), there being no list of
// agents to load; an issue likewise (`by=issue`). The group of a grouped chart without a value (`noGroup`: no assignee, no team) reads as
// "Unassigned", "No team" or "None". Pure.
import type { SeriesResponse } from '$api/contracts';
import { noGroup } from '../charts/series-matrix';
import type { FilterDimension } from './filters';
import { fixedOptions } from './options';

/** Team id → team name. */
export type TeamNames = ReadonlyMap<string, string>;

/** Id → name of the groups a series answer named (`group_names`). */
export type GroupNames = Readonly<Record<string, string>>;

/** The dimensions whose values are codes rather than words: a CSV of them carries the names beside the ids. */
export const namedDimensions = ['team', 'provider', 'requester_kind', 'agent'] as const satisfies readonly (FilterDimension | 'agent')[];
export type NamedDimension = (typeof namedDimensions)[number];

export function isNamedDimension(dimension: string | null | undefined): dimension is NamedDimension {
  return (namedDimensions as readonly string[]).includes(dimension ?? '');
}

const noValueName: Record<string, string> = { agent: 'Unassigned', team: 'No team', issue: 'No issue' };

/**
 * The name of `value` of `dimension`; an unknown value (a team not in the list yet, an agent the answer did not name)
 * reads as itself.
 */
export function valueName(dimension: string | null | undefined, value: string, teams: TeamNames = new Map(), groupNames: GroupNames = {}): string {
  if (value === noGroup) return noValueName[dimension ?? ''] ?? 'None';
  if (dimension === 'agent' || dimension === 'issue') return groupNames[value] ?? value;
  if (dimension === 'team') return teams.get(value) ?? value;
  if (dimension === 'provider' || dimension === 'requester_kind') {
    return fixedOptions[dimension].find((option) => option.value === value)?.label ?? value;
  }
  return value;
}

/**
 * How a grouped series names its groups in the legend, tooltip, text description, data table and drill-down: by
 * `valueName`, agents by the names the answer gave (`group_names`). Undefined for a single series.
 */
export function seriesGroupLabel(response: Pick<SeriesResponse, 'by' | 'group_names'>, teams: TeamNames = new Map()): ((group: string) => string) | undefined {
  const { by, group_names: groupNames } = response;
  return by ? (group) => valueName(by, group, teams, groupNames) : undefined;
}

export function teamNamesOf(teams: readonly { team_id: string; name: string }[]): TeamNames {
  return new Map(teams.map((team) => [team.team_id, team.name]));
}
