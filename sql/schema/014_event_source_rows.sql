-- An event is one row of its source file (issue 14 §8): two different rows are two events even when they map to the
-- same ticket, instant, kind and values (two kinds of update both mapped to internal_note), and a row loaded again
-- is the event stored already. The hash is of the row's cells as written, never of its line, so a re-export listing
-- the same rows in another order is the same events (pipelines/mapping/to-sql.ts `sourceRowHashExpression`).
-- MD5 rather than DuckDB's own hash(), which is not promised stable across DuckDB versions: an upgrade must not
-- turn a reload into a second copy of every event. Events stored before this column (and events made from messages,
-- which their message_id keeps once) have none: a row is compared with those by content, as before.
ALTER TABLE ticket_events ADD COLUMN source_row_hash UHUGEINT;
