-- Input: temp table incoming_messages (valid mapped rows, one per message id), params $source, $load_id and
-- $column_reply_to_external_id, $column_author_side (the file's column names, for rejects).
-- A thread is a message without a reply-to link (its root) and every message that replies, directly or not, to it.
-- A customer-started thread is a ticket keyed by its root's id; each message is one of its events, carrying the
-- message id so that a message is stored once per source. Threads the agent side started are not customer
-- contacts and are skipped; messages whose thread cannot be traced to its start are rejected (docs/importing.md).

-- Messages of earlier loads: a reply to one of them continues its thread.
CREATE OR REPLACE TEMP TABLE stored_messages AS
SELECT e.message_id, e.ticket_id, t.external_id AS thread_id,
       md5(concat_ws('|', e.ticket_id, e.occurred_at, e.kind, e.actor, e.actor_kind)) AS content_hash
  FROM ticket_events e
  JOIN tickets t USING (ticket_id)
 WHERE t.source = $source AND e.message_id IS NOT NULL;

-- Each message's parent, by record (a message's record number is unique in the file, and integer joins keep the walk fast
-- however long a thread is): the parent in this file, else a message loaded before.
CREATE OR REPLACE TEMP TABLE message_links AS
SELECT m.record, m.external_id, m.author_side, m.reply_to_external_id, p.record AS parent_record,
       CASE WHEN p.record IS NULL THEN s.thread_id END AS stored_thread_id
  FROM incoming_messages m
  LEFT JOIN incoming_messages p ON p.external_id = m.reply_to_external_id
  LEFT JOIN stored_messages s ON s.message_id = m.reply_to_external_id;

-- Every message gets its thread's root by walking reply-to links down from the roots: messages without a link,
-- and replies to a stored message (only customer-started threads are stored, so these continue one). A message
-- has one parent, so the walk cannot loop: messages on a loop are never reached, and neither are orphans.
-- Tables made in this transaction have no statistics, so DuckDB may build the hash table of each step of the walk
-- on the whole file rather than on the few messages reached at that depth, at every depth of a deep thread
-- (bench/README.md, "Loading"). The build side is pinned to the walk's frontier, as written, for these two statements
-- (DuckDB's documented way; the setting is global, so it is reset right after).
SET disabled_optimizers = 'build_side_probe_side';

CREATE OR REPLACE TEMP TABLE message_threads AS
WITH RECURSIVE thread (record, root_record) AS (
  SELECT record, record
    FROM message_links
   WHERE reply_to_external_id IS NULL OR stored_thread_id IS NOT NULL
  UNION ALL
  SELECT l.record, t.root_record
    FROM message_links l
    JOIN thread t ON l.parent_record = t.record
)
SELECT thread.record, coalesce(root.stored_thread_id, root.external_id) AS thread_id,
       CASE WHEN root.stored_thread_id IS NULL THEN root.author_side ELSE 'customer' END AS root_side
  FROM thread
  JOIN message_links root ON root.record = thread.root_record;

-- Messages whose thread cannot be traced to its start: below a reply to a message not loaded.
CREATE OR REPLACE TEMP TABLE untraced_messages AS
WITH RECURSIVE below_orphan (record, missing_id) AS (
  SELECT record, reply_to_external_id
    FROM message_links
   WHERE reply_to_external_id IS NOT NULL AND parent_record IS NULL AND stored_thread_id IS NULL
  UNION ALL
  SELECT l.record, b.missing_id
    FROM message_links l
    JOIN below_orphan b ON l.parent_record = b.record
)
SELECT record, missing_id FROM below_orphan;

RESET disabled_optimizers;

INSERT INTO tickets (ticket_id, source, external_id, description, created_at, status, channel, requester_id, requester_kind,
       organization, row_hash, load_id)
SELECT (SELECT coalesce(max(ticket_id), 0) FROM tickets) + row_number() OVER (ORDER BY m.record),
       $source, m.external_id, m.text, m.sent_at, 'open', coalesce(m.channel, 'other'), m.author_id,
       coalesce(c.kind, 'external'), c.organization, 'messages', $load_id
  FROM incoming_messages m
  JOIN message_threads th ON th.record = m.record AND th.thread_id = m.external_id
  LEFT JOIN customers c ON c.customer_id = m.author_id
 WHERE th.root_side = 'customer'
   AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.source = $source AND t.external_id = m.external_id)
 ORDER BY m.record;

-- One event per message of a customer-started thread. An agent the organisation marks as a bot replies as a bot.
CREATE OR REPLACE TEMP TABLE resolved_messages AS
SELECT *, md5(concat_ws('|', ticket_id, occurred_at, kind, actor, actor_kind)) AS row_hash
  FROM (SELECT m.record, m.external_id, m.text, m.channel, t.ticket_id, m.sent_at AS occurred_at,
               CASE WHEN m.external_id = th.thread_id THEN 'created'
                    WHEN m.author_side = 'customer' THEN 'customer_reply'
                    ELSE 'agent_reply' END AS kind,
               m.author_id AS actor,
               CASE WHEN m.author_side = 'agent' AND a.is_bot THEN 'bot' ELSE m.author_side END AS actor_kind,
               s.message_id AS existing_id, s.ticket_id AS existing_ticket_id, s.content_hash AS existing_hash
          FROM incoming_messages m
          JOIN message_threads th USING (record)
          JOIN tickets t ON t.source = $source AND t.external_id = th.thread_id
          LEFT JOIN agents a ON a.agent_id = m.author_id
          LEFT JOIN stored_messages s ON s.message_id = m.external_id
         WHERE th.root_side = 'customer');

-- The messages stored before, and whether this export changed them (the load counts them as updated).
CREATE OR REPLACE TEMP TABLE matched_messages AS
SELECT record, existing_id, existing_hash <> row_hash AS changed FROM resolved_messages WHERE existing_id IS NOT NULL;

-- A message loaded before whose time, author or thread changed.
UPDATE ticket_events SET
       ticket_id = r.ticket_id, occurred_at = r.occurred_at, kind = r.kind, actor = r.actor, actor_kind = r.actor_kind,
       load_id = $load_id
  FROM resolved_messages r
 WHERE ticket_events.message_id = r.existing_id AND ticket_events.ticket_id = r.existing_ticket_id
   AND r.existing_hash <> r.row_hash;

INSERT INTO ticket_events (ticket_id, occurred_at, kind, actor, actor_kind, message_id, load_id)
SELECT ticket_id, occurred_at, kind, actor, actor_kind, external_id, $load_id
  FROM resolved_messages
 WHERE existing_id IS NULL
 ORDER BY ticket_id, occurred_at;

INSERT INTO touched_tickets
SELECT ticket_id FROM resolved_messages WHERE existing_id IS NULL OR existing_hash <> row_hash
 UNION
SELECT existing_ticket_id FROM resolved_messages WHERE existing_hash <> row_hash;

-- The root message describes the ticket.
UPDATE tickets SET description = r.text, created_at = r.occurred_at, channel = coalesce(r.channel, 'other'), requester_id = r.actor
  FROM resolved_messages r
 WHERE tickets.ticket_id = r.ticket_id AND r.kind = 'created' AND tickets.ticket_id IN (SELECT ticket_id FROM touched_tickets);

-- What a thread's messages say about it: it is open while the customer spoke last, pending (on the customer) once
-- the agent side did; its team is the brand or group that answered it, by the author of its first agent reply.
UPDATE tickets SET
       status = th.status,
       team_id = coalesce(team_by_id.team_id, team_by_name.team_id, th.answered_by),
       provider_kind = coalesce(team_by_id.provider_kind, team_by_name.provider_kind),
       provider_name = coalesce(team_by_id.provider_name, team_by_name.provider_name)
  FROM (SELECT e.ticket_id,
               CASE arg_max(e.actor_kind, e.occurred_at) WHEN 'customer' THEN 'open' ELSE 'pending' END AS status,
               coalesce(arg_min(e.actor, e.occurred_at) FILTER (WHERE e.actor_kind = 'agent'),
                        arg_min(e.actor, e.occurred_at) FILTER (WHERE e.actor_kind = 'bot')) AS answered_by
          FROM ticket_events e
         WHERE e.message_id IS NOT NULL AND e.ticket_id IN (SELECT ticket_id FROM touched_tickets)
         GROUP BY e.ticket_id) th
  LEFT JOIN teams team_by_id ON team_by_id.team_id = th.answered_by
  LEFT JOIN teams team_by_name ON team_by_name.name = th.answered_by
 WHERE tickets.ticket_id = th.ticket_id;

-- Messages that are no customer contact, or whose thread cannot be traced to its start, are reported, never lost.
INSERT INTO rejects
SELECT m.record,
       CASE WHEN th.record IS NOT NULL THEN $column_author_side ELSE $column_reply_to_external_id END,
       coalesce(th.thread_id, u.missing_id, m.reply_to_external_id),
       CASE WHEN m.external_id = th.thread_id THEN 'starts a thread on the agent side: not a customer contact, skipped'
            WHEN th.record IS NOT NULL THEN 'in a thread the agent side started: not a customer contact, skipped'
            WHEN u.missing_id = m.reply_to_external_id THEN 'replies to a message that is not in this file (or rejected) and not loaded before'
            WHEN u.missing_id IS NOT NULL THEN 'in a thread whose earlier message is not in this file (or rejected) and not loaded before'
            ELSE 'its reply-to links loop back to it: the thread has no first message' END,
       NULL
  FROM incoming_messages m
  LEFT JOIN message_threads th USING (record)
  LEFT JOIN untraced_messages u USING (record)
 WHERE th.record IS NULL OR th.root_side <> 'customer';

DROP TABLE stored_messages;
DROP TABLE message_links;
DROP TABLE message_threads;
DROP TABLE untraced_messages;
DROP TABLE resolved_messages;
