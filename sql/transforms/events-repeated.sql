-- Input: temp table new_events (events-matched.sql, or an events file's mapped table: pipelines/merge-events.ts). A
-- row the file holds more than once is one event (an event is its source row, sql/schema/014_event_source_rows.sql):
-- its later copies are deleted, and pipelines/merge-events.ts counts them for the load's summary; events-new.sql then
-- leaves out the events stored already.

-- Only the events of tickets with a repeated hash are ranked. Those tickets are found by grouping the events by ticket
-- (a ticket whose distinct hashes are fewer than its events), which holds a group per ticket rather than per event:
-- 0.70 s against 1.30 s grouping by ticket and hash, over the 13 M events of a million tickets (bench/README.md, "The
-- eleventh session"). Rows are compared within their ticket: the hash has 64 bits, plenty among one ticket's rows but
-- not across every row of a large file (sql/schema/017_event_hash_64.sql).
DELETE FROM new_events
 WHERE rowid IN (SELECT rowid
                   FROM (SELECT n.rowid, row_number() OVER (PARTITION BY n.ticket_id, n.source_row_hash ORDER BY n.rowid) AS copy
                           FROM new_events n
                           SEMI JOIN (SELECT ticket_id FROM new_events
                                       GROUP BY ticket_id HAVING len(list_distinct(list(source_row_hash))) < count(source_row_hash)) r
                             USING (ticket_id)
                          -- A row without a hash (none is made so today) repeats nothing.
                          WHERE n.source_row_hash IS NOT NULL)
                  WHERE copy > 1);
