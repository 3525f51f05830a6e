-- Recounts ticket milestones and counters from the event log, for touched tickets that have events.
-- First response is the first public agent reply (bots and internal notes never count); on a ticket an
-- agent opened for the customer it is the agent's second public reply, or the creation itself when a phone or
-- desk ticket was solved in that first interaction (Zendesk's rule, PRODUCT.md §4).
-- The status of a ticket known only from its event log is its latest milestone. Tickets without events keep
-- the first response time their export states (merge-tickets).
CREATE OR REPLACE TEMP TABLE event_milestones AS
SELECT e.ticket_id,
       min(e.occurred_at) FILTER (WHERE e.kind = 'solved') AS first_solved_at,
       max(e.occurred_at) FILTER (WHERE e.kind = 'solved') AS solved_at,
       max(e.occurred_at) FILTER (WHERE e.kind = 'closed') AS closed_at,
       min(e.occurred_at, 2) FILTER (WHERE e.kind = 'agent_reply' AND e.actor_kind = 'agent' AND NOT coalesce(author.is_bot, false)) AS public_replies, -- the first two
       count(*) FILTER (WHERE e.kind = 'agent_reply' AND e.actor_kind = 'agent' AND NOT coalesce(author.is_bot, false))::INTEGER AS agent_replies,
       count(*) FILTER (WHERE e.kind = 'customer_reply')::INTEGER AS customer_replies,
       count(*) FILTER (WHERE e.kind = 'reopened')::INTEGER AS reopens,
       count(*) FILTER (WHERE e.kind = 'assign' AND e.from_value IS NOT NULL)::INTEGER AS assignee_changes,
       count(*) FILTER (WHERE e.kind = 'team_change')::INTEGER AS team_changes,
       count(*) FILTER (WHERE e.kind = 'escalate')::INTEGER AS escalations,
       greatest(1, max(try_cast(e.to_value AS SMALLINT)) FILTER (WHERE e.kind IN ('escalate', 'deescalate')))::SMALLINT AS escalation_level_max,
       coalesce(arg_max(CASE e.kind WHEN 'closed' THEN 'closed' WHEN 'solved' THEN 'solved' WHEN 'reopened' THEN 'open'
                                    WHEN 'wait_start' THEN 'pending' WHEN 'wait_end' THEN 'open' END, e.occurred_at)
                  FILTER (WHERE e.kind IN ('closed', 'solved', 'reopened', 'wait_start', 'wait_end')), 'open') AS status_by_events
  FROM fact_events e
  JOIN touched_tickets USING (ticket_id)
  -- An export may write a bot account as an agent; the organisation file says which agents are bots.
  LEFT JOIN agents author ON author.agent_id = e.actor
 GROUP BY e.ticket_id;

-- Transfers and escalations read from the team and the support level the event rows carry (an ITSM log writes the
-- assignment group and the line on every row, whatever the row's kind), in time order per ticket: a change of team is
-- a transfer; a rise of level, or a move into a team marked as an escalation team, an escalation; a fall of level a
-- de-escalation (it counts nothing itself; a later rise counts again). Teams are compared as the rows write them,
-- known to the organisation file or not. Only rows that carry a team or a level are read, by two filters DuckDB
-- pushes into the scans, so a log that maps neither adds no work per row here.
-- A ticket whose rows carry levels (a level column, the mapping's team_levels) is read from those alone; one whose
-- rows carry none takes each row's level from the organisation file's support_level of the team it names.
CREATE OR REPLACE TEMP TABLE event_sequences AS
WITH carried AS (
  SELECT e.*
    FROM (SELECT ticket_id, occurred_at, team, support_level FROM fact_events WHERE team IS NOT NULL
          UNION ALL
          SELECT ticket_id, occurred_at, team, support_level FROM fact_events WHERE team IS NULL AND support_level IS NOT NULL) e
    JOIN touched_tickets USING (ticket_id)
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

-- The touched tickets as they are with their milestones recounted (ticket-milestones-apply.sql writes them back): a temp table,
-- so that the facts can be computed from it before the load's transaction changes any ticket.
CREATE OR REPLACE TEMP TABLE recounted_tickets AS
SELECT t.* REPLACE (
       -- A ticket export states the status; for a ticket known only from its event log, the events do.
       CASE WHEN t.from_event_log THEN r.status_by_events ELSE t.status END AS status,
       r.first_solved_at AS first_solved_at,
       r.solved_at AS solved_at,
       coalesce(r.closed_at, t.closed_at) AS closed_at,
       -- Events decide; without a reply among them, the export's own first response time (if any) stands.
       coalesce(CASE
         WHEN NOT t.created_by_agent THEN r.public_replies[1]
         WHEN len(r.public_replies) >= 2 THEN r.public_replies[2]
         -- Solved in that first interaction: only a call or a visit is one; an outbound e-mail nobody answered
         -- has had no response (Zendesk leaves its first reply time empty too).
         WHEN r.first_solved_at IS NOT NULL AND t.channel IN ('phone', 'desk') THEN t.created_at
       END, t.first_response_at) AS first_response_at,
       r.agent_replies AS agent_replies,
       r.customer_replies AS customer_replies,
       r.reopens AS reopens,
       r.assignee_changes AS assignee_changes,
       -- A log that has team_change (escalate) rows and a team (level) on every row tells of the same transfers
       -- (escalations) twice, the kind of one row and the change of value on it or the next: the larger count is taken,
       -- so each counts once; either alone counts them all.
       greatest(r.team_changes, coalesce(s.team_moves, 0)) AS team_changes,
       greatest(r.escalations, coalesce(s.escalations, 0)) AS escalations,
       -- The highest level the ticket reached, by escalate/deescalate events or by the levels its rows carry.
       greatest(r.escalation_level_max, coalesce(s.level_max, 1)) AS escalation_level_max)
  FROM fact_ticket_base t
  JOIN event_milestones r USING (ticket_id)
  LEFT JOIN event_sequences s USING (ticket_id);
