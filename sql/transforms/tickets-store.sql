-- Input: temp view written_tickets (temp view ticket_rows from tickets-prepare.sql, with the milestones that
-- ticket-milestones.sql recounted in place: pipelines/merge-tickets.ts `storeTickets`), params $load_id and
-- $last_ticket_id (the highest id stored when they were numbered: new tickets are above it). The only statements of a
-- tickets load that write tickets. The columns the milestones own are those ticket-milestones-apply.sql writes for every
-- other load.
UPDATE tickets SET
       subject = w.subject, description = w.description, created_at = w.created_at, updated_at = w.updated_at,
       first_response_at = w.first_response_at, first_solved_at = w.first_solved_at, solved_at = w.solved_at,
       closed_at = w.closed_at, status = w.status, channel = w.channel, priority = w.priority, category = w.category,
       subcategory = w.subcategory, tags = w.tags, requester_id = w.requester_id, requester_kind = w.requester_kind,
       organization = w.organization, assignee_id = w.assignee_id, team_id = w.team_id, provider_kind = w.provider_kind,
       provider_name = w.provider_name, due_at = w.due_at, sla_policy = w.sla_policy, created_by_agent = w.created_by_agent,
       from_event_log = w.from_event_log, agent_replies = w.agent_replies, customer_replies = w.customer_replies,
       reopens = w.reopens, assignee_changes = w.assignee_changes, team_changes = w.team_changes,
       escalations = w.escalations, escalation_level_max = w.escalation_level_max, row_hash = w.row_hash,
       load_id = $load_id
  FROM written_tickets w
 WHERE w.ticket_id <= $last_ticket_id::BIGINT AND tickets.ticket_id = w.ticket_id;

-- DuckDB's choice of build side would build the milestones join's hash table on the ticket rows, descriptions and all:
-- 1.05-1.47 s of the insert of a million tickets, against 0.21 s on the recounted milestones as written
-- (bench/README.md, "The eleventh session"). So that choice is off for this statement; a write that fails before the
-- RESET resets it too (sql/db.ts `writePrepared`).
SET disabled_optimizers = 'build_side_probe_side';

INSERT INTO tickets BY NAME
SELECT * REPLACE ($load_id::BIGINT AS load_id) FROM written_tickets WHERE ticket_id > $last_ticket_id::BIGINT;

RESET disabled_optimizers;
