-- The spans of time each fact measures, for calendar and business minutes alike:
-- first response, first and full resolution, every agent reply from the customer message it answers, and the
-- stretches a solved ticket spent waiting on us (new, open, on hold) or on the customer (pending).

-- Who the ticket was waiting on from each status change on: 'us', 'customer', or nobody once solved. A view, read
-- once by wait_segments, whose window copies its rows anyway: a temp table copied them once more (bench/README.md,
-- "Loading"). Only rows that say who is waiting are kept, by a filter of their own: filtering on the CASE would have
-- DuckDB evaluate it twice, lowering every status twice (bench/README.md, "The thirteenth session").
CREATE OR REPLACE TEMP VIEW status_changes AS
SELECT t.ticket_id, t.created_at AS at_instant, 0 AS seq, 'us' AS waiting_on
  FROM fact_ticket_rows t
 WHERE EXISTS (SELECT 1 FROM fact_events e WHERE e.ticket_id = t.ticket_id)
UNION ALL
SELECT e.ticket_id, e.occurred_at, 1,
       CASE WHEN e.kind = 'wait_start' THEN 'customer'
            WHEN e.kind IN ('wait_end', 'reopened') THEN 'us'
            WHEN e.kind IN ('solved', 'closed') THEN 'nobody'
            WHEN lower(e.to_value) IN ('new', 'open', 'on_hold', 'on-hold', 'hold') THEN 'us'
            WHEN lower(e.to_value) = 'pending' THEN 'customer'
            ELSE 'nobody' END
  FROM scope_events e
 WHERE e.kind IN ('wait_start', 'wait_end', 'reopened', 'solved', 'closed')
    OR (e.kind = 'status_change'
        AND lower(e.to_value) IN ('new', 'open', 'on_hold', 'on-hold', 'hold', 'pending', 'solved', 'closed', 'resolved'));

-- Stretches up to the last solve of solved tickets (waits are measured once the ticket is solved).
-- With the ticket's team, as reply_spans: fact_spans, read twice, then joins no ticket to them.
-- Changes at one instant are ordered nobody, customer, us, so the last of them, the one whose stretch runs on, is
-- waiting on us: the facts never depend on the order rows are read in, and a tie never flatters the team.
-- The order is one number, the instant's microseconds × 8 + seq × 4 + that rank (0–2): the same order as the three
-- keys, sorted in about 15 % less time (bench/README.md, "The eleventh session").
CREATE OR REPLACE TEMP TABLE wait_segments AS
SELECT s.ticket_id, t.team_id, s.waiting_on, s.starts_at, least(coalesce(s.ends_at, t.solved_at), t.solved_at) AS ends_at
  FROM (SELECT ticket_id, waiting_on, at_instant AS starts_at,
               lead(at_instant) OVER (
                 PARTITION BY ticket_id
                 ORDER BY epoch_us(at_instant) * 8 + seq * 4 + CASE waiting_on WHEN 'nobody' THEN 0 WHEN 'customer' THEN 1 ELSE 2 END
               ) AS ends_at
          FROM status_changes) s
  JOIN fact_ticket_rows t USING (ticket_id)
 WHERE t.solved_at IS NOT NULL AND t.status IN ('solved', 'closed') AND s.starts_at < t.solved_at
   AND s.waiting_on IN ('us', 'customer');

-- Each public agent reply answers the customer messages since the agent's previous reply; it is measured from the
-- first of them (a customer reopening a solved ticket is such a message). A reply with no customer message before it (a follow-up, or an agent-opened ticket's first
-- comment) answers nothing and is not measured.
CREATE OR REPLACE TEMP TABLE reply_spans AS
WITH messages AS (
  SELECT t.ticket_id, t.created_at AS at_instant, 'customer' AS side
    FROM fact_ticket_rows t
   WHERE NOT t.created_by_agent
  UNION ALL
  SELECT e.ticket_id, e.occurred_at, CASE WHEN e.kind = 'agent_reply' THEN 'agent' ELSE 'customer' END
    FROM scope_events e
    LEFT JOIN agents author ON author.agent_id = e.actor
   WHERE e.kind = 'customer_reply' OR (e.kind = 'agent_reply' AND e.actor_kind = 'agent' AND NOT coalesce(author.is_bot, false))
      -- A customer reopening a solved ticket is writing to us again.
      OR (e.kind = 'reopened' AND e.actor_kind = 'customer')
),
turns AS (
  -- At equal instants the customer's message comes first: one number, as wait_segments' order.
  SELECT *, coalesce(count(*) FILTER (WHERE side = 'agent')
                       OVER (PARTITION BY ticket_id ORDER BY epoch_us(at_instant) * 2 + CASE side WHEN 'customer' THEN 0 ELSE 1 END
                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
              AS agent_replies_before
    FROM messages
)
SELECT r.*, t.team_id
  FROM (SELECT a.ticket_id, min(c.at_instant) AS asked_at, a.at_instant AS replied_at
          FROM turns a
          JOIN turns c ON c.ticket_id = a.ticket_id AND c.side = 'customer' AND c.agent_replies_before = a.agent_replies_before
         WHERE a.side = 'agent'
         GROUP BY a.ticket_id, a.at_instant, a.agent_replies_before) r
  JOIN fact_ticket_rows t USING (ticket_id);

-- Every span, each ticket's three milestones too: the days business time is laid out for (business-days-wanted.sql).
-- The per-ticket totals (ticket-facts.sql) measure the milestones on the ticket's row and read the replies and waits
-- from here, in one pipeline with their business time, rather than materialised, numbered and joined back.
CREATE OR REPLACE TEMP VIEW fact_spans AS
SELECT s.*
  FROM (
    -- One scan of the tickets for their three milestone spans.
    SELECT ticket_id, measure, team_id, starts_at, ends_at
      FROM (SELECT t.ticket_id, t.team_id, t.created_at AS starts_at,
                   unnest([{'measure': 'first_response', 'ends_at': t.first_response_at},
                           {'measure': 'first_resolution', 'ends_at': t.first_solved_at},
                           {'measure': 'full_resolution', 'ends_at': CASE WHEN t.status IN ('solved', 'closed') THEN t.solved_at END}],
                          recursive := true)
              FROM fact_ticket_rows t)
     WHERE ends_at IS NOT NULL
    UNION ALL
    SELECT ticket_id, 'reply', team_id, asked_at, replied_at FROM reply_spans
    UNION ALL
    SELECT ticket_id, 'wait_' || waiting_on, team_id, starts_at, ends_at FROM wait_segments
  ) s;

-- Business minutes of every span (business-span-seconds.sql); a team without a calendar has none.
CREATE OR REPLACE TEMP VIEW business_spans AS
SELECT * FROM fact_spans;

-- SLA clocks: the ticket's policy, or the organisation's only policy when the ticket names none.
CREATE OR REPLACE TEMP TABLE sla_clocks AS
SELECT t.ticket_id, p.target, p.hours, p.target_minutes, t.team_id, t.created_at
  FROM fact_ticket_rows t
  JOIN sla_policies p
    ON p.policy_id = coalesce(t.sla_policy, (SELECT min(policy_id) FROM sla_policies HAVING count(DISTINCT policy_id) = 1))
   AND p.priority = t.priority;

CREATE OR REPLACE TEMP VIEW business_deadlines AS
SELECT ticket_id, target, team_id, created_at AS starts_at, target_minutes AS minutes
  FROM sla_clocks
 WHERE hours = 'business';
