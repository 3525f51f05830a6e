-- Rebuilds the facts of the touched tickets. Durations here are calendar minutes; the business-minute,
-- wait-time, FCR and SLA columns belong to the metrics engine and stay NULL until it fills them.
DELETE FROM ticket_facts WHERE ticket_id IN (SELECT ticket_id FROM touched_tickets);

INSERT INTO ticket_facts (ticket_id, created_at, first_response_at, first_solved_at, solved_at, channel, priority,
       category, team_id, provider_kind, assignee_id, requester_id, requester_kind, organization, is_solved,
       first_response_minutes, first_resolution_minutes, full_resolution_minutes, agent_replies, reopens,
       team_stations, assignee_stations, escalations, escalation_level_max, is_one_touch, promise_kept)
SELECT t.ticket_id, t.created_at, t.first_response_at, t.first_solved_at, t.solved_at, t.channel, t.priority,
       t.category, t.team_id, t.provider_kind, t.assignee_id, t.requester_id, t.requester_kind, t.organization,
       t.is_solved,
       date_diff('second', t.created_at, t.first_response_at) / 60.0,
       date_diff('second', t.created_at, t.first_solved_at) / 60.0,
       CASE WHEN t.is_solved THEN date_diff('second', t.created_at, t.solved_at) / 60.0 END,
       t.agent_replies, t.reopens,
       CASE WHEN t.team_id IS NULL THEN 0 ELSE t.team_changes + 1 END,
       CASE WHEN t.assignee_id IS NULL THEN 0 ELSE t.assignee_changes + 1 END,
       t.escalations, t.escalation_level_max,
       CASE WHEN t.is_solved THEN t.agent_replies < 2 END,
       CASE WHEN t.due_at IS NOT NULL AND t.is_solved THEN t.solved_at <= t.due_at END
  -- is_solved in a derived table rather than a LATERAL join, which DuckDB runs as a join of its own.
  FROM (SELECT t.*, t.solved_at IS NOT NULL AND t.status IN ('solved', 'closed') AS is_solved
          FROM tickets t
          JOIN touched_tickets USING (ticket_id)) t;
