-- Input: temp view incoming_tickets (valid mapped rows, one per external id, with record and row_hash),
-- params $source and $load_id. Output: tickets inserted or updated, matched_tickets (the incoming rows
-- already stored, and whether they changed), touched_tickets filled.
-- Only the matches are materialised; the resolved rows are a view read once by each statement, so the
-- file's rows are not copied again on the way into `tickets`. The view leaves the matches out: joined
-- in, an empty match table makes DuckDB expect few rows and hash the file's side of every join.
CREATE OR REPLACE TEMP TABLE matched_tickets AS
SELECT i.record, t.ticket_id AS existing_id, t.row_hash <> i.row_hash AS changed
  FROM incoming_tickets i
  JOIN tickets t ON t.source = $source AND t.external_id = i.external_id;

-- Teams, agents and customers are looked up for the few columns that name them, then joined back by
-- record: DuckDB tends to hash the larger side of these joins, and this way that side is narrow.
-- Rows stored unchanged need no lookups (a reload of the same export is all of them).
CREATE OR REPLACE TEMP TABLE ticket_references AS
SELECT i.record,
       coalesce(team_by_name.team_id, team_by_id.team_id) AS team_id,
       coalesce(team_by_name.provider_kind, team_by_id.provider_kind) AS provider_kind,
       coalesce(team_by_name.provider_name, team_by_id.provider_name) AS provider_name,
       coalesce(agent_by_name.agent_id, agent_by_id.agent_id) AS assignee_id,
       -- EXISTS rather than a join whose condition also compares two incoming columns: DuckDB runs that one
       -- as a nested loop.
       (i.submitter IS DISTINCT FROM i.requester_name AND EXISTS (SELECT 1 FROM agents a WHERE a.name = i.submitter)) AS created_by_agent,
       coalesce(i.requester_kind, c.kind, 'external') AS resolved_requester_kind,
       coalesce(i.organization, c.organization) AS resolved_organization
  FROM (SELECT record, team, assignee, submitter, requester_name, requester_id, requester_kind, organization
          FROM incoming_tickets
         WHERE NOT EXISTS (SELECT 1 FROM matched_tickets m WHERE m.record = incoming_tickets.record AND NOT m.changed)) i
  LEFT JOIN teams team_by_name ON team_by_name.name = i.team
  LEFT JOIN teams team_by_id ON team_by_id.team_id = i.team
  LEFT JOIN agents agent_by_name ON agent_by_name.name = i.assignee
  LEFT JOIN agents agent_by_id ON agent_by_id.agent_id = i.assignee
  LEFT JOIN customers c ON c.customer_id = i.requester_id;

CREATE OR REPLACE TEMP VIEW resolved_tickets AS
SELECT i.*, r.* EXCLUDE (record)
  FROM incoming_tickets i
  JOIN ticket_references r USING (record);

UPDATE tickets SET
       subject = r.subject, description = r.description, created_at = r.created_at, updated_at = r.updated_at,
       first_response_at = r.first_response_at,
       solved_at = r.solved_at, first_solved_at = CASE WHEN coalesce(r.reopens, 0) = 0 THEN r.solved_at END,
       closed_at = r.closed_at, status = r.status, channel = r.channel, priority = r.priority, category = r.category,
       subcategory = r.subcategory, tags = r.tags, requester_id = r.requester_id,
       requester_kind = r.resolved_requester_kind, organization = r.resolved_organization, assignee_id = r.assignee_id,
       team_id = r.team_id, provider_kind = r.provider_kind, provider_name = r.provider_name, due_at = r.due_at,
       created_by_agent = r.created_by_agent, agent_replies = coalesce(r.agent_replies, 0),
       reopens = coalesce(r.reopens, 0), team_changes = greatest(coalesce(r.team_stations, 1) - 1, 0),
       assignee_changes = greatest(coalesce(r.assignee_stations, 1) - 1, 0), row_hash = r.row_hash, load_id = $load_id
  FROM resolved_tickets r
  JOIN matched_tickets m ON m.record = r.record AND m.changed
 WHERE tickets.ticket_id = m.existing_id;

INSERT INTO tickets (source, external_id, subject, description, created_at, updated_at, first_response_at, solved_at, first_solved_at,
       closed_at, status, channel, priority, category, subcategory, tags, requester_id, requester_kind, organization,
       assignee_id, team_id, provider_kind, provider_name, due_at, created_by_agent, agent_replies, reopens,
       team_changes, assignee_changes, row_hash, load_id)
SELECT $source, external_id, subject, description, created_at, updated_at, first_response_at, solved_at,
       CASE WHEN coalesce(reopens, 0) = 0 THEN solved_at END, closed_at, status, channel, priority, category,
       subcategory, tags, requester_id, resolved_requester_kind, resolved_organization, assignee_id, team_id,
       provider_kind, provider_name, due_at, created_by_agent, coalesce(agent_replies, 0), coalesce(reopens, 0),
       greatest(coalesce(team_stations, 1) - 1, 0), greatest(coalesce(assignee_stations, 1) - 1, 0), row_hash, $load_id
  FROM resolved_tickets r
 WHERE NOT EXISTS (SELECT 1 FROM matched_tickets m WHERE m.record = r.record)
 ORDER BY record;

INSERT INTO touched_tickets
SELECT t.ticket_id
  FROM tickets t
 WHERE t.load_id = $load_id AND t.source = $source;

DROP VIEW resolved_tickets;
DROP TABLE ticket_references;
