-- Input: temp view touched_events (the events of the tickets in touched_tickets, sql/facts.ts). Output: temp table
-- event_sequences, which ticket-milestones.sql adds to the counts of team_change and escalate events.
-- Transfers and escalations read from the team and the support level the event rows carry (an ITSM log writes the
-- assignment group and the line on every row, whatever the row's kind), in time order per ticket: a change of team is
-- a transfer; a rise of level, or a move into a team marked as an escalation team, an escalation; a fall of level a
-- de-escalation (it counts nothing itself; a later rise counts again). Teams are compared as the rows write them,
-- known to the organisation file or not. Only rows that carry a team or a level are read, by two filters DuckDB
-- pushes into the scans; sql/facts.ts runs this only when some event carries one (else event_sequences is empty).
-- A ticket whose rows carry levels (a level column, the mapping's team_levels) is read from those alone; one whose
-- rows carry none takes each row's level from the organisation file's support_level of the team it names.
CREATE OR REPLACE TEMP TABLE event_sequences AS
WITH carried AS (
  SELECT e.*
    FROM (SELECT ticket_id, occurred_at, team, support_level FROM touched_events WHERE team IS NOT NULL
          UNION ALL
          SELECT ticket_id, occurred_at, team, support_level FROM touched_events WHERE team IS NULL AND support_level IS NOT NULL) e
),
resolved AS (
  SELECT c.ticket_id, c.occurred_at, c.team,
         CASE WHEN bool_or(c.support_level IS NOT NULL) OVER (PARTITION BY c.ticket_id) THEN c.support_level
              ELSE coalesce(by_id.support_level, by_name.support_level) END AS level,
         CASE WHEN c.team IS NOT NULL THEN coalesce(by_id.is_escalation_team, by_name.is_escalation_team, false) END AS at_escalation_team
    FROM carried c
    -- Two equality joins rather than one on id or name, which DuckDB would run as a nested loop.
    LEFT JOIN teams by_id ON by_id.team_id = c.team
    LEFT JOIN teams by_name ON by_name.name = c.team
),
steps AS (
  -- Rows at the same instant are taken in order of level, then team, so that the count does not depend on the file's order.
  SELECT ticket_id, team, level, at_escalation_team,
         lag(team IGNORE NULLS) OVER in_time AS previous_team,
         lag(level IGNORE NULLS) OVER in_time AS previous_level,
         lag(at_escalation_team IGNORE NULLS) OVER in_time AS previously_at_escalation_team
    FROM resolved
  WINDOW in_time AS (PARTITION BY ticket_id ORDER BY occurred_at, level, team)
)
SELECT ticket_id,
       count(*) FILTER (WHERE team <> previous_team)::INTEGER AS team_moves,
       count(*) FILTER (WHERE level > previous_level
                           OR (at_escalation_team AND team <> previous_team AND NOT previously_at_escalation_team))::INTEGER AS escalations,
       max(level)::SMALLINT AS level_max
  FROM steps
 GROUP BY ticket_id;
