-- Input: temp view incoming_events (valid mapped rows), params $source, $load_id, $creates_tickets.
-- Runs in the load's transaction before events-matched.sql, which then finds these tickets.

-- Event-log-only exports: a ticket not loaded yet is created from its events; its attributes are the
-- latest values the events carry, its creation the earliest event. Milestones and status follow from ticket-milestones.sql.
INSERT INTO tickets (ticket_id, source, external_id, subject, created_at, status, channel, priority, category, subcategory,
       requester_id, team_id, provider_kind, provider_name, from_event_log, row_hash, load_id)
SELECT (SELECT coalesce(max(ticket_id), 0) FROM tickets) + row_number() OVER (ORDER BY e.created_at, e.external_id),
       $source, e.external_id, e.subject, e.created_at, 'open', coalesce(e.channel, 'other'), e.priority, e.category,
       e.subcategory, e.requester_id, tm.team_id, tm.provider_kind, tm.provider_name, true, 'event-log', $load_id
  FROM (SELECT ticket_external_id AS external_id,
               min(occurred_at) AS created_at,
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
  LEFT JOIN teams tm ON tm.team_id = e.team OR tm.name = e.team
 WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.source = $source AND t.external_id = e.external_id)
 ORDER BY e.created_at, e.external_id;
