-- Input: temp table new_events (events-matched.sql, or an events file's mapped table: pipelines/merge-events.ts). A
-- row the file holds more than once is one event (an event is its source row, sql/schema/014_event_source_rows.sql):
-- its later copies are deleted, and pipelines/merge-events.ts counts them for the load's summary; events-new.sql then
-- leaves out the events stored already.

-- Only hashes that occur more than once are ranked: finding the repeated hashes costs about half a DISTINCT over every
-- row of the file (bench/README.md, "Loading"). Rows are compared within their ticket: the hash has 64 bits, plenty
-- among one ticket's rows but not across every row of a large file (sql/schema/017_event_hash_64.sql).
DELETE FROM new_events
 WHERE rowid IN (SELECT rowid
                   FROM (SELECT n.rowid, row_number() OVER (PARTITION BY n.ticket_id, n.source_row_hash ORDER BY n.rowid) AS copy
                           FROM new_events n
                           SEMI JOIN (SELECT ticket_id, source_row_hash FROM new_events GROUP BY ticket_id, source_row_hash HAVING count(*) > 1) r
                             USING (ticket_id, source_row_hash))
                  WHERE copy > 1);
