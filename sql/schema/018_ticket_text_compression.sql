-- The tickets' text columns name their compression. Left to choose, DuckDB analyses every method on every text column of
-- each segment it writes: descriptions, subjects and ids, which only FSST shrinks, and the short repeated names of
-- teams, agents, categories and statuses, which dictionaries always win. Declared, storing the million tickets of the
-- benchmark took 1.94 s instead of 2.17-2.20 s, the file the same size or smaller (bench/README.md, "The twelfth
-- session"). DuckDB cannot change a column's compression, so the table is rebuilt with the same columns, defaults and
-- checks (001_core.sql, less the id's default that 004 dropped), its rows in the same order, as 016 and 017 did.
CREATE TABLE tickets_compressed (
  ticket_id             BIGINT NOT NULL,
  source                VARCHAR NOT NULL USING COMPRESSION dictionary,
  external_id           VARCHAR NOT NULL USING COMPRESSION fsst,
  subject               VARCHAR USING COMPRESSION fsst,
  description           VARCHAR USING COMPRESSION fsst,
  created_at            TIMESTAMPTZ,                 -- NULL: the export has no creation time (mapping's unknown_fields)
  updated_at            TIMESTAMPTZ,
  first_response_at     TIMESTAMPTZ,
  first_solved_at       TIMESTAMPTZ,
  solved_at             TIMESTAMPTZ,           -- the last change to solved
  closed_at             TIMESTAMPTZ,
  status                VARCHAR NOT NULL USING COMPRESSION dictionary CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
  channel               VARCHAR NOT NULL USING COMPRESSION dictionary CHECK (channel IN ('desk', 'phone', 'email', 'chat', 'social', 'web', 'other')),
  priority              VARCHAR USING COMPRESSION dictionary CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  category              VARCHAR USING COMPRESSION dictionary,
  subcategory           VARCHAR USING COMPRESSION dictionary,
  tags                  VARCHAR[],
  requester_id          VARCHAR USING COMPRESSION fsst,
  requester_kind        VARCHAR NOT NULL DEFAULT 'external' USING COMPRESSION dictionary CHECK (requester_kind IN ('external', 'internal')),
  organization          VARCHAR USING COMPRESSION dictionary,
  assignee_id           VARCHAR USING COMPRESSION dictionary,
  team_id               VARCHAR USING COMPRESSION dictionary,
  provider_kind         VARCHAR USING COMPRESSION dictionary CHECK (provider_kind IN ('in_house', 'outsourced', 'independent')),
  provider_name         VARCHAR USING COMPRESSION dictionary,
  due_at                TIMESTAMPTZ,
  sla_policy            VARCHAR USING COMPRESSION dictionary,
  created_by_agent      BOOLEAN NOT NULL DEFAULT false,
  from_event_log        BOOLEAN NOT NULL DEFAULT false, -- known only from an event log: status and creation come from events
  agent_replies         INTEGER NOT NULL DEFAULT 0,
  customer_replies      INTEGER NOT NULL DEFAULT 0,
  reopens               INTEGER NOT NULL DEFAULT 0,
  assignee_changes      INTEGER NOT NULL DEFAULT 0,
  team_changes          INTEGER NOT NULL DEFAULT 0,
  escalations           INTEGER NOT NULL DEFAULT 0,
  escalation_level_max  SMALLINT NOT NULL DEFAULT 1,
  row_hash              VARCHAR NOT NULL USING COMPRESSION fsst,      -- of the source row: an unchanged re-export is recognised as such
  load_id               BIGINT NOT NULL,
  CHECK (solved_at IS NULL OR solved_at >= created_at)
);

INSERT INTO tickets_compressed SELECT * FROM tickets;

DROP TABLE tickets;

ALTER TABLE tickets_compressed RENAME TO tickets;
