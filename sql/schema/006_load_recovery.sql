-- A load may be killed while DuckDB writes its commit; DuckDB 1.5 then brings back the rows it appended to the file
-- ahead of the commit, without its deletes and updates (sql/recovery.ts). Every row a load appends carries its load
-- id, so that the recovery on open can find the rows of a load whose `loads` row (its commit's last write) never
-- arrived. tickets, ticket_events, feedback and load_rejects carry one already; the facts get theirs here.
ALTER TABLE ticket_facts ADD COLUMN load_id BIGINT;

ALTER TABLE ticket_solved_gaps ADD COLUMN load_id BIGINT;

-- An import the server accepted but did not finish (it was stopped or killed) is recorded as `interrupted`, under the
-- id its client was given (`import_id`), so that asking for it after a restart answers rather than 404. A CHECK
-- cannot be changed in place: the table is copied.
CREATE TABLE loads_next (
  load_id         BIGINT PRIMARY KEY,
  file            VARCHAR NOT NULL,
  sha256          VARCHAR,
  bytes           BIGINT,
  source          VARCHAR NOT NULL,
  kind            VARCHAR NOT NULL CHECK (kind IN ('organisation', 'tickets', 'events', 'messages', 'feedback')),
  status          VARCHAR NOT NULL CHECK (status IN ('committed', 'failed', 'dry_run', 'interrupted')),
  rows_read       BIGINT NOT NULL DEFAULT 0,
  rows_inserted   BIGINT NOT NULL DEFAULT 0,
  rows_updated    BIGINT NOT NULL DEFAULT 0,
  rows_unchanged  BIGINT NOT NULL DEFAULT 0,
  rows_rejected   BIGINT NOT NULL DEFAULT 0,
  warnings        JSON,
  started_at      TIMESTAMPTZ NOT NULL,
  finished_at     TIMESTAMPTZ,
  error           VARCHAR,
  import_id       VARCHAR               -- the id POST /api/imports answered with; NULL for the command line's loads
);

INSERT INTO loads_next BY NAME SELECT * FROM loads;

DROP TABLE loads;

ALTER TABLE loads_next RENAME TO loads;
