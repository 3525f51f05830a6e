// What a snapshot log's rows tell about each ticket's history (issue 14 §7). A snapshot log (`latest_by`) keeps only
// the latest row of each ticket, but its earlier rows are its earlier states: the teams and assignees it passed
// through and the times it was solved and opened again. Where the mapping names the source's own counter
// (`team_changes`, `team_stations`, `assignee_changes`, `assignee_stations`, `reopens`), the latest row's counter
// stands; otherwise the counts come from the sequence of states, ordered by the `latest_by` field, then the line:
//
// - a team or assignee change is a state whose value differs from the last one named before it (an empty value
//   names none: a ticket unassigned for a while and back with the same person has not changed hands);
// - a reopen is a state that is not solved or closed right after one that is.
//
// A ticket stored already keeps its counts, and the file's states of it later than the stored one (by `latest_by`)
// continue them: the first such state is compared with the stored ticket (its team and assignee by name or id, a name
// nothing matches being one the load creates; its status), the rest with each other. States no later than the stored one are counted already.
import { quoteIdentifier, type Query } from '../sql/db.ts';
import { canonicalFields } from './mapping/canonical.ts';
import type { Mapping } from './mapping/types.ts';

/** A count kept from the snapshots, and the mapped fields that, when present, are the source's own counter instead. */
const sequenceCounts = [
  { count: 'team_changes', needs: 'team', counters: ['team_changes', 'team_stations'] },
  { count: 'assignee_changes', needs: 'assignee', counters: ['assignee_changes', 'assignee_stations'] },
  { count: 'reopens', needs: 'status', counters: ['reopens'] },
] as const;

/** The counts a tickets snapshot log takes from its sequence of states: those it maps a value for but no counter. */
export function countsFromSnapshots(mapping: Mapping): string[] {
  if (mapping.kind !== 'tickets' || !mapping.latestBy) return [];
  return sequenceCounts.filter((c) => mapping.fields[c.needs] && !c.counters.some((f) => mapping.fields[f])).map((c) => c.count);
}

/**
 * 1 when the file's first named value of a stored ticket moves it from its stored team or agent (`storedId`), else 0.
 * The value is looked up by name or id (`foundId`); one that matches none is a team or agent this load creates, so it
 * is a move too. A ticket stored without one, or a file naming none, has not moved.
 */
const movedAtBoundary = (firstValue: string, storedId: string, foundId: string) =>
  `(${firstValue} IS NOT NULL AND ${storedId} IS NOT NULL AND ${foundId} IS DISTINCT FROM ${storedId})::INTEGER`;

/**
 * Temp table `snapshot_history` (external_id and the counts of `countsFromSnapshots`) from the valid rows of `mapped`.
 * Returns the replacements the rows to merge take from it (`incoming_tickets`, see load.ts `createIncomingView`).
 */
export async function keepSnapshotHistory(query: Query, mapping: Mapping, source: string): Promise<string[]> {
  const counts = countsFromSnapshots(mapping);
  if (counts.length === 0) return [];
  const latest = quoteIdentifier(mapping.latestBy!);
  // A stored state is compared by the latest_by field as the ticket stores it; a field it does not store as an instant
  // leaves every state of the file to count (documented in docs/importing.md, "Snapshot logs").
  const stored = canonicalFields.tickets.types[mapping.latestBy!] === 'TIMESTAMPTZ' ? `t.${latest}` : 'NULL::TIMESTAMPTZ';
  const ended = (status: string) => `${status} IN ('solved', 'closed')`;
  await query.run(
    `CREATE OR REPLACE TEMP TABLE snapshot_history AS
     WITH stored AS (
       SELECT t.external_id, ${stored} AS stored_latest, t.team_id, t.assignee_id, ${ended('t.status')} AS ended,
              t.team_changes, t.assignee_changes, t.reopens
         FROM tickets t
        WHERE t.source = $source AND t.external_id IN (SELECT external_id FROM mapped WHERE reject_reason IS NULL)
     ),
     steps AS (
       SELECT m.external_id, m.team, m.assignee, m.status,
              lag(m.team IGNORE NULLS) OVER oldest_first AS previous_team,
              lag(m.assignee IGNORE NULLS) OVER oldest_first AS previous_assignee,
              lag(m.status) OVER oldest_first AS previous_status
         FROM mapped m
         LEFT JOIN stored s ON s.external_id = m.external_id
        WHERE m.reject_reason IS NULL AND (s.stored_latest IS NULL OR m.${latest} > s.stored_latest)
       WINDOW oldest_first AS (PARTITION BY m.external_id ORDER BY m.${latest} ASC NULLS FIRST, m.record)
     ),
     file_history AS (
       SELECT external_id,
              count(*) FILTER (WHERE team <> previous_team)::INTEGER AS team_moves,
              count(*) FILTER (WHERE assignee <> previous_assignee)::INTEGER AS assignee_moves,
              count(*) FILTER (WHERE ${ended('previous_status')} AND NOT ${ended('status')})::INTEGER AS reopen_moves,
              -- The first value named: lag skips empty values, so only the first named one has none before it.
              any_value(team) FILTER (WHERE team IS NOT NULL AND previous_team IS NULL) AS first_team,
              any_value(assignee) FILTER (WHERE assignee IS NOT NULL AND previous_assignee IS NULL) AS first_assignee,
              any_value(status) FILTER (WHERE previous_status IS NULL) AS first_status
         FROM steps
        GROUP BY external_id
     )
     SELECT ids.external_id,
            (coalesce(s.team_changes, 0) + coalesce(f.team_moves, 0)
             + ${movedAtBoundary('f.first_team', 's.team_id', 'coalesce(team_by_name.team_id, team_by_id.team_id)')})::INTEGER AS team_changes,
            (coalesce(s.assignee_changes, 0) + coalesce(f.assignee_moves, 0)
             + ${movedAtBoundary('f.first_assignee', 's.assignee_id', 'coalesce(agent_by_name.agent_id, agent_by_id.agent_id)')})::INTEGER AS assignee_changes,
            (coalesce(s.reopens, 0) + coalesce(f.reopen_moves, 0)
             + coalesce((s.ended AND NOT ${ended('f.first_status')})::INTEGER, 0))::INTEGER AS reopens
       FROM (SELECT DISTINCT external_id FROM mapped WHERE reject_reason IS NULL) ids
       LEFT JOIN stored s USING (external_id)
       LEFT JOIN file_history f USING (external_id)
       -- The boundary with a stored ticket: only there is a value looked up.
       LEFT JOIN teams team_by_name ON s.external_id IS NOT NULL AND team_by_name.name = f.first_team
       LEFT JOIN teams team_by_id ON s.external_id IS NOT NULL AND team_by_id.team_id = f.first_team
       -- Agents' names need not be unique: one row per name, so that a ticket stays one row.
       LEFT JOIN (SELECT name, min(agent_id) AS agent_id FROM agents GROUP BY name) agent_by_name
              ON s.external_id IS NOT NULL AND agent_by_name.name = f.first_assignee
       LEFT JOIN agents agent_by_id ON s.external_id IS NOT NULL AND agent_by_id.agent_id = f.first_assignee`,
    { source },
  );
  return counts.map((count) => `h.${count} AS ${count}`);
}
