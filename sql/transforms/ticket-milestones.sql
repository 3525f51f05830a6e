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
       -- Levels parsed only from the rows that carry one, and the latest status kind mapped to a status once per ticket
       -- rather than for every event; plain comparisons, not IN lists, which DuckDB joins (a third less time over the
       -- events, bench/README.md "Loading").
       greatest(1, max(CASE WHEN e.kind = 'escalate' OR e.kind = 'deescalate' THEN try_cast(e.to_value AS SMALLINT) END))::SMALLINT AS escalation_level_max,
       coalesce(CASE arg_max(e.kind, e.occurred_at)
                       FILTER (WHERE e.kind = 'closed' OR e.kind = 'solved' OR e.kind = 'reopened' OR e.kind = 'wait_start' OR e.kind = 'wait_end')
                  WHEN 'closed' THEN 'closed' WHEN 'solved' THEN 'solved' WHEN 'reopened' THEN 'open'
                  WHEN 'wait_start' THEN 'pending' WHEN 'wait_end' THEN 'open' END, 'open') AS status_by_events
  FROM touched_events e
  -- An export may write a bot account as an agent; the organisation file says which agents are bots.
  LEFT JOIN agents author ON author.agent_id = e.actor
 GROUP BY e.ticket_id;

-- The touched tickets' milestones and counters recounted (ticket-milestones-apply.sql writes them back): a temp table,
-- so that the facts can be computed from it before the load's transaction changes any ticket. Only the columns the
-- events decide, which every reader takes from here (sql/facts.ts `recountedColumns`): a copy of whole rows, texts and
-- names included, cost twice as long.
CREATE OR REPLACE TEMP TABLE recounted_tickets AS
SELECT t.ticket_id,
       -- A ticket export states the status; for a ticket known only from its event log, the events do.
       CASE WHEN t.from_event_log THEN r.status_by_events ELSE t.status END AS status,
       -- Events date the solves; a ticket whose events have no `solved` one keeps the solve its export states (a log of
       -- replies alone says nothing about solving).
       coalesce(r.first_solved_at, t.first_solved_at) AS first_solved_at,
       coalesce(r.solved_at, t.solved_at) AS solved_at,
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
       greatest(r.escalation_level_max, coalesce(s.level_max, 1)) AS escalation_level_max
  FROM fact_ticket_base t
  JOIN event_milestones r USING (ticket_id)
  LEFT JOIN event_sequences s USING (ticket_id);
