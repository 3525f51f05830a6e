-- Input: temp table new_events (events-matched.sql, or an events file's mapped table: pipelines/merge-events.ts). A
-- row the file holds more than once is one event (an event is its source row, sql/schema/014_event_source_rows.sql):
-- its later copies are deleted, and pipelines/merge-events.ts counts them for the load's summary; events-new.sql then
-- leaves out the events stored already.

-- Only hashes that occur more than once are ranked: finding the repeated hashes costs about half a DISTINCT over every
-- row of the file (bench/README.md, "Loading"). An event's hash covers its ticket's id cell too, so equal hashes are
-- the same row of the same ticket.
DELETE FROM new_events
 WHERE rowid IN (SELECT rowid
                   FROM (SELECT rowid, row_number() OVER (PARTITION BY source_row_hash ORDER BY rowid) AS copy
                           FROM new_events
                          WHERE source_row_hash IN (SELECT source_row_hash FROM new_events GROUP BY source_row_hash HAVING count(*) > 1))
                  WHERE copy > 1);
