-- The solved stretches of touched tickets that a reopen ended (for table ticket_solved_gaps), from the same `solved` and
-- `reopened` events ticket-milestones derives solved_at and reopens from. Stretch k is what follows the k-th reopen (0:
-- from creation); it starts at its first solve and ends at reopen k + 1. Only tickets with a reopen are read.
CREATE OR REPLACE TEMP TABLE next_solved_gaps AS
WITH marks AS (
  SELECT e.ticket_id, e.occurred_at, e.kind,
         -- At one instant a solve comes before a reopen, so the reopen ends the stretch the solve is in.
         count(*) FILTER (WHERE e.kind = 'reopened')
           OVER (PARTITION BY e.ticket_id ORDER BY e.occurred_at, e.kind = 'reopened' ROWS UNBOUNDED PRECEDING) AS reopens_so_far
    FROM touched_events e
    JOIN fact_ticket_rows t USING (ticket_id)
   WHERE t.reopens > 0 AND e.kind IN ('solved', 'reopened')
),
stretch_solves AS (
  SELECT ticket_id, reopens_so_far AS stretch, min(occurred_at) AS solved_at
    FROM marks WHERE kind = 'solved'
   GROUP BY ticket_id, reopens_so_far
)
SELECT s.ticket_id, s.solved_at, r.occurred_at AS reopened_at
  FROM stretch_solves s
  JOIN marks r ON r.ticket_id = s.ticket_id AND r.kind = 'reopened' AND r.reopens_so_far = s.stretch + 1
 WHERE r.occurred_at > s.solved_at;
