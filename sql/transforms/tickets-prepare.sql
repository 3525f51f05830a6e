-- Input: temp view incoming_tickets (valid mapped rows, one per external id, with record and row_hash),
-- params $source and $last_ticket_id (the highest ticket id stored). Runs before the load's transaction, into temp
-- tables DuckDB scans in parallel; tickets-store.sql writes what it decided. Output: matched_tickets (the incoming
-- rows already stored, and whether they changed), pending_tickets (per new or changed row: its record, its id and
-- every column the facts read), the view ticket_rows (those rows whole, as written unless recounted milestones replace
-- some columns) and touched_tickets filled.
CREATE OR REPLACE TEMP TABLE matched_tickets AS
SELECT i.record, t.ticket_id AS existing_id, t.row_hash <> i.row_hash AS changed
  FROM incoming_tickets i
  JOIN tickets t ON t.source = $source AND t.external_id = i.external_id;

-- A new ticket's id follows the highest stored one, in file order. The preparation can number tickets before the
-- transaction because one process writes the database, one write at a time (sql/db.ts), and every other insert of
-- tickets numbers the same way (events-create-tickets.sql, merge-messages.sql). Rows stored unchanged (a reload of
-- the same export is all of them) are left out here, so nothing below reads them again.
CREATE OR REPLACE TEMP TABLE ticket_ids AS
SELECT i.record, m.existing_id,
       coalesce(m.existing_id, $last_ticket_id::BIGINT + row_number() OVER (PARTITION BY m.existing_id IS NULL ORDER BY i.record)) AS ticket_id
  FROM incoming_tickets i
  LEFT JOIN matched_tickets m USING (record)
 WHERE m.changed IS DISTINCT FROM false;

-- Every column of `tickets` but the texts the facts never read (sql/facts.ts `ticketColumnsFactsSkip`, provider_name
-- apart), with the row's record and stored id: what the milestones and the facts read of the new and changed rows
-- (pipelines/folder-load.ts `prepareFacts`), copied once. Teams, agents and customers are looked up for the few
-- columns that name them: DuckDB tends to hash the larger side of these joins, and the incoming side is narrow. A
-- changed ticket keeps what no ticket export states (its SLA policy, whether an event log created it, the counters
-- only events give); a new one starts from the defaults.
CREATE OR REPLACE TEMP TABLE pending_tickets AS
SELECT i.record, n.ticket_id, n.existing_id, $source AS source, i.created_at, i.first_response_at,
       CASE WHEN coalesce(i.reopens, 0) = 0 THEN i.solved_at END AS first_solved_at, i.solved_at, i.closed_at, i.status,
       i.channel, i.priority, i.category, i.requester_id,
       coalesce(i.requester_kind, c.kind, 'external') AS requester_kind,
       coalesce(i.organization, c.organization) AS organization,
       coalesce(agent_by_name.agent_id, agent_by_id.agent_id) AS assignee_id,
       coalesce(team_by_name.team_id, team_by_id.team_id) AS team_id,
       coalesce(team_by_name.provider_kind, team_by_id.provider_kind) AS provider_kind,
       coalesce(team_by_name.provider_name, team_by_id.provider_name) AS provider_name,
       i.due_at, stored.sla_policy,
       -- The comparison of two incoming columns stays out of the join condition: DuckDB runs such a join as a
       -- nested loop. An equality join on the agents' names costs less than an EXISTS, which DuckDB runs as a delim
       -- join (bench/README.md, "Loading").
       (i.submitter IS DISTINCT FROM i.requester_name AND submitting_agent.name IS NOT NULL) AS created_by_agent,
       coalesce(stored.from_event_log, false) AS from_event_log,
       coalesce(i.agent_replies, 0)::INTEGER AS agent_replies, coalesce(stored.customer_replies, 0) AS customer_replies,
       coalesce(i.reopens, 0)::INTEGER AS reopens,
       -- A count of changes (a source's own counter, or a snapshot log's, pipelines/snapshot-history.ts) or of stations.
       coalesce(i.assignee_changes, greatest(coalesce(i.assignee_stations, 1) - 1, 0))::INTEGER AS assignee_changes,
       coalesce(i.team_changes, greatest(coalesce(i.team_stations, 1) - 1, 0))::INTEGER AS team_changes,
       coalesce(stored.escalations, 0) AS escalations,
       coalesce(stored.escalation_level_max, 1)::SMALLINT AS escalation_level_max,
       NULL::BIGINT AS load_id
  FROM ticket_ids n
  JOIN (SELECT record, created_at, first_response_at, solved_at, closed_at, status, channel, priority, category,
               requester_id, requester_kind, organization, team, assignee, submitter, requester_name, due_at,
               agent_replies, reopens, assignee_changes, assignee_stations, team_changes, team_stations
          FROM incoming_tickets) i USING (record)
  LEFT JOIN teams team_by_name ON team_by_name.name = i.team
  LEFT JOIN teams team_by_id ON team_by_id.team_id = i.team
  LEFT JOIN agents agent_by_name ON agent_by_name.name = i.assignee
  LEFT JOIN agents agent_by_id ON agent_by_id.agent_id = i.assignee
  LEFT JOIN customers c ON c.customer_id = i.requester_id
  LEFT JOIN (SELECT DISTINCT name FROM agents) submitting_agent ON submitting_agent.name = i.submitter
  LEFT JOIN tickets stored ON stored.ticket_id = n.existing_id;

-- Every column of `tickets` (an insert matches them by name). A view (so it takes no parameter): the file's rows
-- are copied once, by the insert. The columns the file gives as they are come from its rows, so that the join's hash
-- table, which tickets-store.sql builds on pending_tickets, holds only what was looked up or computed.
CREATE OR REPLACE TEMP VIEW ticket_rows AS
SELECT r.* EXCLUDE (record, existing_id, created_at, first_response_at, solved_at, closed_at, status, channel, priority,
                    category, requester_id, due_at),
       i.created_at, i.first_response_at, i.solved_at, i.closed_at, i.status, i.channel, i.priority, i.category,
       i.requester_id, i.due_at, i.external_id, i.subject, i.description, i.updated_at, i.subcategory, i.tags, i.row_hash
  FROM incoming_tickets i
  JOIN pending_tickets r USING (record);

INSERT INTO touched_tickets
SELECT ticket_id FROM ticket_ids;

DROP TABLE ticket_ids;
