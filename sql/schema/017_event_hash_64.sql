-- An event's source-row hash keeps 64 of MD5's 128 bits (the digest's last eight bytes: md5_number >> 64). Events are
-- only ever told apart among the events of one ticket (events-repeated.sql partitions by ticket, events-new.sql
-- matches on ticket, instant and kind), where a ticket's few dozen rows make a 64-bit collision about 1 in 10^16;
-- across all 130 M events of ten million tickets, unscoped, it would be 1 in 2,000. Half the bytes: storing the 13 M
-- events of a million tickets took 3.04–3.09 s instead of 3.75–4.01 s, the file 374 MiB instead of 523 MiB
-- (bench/README.md, "The eleventh session"). Stored hashes keep the same bits, so a file loaded again after this
-- migration is still recognised, row by row.
-- The hashes are random numbers no compression shrinks: declared uncompressed, DuckDB does not try every method on
-- each segment (the same insert 3.11–3.88 s against 3.39–4.06 s). DuckDB cannot change a column's compression, so
-- the table is rebuilt, its rows in the same order, as migration 016 did.
CREATE TABLE ticket_events_hashed (
  ticket_id        BIGINT NOT NULL,
  occurred_at      TIMESTAMPTZ NOT NULL,
  kind             event_kind NOT NULL,
  actor            VARCHAR USING COMPRESSION dictionary,
  actor_kind       event_actor_kind NOT NULL DEFAULT 'system',
  from_value       VARCHAR USING COMPRESSION dictionary,
  to_value         VARCHAR USING COMPRESSION dictionary,
  load_id          BIGINT NOT NULL,
  message_id       VARCHAR,
  source_row_hash  UBIGINT USING COMPRESSION uncompressed,
  team             VARCHAR USING COMPRESSION dictionary,
  support_level    SMALLINT
);

INSERT INTO ticket_events_hashed
SELECT ticket_id, occurred_at, kind, actor, actor_kind, from_value, to_value, load_id, message_id,
       (source_row_hash >> 64)::UBIGINT, team, support_level
  FROM ticket_events;

DROP TABLE ticket_events;

ALTER TABLE ticket_events_hashed RENAME TO ticket_events;
