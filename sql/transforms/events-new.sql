-- Input: temp table new_events (events-matched.sql, or an events file's mapped table: pipelines/merge-events.ts; the
-- file's repeated rows left out by events-repeated.sql). Leaves in it the events to store. An event is a source row,
-- not its mapped content (sql/schema/014_event_source_rows.sql): a row stored already is left out, and two different
-- rows that map to the same ticket, instant, kind and values are two events. Runs before the load's transaction when
-- the tickets exist already (see pipelines/load.ts); the transaction computes facts over stored and new events, then
-- stores these.

-- Stored events are found by ticket, instant and kind, then by their source row; those stored before their rows were
-- hashed (and those messages made, which message_id keeps once) by their content, as before: a file loaded again
-- over them adds nothing, though two different rows such an event merged stay merged.
DELETE FROM new_events n
 USING ticket_events e
 WHERE e.ticket_id = n.ticket_id AND e.occurred_at = n.occurred_at AND e.kind = n.kind
   AND (e.source_row_hash = n.source_row_hash
        OR (e.source_row_hash IS NULL AND e.actor IS NOT DISTINCT FROM n.actor AND e.from_value IS NOT DISTINCT FROM n.from_value
            AND e.to_value IS NOT DISTINCT FROM n.to_value));
