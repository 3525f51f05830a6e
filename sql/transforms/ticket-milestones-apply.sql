-- Writes the recounted milestones and counters (temp table recounted_tickets, ticket-milestones.sql) to the tickets.
UPDATE tickets SET
       status = r.status, first_solved_at = r.first_solved_at, solved_at = r.solved_at, closed_at = r.closed_at,
       first_response_at = r.first_response_at, agent_replies = r.agent_replies, customer_replies = r.customer_replies,
       reopens = r.reopens, assignee_changes = r.assignee_changes, team_changes = r.team_changes,
       escalations = r.escalations, escalation_level_max = r.escalation_level_max
  FROM recounted_tickets r
 WHERE tickets.ticket_id = r.ticket_id;
