// Teams created and edited through the API (POST /api/teams, PUT /api/teams/:id). A team's time zone, level,
// escalation flag, provider and name shape its tickets' facts (business minutes, escalations, the provider
// dimension; team_change events name teams by id or name), so a change recomputes them in the same transaction,
// as saving a calendar does (calendars.ts).
import type { Query } from './db.ts';
import { recomputeFactsOf } from './facts.ts';
import { writeCalendar, type TeamCalendar } from './calendars.ts';
import { unknownTimeZoneMessage, unknownTimeZones } from './time-zones.ts';

export interface TeamAttributes {
  name: string;
  time_zone: string;
  provider_kind: 'in_house' | 'outsourced' | 'independent';
  provider_name: string | null;
  support_level: number;
  is_escalation_team: boolean;
}

export interface Team extends TeamAttributes {
  team_id: string;
}

/** A refusal the API answers as a problem naming the field (409 a taken id or name, 404 no such team, 400 a bad zone). */
export class TeamError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const teamColumns = `team_id, name, time_zone, provider_kind, provider_name, support_level::INTEGER AS support_level, is_escalation_team`;

export async function readTeam(tx: Query, teamId: string): Promise<Team | undefined> {
  return tx.one<Team & Record<string, unknown>>(`SELECT ${teamColumns} FROM teams WHERE team_id = $team`, { team: teamId });
}

async function checkAttributes(tx: Query, teamId: string, team: TeamAttributes) {
  if ((await unknownTimeZones((sql, params) => tx.all(sql, params), [team.time_zone])).size > 0) {
    throw new TeamError(400, 'time_zone', unknownTimeZoneMessage(team.time_zone));
  }
  const named = await tx.one<{ team_id: string }>('SELECT team_id FROM teams WHERE name = $name AND team_id <> $team', { name: team.name, team: teamId });
  if (named) throw new TeamError(409, 'name', `team "${named.team_id}" is named "${team.name}" already`);
}

/** Adds a team, with its calendar when one is given (none: no business minutes, as docs/importing.md says). */
export async function createTeam(tx: Query, team: Team, calendar: TeamCalendar | undefined): Promise<{ team: Team; recomputed: number }> {
  if (await readTeam(tx, team.team_id)) throw new TeamError(409, 'team_id', `a team "${team.team_id}" exists already`);
  await checkAttributes(tx, team.team_id, team);
  await tx.run(
    `INSERT INTO teams (team_id, name, time_zone, provider_kind, provider_name, support_level, is_escalation_team)
     VALUES ($team_id, $name, $time_zone, $provider_kind, $provider_name, $support_level, $is_escalation_team)`,
    { ...team },
  );
  if (calendar) await writeCalendar(tx, team.team_id, calendar);
  // Tickets may name it already (team changes by id or name, from before it existed): recomputed as for an edit.
  const recomputed = await recomputeTicketsOf(tx, team.team_id, [team.name]);
  return { team: (await readTeam(tx, team.team_id))!, recomputed };
}

/**
 * Replaces a team's attributes (and its calendar, when one is given) and recomputes the facts of the tickets it
 * concerns: those of the team, and those whose team changes name it by its old or new name. Returns the team and
 * how many tickets were recomputed.
 */
export async function updateTeam(
  tx: Query,
  teamId: string,
  team: TeamAttributes,
  calendar: TeamCalendar | undefined,
): Promise<{ team: Team; recomputed: number }> {
  const before = await readTeam(tx, teamId);
  if (!before) throw new TeamError(404, 'id', `there is no team "${teamId}"`);
  await checkAttributes(tx, teamId, team);
  await tx.run(
    `UPDATE teams SET name = $name, time_zone = $time_zone, provider_kind = $provider_kind, provider_name = $provider_name,
            support_level = $support_level, is_escalation_team = $is_escalation_team
      WHERE team_id = $team`,
    { ...team, team: teamId },
  );
  // A ticket carries its team's provider (the provider dimension reads it from the ticket).
  await tx.run('UPDATE tickets SET provider_kind = $kind, provider_name = $name WHERE team_id = $team', {
    kind: team.provider_kind, name: team.provider_name, team: teamId,
  });
  if (calendar) await writeCalendar(tx, teamId, calendar);
  const recomputed = await recomputeTicketsOf(tx, teamId, [before.name, team.name]);
  return { team: (await readTeam(tx, teamId))!, recomputed };
}

/** Recomputes the facts of the team's tickets and of tickets whose team changes name it; returns how many. */
async function recomputeTicketsOf(tx: Query, teamId: string, names: string[]): Promise<number> {
  const recomputed = await recomputeFactsOf(
    tx,
    `SELECT ticket_id FROM tickets WHERE team_id = $team
      UNION
     SELECT ticket_id FROM ticket_events
      WHERE kind = 'team_change' AND (from_value IN ($team, $old_name, $new_name) OR to_value IN ($team, $old_name, $new_name))`,
    { team: teamId, old_name: names[0]!, new_name: names.at(-1)! },
  );
  await tx.run('UPDATE data_state SET version = version + 1, changed_at = now()');
  return recomputed;
}
