-- Input: temp view incoming_events (valid mapped rows), params $source, $load_id, $creates_tickets.
-- Runs in the load's transaction before events-matched.sql, which then finds these tickets.

-- Event-log-only exports: a ticket's attributes are the latest values its events carry, its creation the earliest
-- event. Milestones and status follow from ticket-milestones.sql. One row per ticket of the file.
CREATE OR REPLACE TEMP TABLE event_log_tickets AS
SELECT e.*, tm.team_id, tm.provider_kind, tm.provider_name
  FROM (SELECT ticket_external_id AS external_id,
               min(occurred_at) AS created_at,
               max(occurred_at) AS latest_at,
               arg_max(ticket_subject, occurred_at) FILTER (WHERE ticket_subject IS NOT NULL) AS subject,
               arg_max(ticket_channel, occurred_at) FILTER (WHERE ticket_channel IS NOT NULL) AS channel,
               arg_max(ticket_priority, occurred_at) FILTER (WHERE ticket_priority IS NOT NULL) AS priority,
               arg_max(ticket_category, occurred_at) FILTER (WHERE ticket_category IS NOT NULL) AS category,
               arg_max(ticket_subcategory, occurred_at) FILTER (WHERE ticket_subcategory IS NOT NULL) AS subcategory,
               arg_max(ticket_requester_id, occurred_at) FILTER (WHERE ticket_requester_id IS NOT NULL) AS requester_id,
               arg_max(ticket_team, occurred_at) FILTER (WHERE ticket_team IS NOT NULL) AS team
          FROM incoming_events
         WHERE $creates_tickets
         GROUP BY ticket_external_id) e
  LEFT JOIN teams tm ON tm.team_id = e.team OR tm.name = e.team;

-- A ticket an earlier part of the log created (from_event_log) takes this part's values when this part runs at least as
-- late as the events stored of it, as if the parts were one file; a part of earlier events only moves its creation.
-- A ticket loaded from a tickets file keeps that file's values. Before the insert, so the new tickets are not joined.
UPDATE tickets t
   SET subject = coalesce(e.subject, t.subject), channel = coalesce(e.channel, t.channel),
       priority = coalesce(e.priority, t.priority), category = coalesce(e.category, t.category),
       subcategory = coalesce(e.subcategory, t.subcategory), requester_id = coalesce(e.requester_id, t.requester_id),
       team_id = coalesce(e.team_id, t.team_id), provider_kind = coalesce(e.provider_kind, t.provider_kind),
       provider_name = CASE WHEN e.team_id IS NULL THEN t.provider_name ELSE e.provider_name END
  FROM event_log_tickets e
 WHERE t.source = $source AND t.external_id = e.external_id AND t.from_event_log
   AND e.latest_at >= (SELECT max(s.occurred_at) FROM ticket_events s WHERE s.ticket_id = t.ticket_id);

UPDATE tickets t
   SET created_at = e.created_at
  FROM event_log_tickets e
 WHERE t.source = $source AND t.external_id = e.external_id AND t.from_event_log AND e.created_at < t.created_at;

INSERT INTO tickets (ticket_id, source, external_id, subject, created_at, status, channel, priority, category, subcategory,
       requester_id, team_id, provider_kind, provider_name, from_event_log, row_hash, load_id)
SELECT (SELECT coalesce(max(ticket_id), 0) FROM tickets) + row_number() OVER (ORDER BY e.created_at, e.external_id),
       $source, e.external_id, e.subject, e.created_at, 'open', coalesce(e.channel, 'other'), e.priority, e.category,
       e.subcategory, e.requester_id, e.team_id, e.provider_kind, e.provider_name, true, 'event-log', $load_id
  FROM event_log_tickets e
 WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.source = $source AND t.external_id = e.external_id)
 ORDER BY e.created_at, e.external_id;
