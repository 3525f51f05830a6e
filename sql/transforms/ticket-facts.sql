-- Rebuilds the facts of the tickets in fact_tickets from their row (the milestones, measured on it), their replies'
-- and waits' spans (business_span_seconds, a view over fact_spans), the SLA deadlines (business_deadline_at) and the
-- requester's later tickets.
-- A ticket's three milestones share its start, so they are measured on its row: the open time up to its creation is
-- read once for all three (the difference of open time up to two instants, as business-span-seconds.sql measures a
-- span), and they need no grouping. Its replies and waits, any number of each, are grouped from their spans.
-- Measured on the facts of a million tickets: 1.72–2.35 s against 2.23–2.77 s as twelve filtered sums over every span
-- (bench/README.md, "The eleventh session").
CREATE OR REPLACE TEMP TABLE span_totals AS
WITH milestones AS (
  SELECT t.ticket_id, t.team_id, t.created_at, t.first_response_at, t.first_solved_at,
         CASE WHEN t.status IN ('solved', 'closed') THEN t.solved_at END AS full_resolved_at
    FROM fact_ticket_rows t
),
milestone_minutes AS (
  SELECT m.ticket_id,
         (epoch_us(m.first_response_at) - epoch_us(m.created_at)) / 60e6 AS first_response_minutes,
         (epoch_us(m.first_solved_at) - epoch_us(m.created_at)) / 60e6 AS first_resolution_minutes,
         (epoch_us(m.full_resolved_at) - epoch_us(m.created_at)) / 60e6 AS full_resolution_minutes,
         open_us_of(c, epoch_us(m.created_at)) AS created_open_us,
         (open_us_of(r, epoch_us(m.first_response_at))
           - created_open_us) / 1e6 / 60 AS first_response_business_minutes,
         (open_us_of(f, epoch_us(m.first_solved_at))
           - created_open_us) / 1e6 / 60 AS first_resolution_business_minutes,
         (open_us_of(s, epoch_us(m.full_resolved_at))
           - created_open_us) / 1e6 / 60 AS full_resolution_business_minutes
    FROM milestones m
    LEFT JOIN business_days c ON c.team_id = m.team_id AND c.day_number = epoch_us(m.created_at) // 86400000000
    LEFT JOIN business_days r ON r.team_id = m.team_id AND r.day_number = epoch_us(m.first_response_at) // 86400000000
    LEFT JOIN business_days f ON f.team_id = m.team_id AND f.day_number = epoch_us(m.first_solved_at) // 86400000000
    LEFT JOIN business_days s ON s.team_id = m.team_id AND s.day_number = epoch_us(m.full_resolved_at) // 86400000000
),
turn_minutes AS (
  SELECT s.ticket_id,
         -- The median of a list, not the median aggregate: the same value (NULLs left out, the middle two averaged),
         -- and faster, the aggregate keeping its own state per ticket (bench/README.md, "Loading").
         list_median(list(s.minutes) FILTER (WHERE s.measure = 'reply')) AS reply_minutes,
         list_median(list(s.business_minutes) FILTER (WHERE s.measure = 'reply')) AS reply_business_minutes,
         sum(s.minutes) FILTER (WHERE s.measure = 'wait_us') AS requester_wait_minutes,
         sum(s.business_minutes) FILTER (WHERE s.measure = 'wait_us') AS requester_wait_business_minutes,
         sum(s.minutes) FILTER (WHERE s.measure = 'wait_customer') AS agent_wait_minutes,
         sum(s.business_minutes) FILTER (WHERE s.measure = 'wait_customer') AS agent_wait_business_minutes
    FROM (SELECT ticket_id, measure, (epoch_us(ends_at) - epoch_us(starts_at)) / 60e6 AS minutes, seconds / 60 AS business_minutes
            FROM business_span_seconds
           WHERE measure IN ('reply', 'wait_us', 'wait_customer')) s
   GROUP BY s.ticket_id
)
SELECT m.ticket_id,
       m.first_response_minutes, m.first_response_business_minutes,
       m.first_resolution_minutes, m.first_resolution_business_minutes,
       m.full_resolution_minutes, m.full_resolution_business_minutes,
       u.reply_minutes, u.reply_business_minutes,
       u.requester_wait_minutes, u.requester_wait_business_minutes,
       u.agent_wait_minutes, u.agent_wait_business_minutes
  FROM milestone_minutes m
  LEFT JOIN turn_minutes u USING (ticket_id);

-- Escalated: an escalate event, or a move to an escalation team or to a team of a higher support level.
CREATE OR REPLACE TEMP TABLE escalated_tickets AS
SELECT e.ticket_id
  -- Only escalations and team changes can escalate: filtered first, so the joins on team id or name (an OR,
  -- which DuckDB runs as a nested loop) see a few rows rather than every event.
  FROM (SELECT ticket_id, kind, from_value, to_value FROM scope_events WHERE kind IN ('escalate', 'team_change')) e
  LEFT JOIN teams dest ON e.kind = 'team_change' AND (dest.team_id = e.to_value OR dest.name = e.to_value)
  LEFT JOIN teams origin ON e.kind = 'team_change' AND (origin.team_id = e.from_value OR origin.name = e.from_value)
 WHERE e.kind = 'escalate' OR dest.is_escalation_team OR dest.support_level > origin.support_level
UNION
SELECT t.ticket_id FROM fact_ticket_rows t JOIN teams tm USING (team_id) WHERE tm.is_escalation_team
UNION
SELECT t.ticket_id FROM fact_ticket_rows t WHERE t.escalations > 0;

-- A requester's next contact: another ticket opened after this one and at most 7 days after its last solve.
-- The earliest later ticket decides whether there is one, the earliest later one in the same category whether
-- one shares it: windows over each requester's tickets (fact_tickets holds all of them), not a self-join.
CREATE OR REPLACE TEMP TABLE repeat_contacts AS
WITH next_contacts AS (
  SELECT t.ticket_id, t.solved_at,
         min(t.created_at) OVER (PARTITION BY t.source, t.requester_id ORDER BY t.created_at
                                 RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE GROUP) AS next_created_at,
         min(t.created_at) OVER (PARTITION BY t.source, t.requester_id, t.category ORDER BY t.created_at
                                 RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE GROUP) AS next_same_category_at
    FROM fact_ticket_rows t
   WHERE t.requester_id IS NOT NULL
)
SELECT ticket_id, coalesce(next_same_category_at <= solved_at + INTERVAL 7 DAY, false) AS same_category
  FROM next_contacts
 WHERE solved_at IS NOT NULL AND next_created_at <= solved_at + INTERVAL 7 DAY;

-- Durations are stored as whole seconds (the cast rounds; ticket_facts shows them in minutes too, as virtual columns).
-- The cap only keeps a corrupt century-long duration from overflowing the INTEGER (68 years); least() alone would
-- turn NULL (not measured) into the cap.
CREATE OR REPLACE TEMP MACRO whole_seconds(minutes) AS CASE WHEN minutes IS NOT NULL THEN least(minutes * 60, 2147483647)::INTEGER END;

-- The new rows; facts-store.sql writes them (computing may run before the load's transaction). A view, read once by
-- that insert: a temp table would copy every row of facts in and out again (bench/README.md, "Loading").

CREATE OR REPLACE TEMP VIEW next_facts AS
WITH k AS (
  SELECT t.ticket_id,
         t.solved_at IS NOT NULL AND t.status IN ('solved', 'closed') AS is_solved,
         -- A transfer is a reassignment whether or not the log names the teams: a ticket of no known team that was
         -- transferred has been at one station more than its transfers (XES logs mark "Reassignment" with no group).
         CASE WHEN t.team_id IS NULL AND t.team_changes = 0 THEN 0 ELSE t.team_changes + 1 END AS team_stations,
         e.ticket_id IS NOT NULL AS is_escalated
    FROM fact_ticket_rows t
    LEFT JOIN escalated_tickets e USING (ticket_id)
)
SELECT t.ticket_id, t.created_at, t.first_response_at, t.first_solved_at, t.solved_at, t.channel, t.priority,
       t.category, t.team_id, t.provider_kind, t.assignee_id, t.requester_id, t.requester_kind, t.organization,
       k.is_solved,
       t.status IN ('solved', 'closed') AS is_ended,
       CASE WHEN t.status IN ('solved', 'closed') THEN coalesce(t.solved_at, t.closed_at) END AS ended_at,
       whole_seconds(s.first_response_minutes) AS first_response_seconds, whole_seconds(s.first_response_business_minutes) AS first_response_business_seconds,
       whole_seconds(s.first_resolution_minutes) AS first_resolution_seconds, whole_seconds(s.first_resolution_business_minutes) AS first_resolution_business_seconds,
       whole_seconds(s.full_resolution_minutes) AS full_resolution_seconds, whole_seconds(s.full_resolution_business_minutes) AS full_resolution_business_seconds,
       whole_seconds(s.reply_minutes) AS reply_seconds, whole_seconds(s.reply_business_minutes) AS reply_business_seconds,
       whole_seconds(s.requester_wait_minutes) AS requester_wait_seconds, whole_seconds(s.requester_wait_business_minutes) AS requester_wait_business_seconds,
       -- A measured ticket that never waited on the customer waited 0 minutes: it stays in medians and means.
       CASE WHEN s.requester_wait_minutes IS NOT NULL THEN whole_seconds(coalesce(s.agent_wait_minutes, 0)) END AS agent_wait_seconds,
       CASE WHEN s.requester_wait_business_minutes IS NOT NULL THEN whole_seconds(coalesce(s.agent_wait_business_minutes, 0)) END AS agent_wait_business_seconds,
       t.agent_replies, t.reopens, k.team_stations,
       -- Likewise a change of assignee (an `assign` from one agent to another, a snapshot log's assignees) is a
       -- reassignment whether or not the ticket or the organisation names the assignee.
       CASE WHEN t.assignee_id IS NULL AND t.assignee_changes = 0 THEN 0 ELSE t.assignee_changes + 1 END AS assignee_stations,
       t.escalations, t.escalation_level_max, k.is_escalated,
       CASE WHEN k.is_solved THEN t.agent_replies < 2 END AS is_one_touch,
       CASE WHEN k.is_solved THEN
         -- Phone and desk: solved in the first interaction (ticket-milestones.sql dates that response at creation).
         CASE WHEN t.channel IN ('phone', 'desk') THEN coalesce(t.first_response_at = t.created_at, t.agent_replies <= 1)
              ELSE t.agent_replies <= 1 END
         AND t.reopens = 0 AND k.team_stations <= 1 AND NOT k.is_escalated AND NOT coalesce(r.same_category, false)
       END AS is_fcr,
       CASE WHEN k.is_solved THEN
         NOT k.is_escalated AND t.reopens = 0 AND
         CASE WHEN t.channel IN ('phone', 'desk', 'chat') THEN t.agent_replies <= 1
              ELSE coalesce(s.full_resolution_business_minutes, s.full_resolution_minutes) <= 60 END
       END AS is_fcr_metricnet,
       CASE WHEN k.is_solved AND t.requester_id IS NOT NULL THEN r.ticket_id IS NOT NULL END AS has_repeat_contact_7d,
       CASE c.first_hours WHEN 'business' THEN dr.due_at ELSE t.created_at + to_minutes(c.first_minutes) END AS sla_first_response_due_at,
       CASE c.resolution_hours WHEN 'business' THEN dd.due_at ELSE t.created_at + to_minutes(c.resolution_minutes) END AS sla_resolution_due_at,
       t.due_at, CASE WHEN t.due_at IS NOT NULL AND k.is_solved THEN t.solved_at <= t.due_at END AS promise_kept
  FROM fact_ticket_rows t
  JOIN k USING (ticket_id)
  LEFT JOIN span_totals s USING (ticket_id)
  LEFT JOIN repeat_contacts r USING (ticket_id)
  LEFT JOIN (SELECT ticket_id,
                    any_value(hours) FILTER (WHERE target = 'first_response') AS first_hours,
                    any_value(target_minutes) FILTER (WHERE target = 'first_response') AS first_minutes,
                    any_value(hours) FILTER (WHERE target = 'resolution') AS resolution_hours,
                    any_value(target_minutes) FILTER (WHERE target = 'resolution') AS resolution_minutes
               FROM sla_clocks GROUP BY ticket_id) c USING (ticket_id)
  LEFT JOIN business_deadline_at dr ON dr.ticket_id = t.ticket_id AND dr.target = 'first_response'
  LEFT JOIN business_deadline_at dd ON dd.ticket_id = t.ticket_id AND dd.target = 'resolution';
