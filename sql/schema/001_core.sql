-- Canonical model of PRODUCT.md §3. Vocabularies are CHECK constraints rather than ENUM types:
-- DuckDB cannot add a value to an ENUM in place, and later migrations will extend these lists.
-- Foreign keys are left out on purpose: DuckDB refuses updates of referenced rows and they slow bulk loads;
-- the load path validates references set-wise instead. For the same reason the tables a load fills by the
-- million (tickets, ticket_events, feedback, ticket_facts) have no primary key or UNIQUE index: DuckDB keeps
-- one as an ART index updated row by row, which made inserting a million tickets several times slower. The
-- one load path keys them itself (one row per (source, external_id) and per ticket), and tests check it.

CREATE TABLE data_state (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  version     BIGINT NOT NULL,          -- bumped by every committed load or recomputation (cache key)
  changed_at  TIMESTAMPTZ NOT NULL
);
INSERT INTO data_state VALUES (1, 0, now());

CREATE TABLE teams (
  team_id             VARCHAR PRIMARY KEY,
  name                VARCHAR NOT NULL UNIQUE,
  time_zone           VARCHAR NOT NULL,
  provider_kind       VARCHAR NOT NULL CHECK (provider_kind IN ('in_house', 'outsourced', 'independent')),
  provider_name       VARCHAR,
  support_level       SMALLINT NOT NULL DEFAULT 1 CHECK (support_level BETWEEN 1 AND 3),
  is_escalation_team  BOOLEAN NOT NULL DEFAULT false
);

-- Weekly open intervals in the team's own time zone; ISO weekday, 1 = Monday.
CREATE TABLE calendars (
  team_id  VARCHAR NOT NULL,
  weekday  SMALLINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens    TIME NOT NULL,
  closes   TIME NOT NULL,
  CHECK (closes > opens),
  PRIMARY KEY (team_id, weekday, opens)
);

-- A day off the weekly pattern: closed, or open only during its calendar_holiday_hours (e.g. Christmas Eve 09–12).
CREATE TABLE calendar_holidays (
  team_id  VARCHAR NOT NULL,
  day      DATE NOT NULL,
  name     VARCHAR NOT NULL,
  PRIMARY KEY (team_id, day)
);

CREATE TABLE calendar_holiday_hours (
  team_id  VARCHAR NOT NULL,
  day      DATE NOT NULL,
  opens    TIME NOT NULL,
  closes   TIME NOT NULL,
  CHECK (closes > opens),
  PRIMARY KEY (team_id, day, opens)
);

CREATE TABLE agents (
  agent_id       VARCHAR PRIMARY KEY,
  name           VARCHAR NOT NULL,
  email          VARCHAR,
  team_id        VARCHAR,
  support_level  SMALLINT NOT NULL DEFAULT 1 CHECK (support_level BETWEEN 1 AND 3),
  is_bot         BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE customers (
  customer_id   VARCHAR PRIMARY KEY,
  name          VARCHAR,
  email         VARCHAR,
  kind          VARCHAR NOT NULL DEFAULT 'external' CHECK (kind IN ('external', 'internal')),
  organization  VARCHAR
);

CREATE TABLE customer_flags (
  customer_id  VARCHAR NOT NULL,
  flag         VARCHAR NOT NULL CHECK (flag IN ('abusive', 'legal_threat', 'vip')),
  set_by       VARCHAR NOT NULL,
  set_at       TIMESTAMPTZ NOT NULL,
  note         VARCHAR,
  cleared_at   TIMESTAMPTZ,
  PRIMARY KEY (customer_id, flag, set_at)
);

-- Targets per priority; 'hours' says whether the target counts business or calendar minutes.
CREATE TABLE sla_policies (
  policy_id       VARCHAR NOT NULL,
  priority        VARCHAR NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  target          VARCHAR NOT NULL CHECK (target IN ('first_response', 'resolution')),
  target_minutes  INTEGER NOT NULL CHECK (target_minutes > 0),
  hours           VARCHAR NOT NULL CHECK (hours IN ('business', 'calendar')),
  PRIMARY KEY (policy_id, priority, target)
);

CREATE TABLE loads (
  load_id         BIGINT PRIMARY KEY,
  file            VARCHAR NOT NULL,
  sha256          VARCHAR,
  bytes           BIGINT,
  source          VARCHAR NOT NULL,
  kind            VARCHAR NOT NULL CHECK (kind IN ('organisation', 'tickets', 'events', 'messages', 'feedback')),
  status          VARCHAR NOT NULL CHECK (status IN ('committed', 'failed', 'dry_run')),
  rows_read       BIGINT NOT NULL DEFAULT 0,
  rows_inserted   BIGINT NOT NULL DEFAULT 0,
  rows_updated    BIGINT NOT NULL DEFAULT 0,
  rows_unchanged  BIGINT NOT NULL DEFAULT 0,
  rows_rejected   BIGINT NOT NULL DEFAULT 0,
  warnings        JSON,                 -- findings worth a person's attention, as a JSON array of sentences
  started_at      TIMESTAMPTZ NOT NULL,
  finished_at     TIMESTAMPTZ,
  error           VARCHAR
);

CREATE TABLE load_rejects (
  load_id      BIGINT NOT NULL,
  line         BIGINT,
  column_name  VARCHAR,
  value        VARCHAR,
  reason       VARCHAR NOT NULL
);

-- A new ticket's id is the highest stored id plus its place among the tickets inserted, given by the load path
-- (tickets-prepare.sql, events-create-tickets.sql, merge-messages.sql) rather than a sequence: a tickets load numbers
-- its rows before its transaction, which a sequence cannot do without changing the database. One process writes.
CREATE TABLE tickets (
  ticket_id             BIGINT NOT NULL,
  source                VARCHAR NOT NULL,
  external_id           VARCHAR NOT NULL,
  subject               VARCHAR,
  description           VARCHAR,
  created_at            TIMESTAMPTZ,                 -- NULL: the export has no creation time (mapping's unknown_fields)
  updated_at            TIMESTAMPTZ,
  first_response_at     TIMESTAMPTZ,
  first_solved_at       TIMESTAMPTZ,
  solved_at             TIMESTAMPTZ,           -- the last change to solved
  closed_at             TIMESTAMPTZ,
  status                VARCHAR NOT NULL CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
  channel               VARCHAR NOT NULL CHECK (channel IN ('desk', 'phone', 'email', 'chat', 'social', 'web', 'other')),
  priority              VARCHAR CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  category              VARCHAR,
  subcategory           VARCHAR,
  tags                  VARCHAR[],
  requester_id          VARCHAR,
  requester_kind        VARCHAR NOT NULL DEFAULT 'external' CHECK (requester_kind IN ('external', 'internal')),
  organization          VARCHAR,
  assignee_id           VARCHAR,
  team_id               VARCHAR,
  provider_kind         VARCHAR CHECK (provider_kind IN ('in_house', 'outsourced', 'independent')),
  provider_name         VARCHAR,
  due_at                TIMESTAMPTZ,
  sla_policy            VARCHAR,
  created_by_agent      BOOLEAN NOT NULL DEFAULT false,
  from_event_log        BOOLEAN NOT NULL DEFAULT false, -- known only from an event log: status and creation come from events
  agent_replies         INTEGER NOT NULL DEFAULT 0,
  customer_replies      INTEGER NOT NULL DEFAULT 0,
  reopens               INTEGER NOT NULL DEFAULT 0,
  assignee_changes      INTEGER NOT NULL DEFAULT 0,
  team_changes          INTEGER NOT NULL DEFAULT 0,
  escalations           INTEGER NOT NULL DEFAULT 0,
  escalation_level_max  SMALLINT NOT NULL DEFAULT 1,
  row_hash              VARCHAR NOT NULL,      -- of the source row: an unchanged re-export is recognised as such
  load_id               BIGINT NOT NULL,
  CHECK (solved_at IS NULL OR solved_at >= created_at)
);

CREATE TABLE ticket_events (
  ticket_id   BIGINT NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL,        -- PRODUCT.md calls it `at`, a reserved word in DuckDB
  kind        VARCHAR NOT NULL CHECK (kind IN ('created', 'agent_reply', 'customer_reply', 'internal_note',
                'status_change', 'assign', 'team_change', 'priority_change', 'escalate', 'deescalate',
                'solved', 'reopened', 'closed', 'wait_start', 'wait_end')),
  actor       VARCHAR,
  actor_kind  VARCHAR NOT NULL DEFAULT 'system' CHECK (actor_kind IN ('agent', 'customer', 'bot', 'system')),
  from_value  VARCHAR,
  to_value    VARCHAR,
  load_id     BIGINT NOT NULL,
  message_id  VARCHAR                      -- the source's message id, for events loaded from messages (kept once per source)
);

CREATE SEQUENCE feedback_id_seq START 1;

CREATE TABLE feedback (
  feedback_id   BIGINT NOT NULL DEFAULT nextval('feedback_id_seq'),
  source        VARCHAR NOT NULL,
  external_id   VARCHAR NOT NULL,
  ticket_id     BIGINT,
  submitted_at  TIMESTAMPTZ NOT NULL,
  kind          VARCHAR NOT NULL CHECK (kind IN ('csat', 'nps', 'ces')),
  score         DOUBLE,                       -- NULL: survey sent, not answered
  scale_max     SMALLINT NOT NULL CHECK (scale_max IN (1, 3, 5, 7, 10)),
  comment       VARCHAR,
  channel       VARCHAR,
  row_hash      VARCHAR NOT NULL,
  load_id       BIGINT NOT NULL,
  CHECK (score IS NULL OR (score >= 0 AND score <= scale_max))
);

-- One row per ticket with every per-ticket measure precomputed at load, so dashboards aggregate, never recompute.
-- Dimensions are copied in so that grouping needs no join.
CREATE TABLE ticket_facts (
  ticket_id                          BIGINT NOT NULL,
  created_at                         TIMESTAMPTZ,    -- NULL: unknown; every duration from creation is NULL too
  first_response_at                  TIMESTAMPTZ,
  first_solved_at                    TIMESTAMPTZ,
  solved_at                          TIMESTAMPTZ,
  channel                            VARCHAR NOT NULL,
  priority                           VARCHAR,
  category                           VARCHAR,
  team_id                            VARCHAR,
  provider_kind                      VARCHAR,
  assignee_id                        VARCHAR,
  requester_id                       VARCHAR,
  requester_kind                     VARCHAR NOT NULL,
  organization                       VARCHAR,
  is_solved                          BOOLEAN NOT NULL,
  is_ended                           BOOLEAN NOT NULL,  -- solved or closed now (even without a known time)
  ended_at                           TIMESTAMPTZ,       -- when it stopped being open: last solve, else closing; NULL if unknown
  first_response_minutes             DOUBLE,
  first_response_business_minutes    DOUBLE,
  first_resolution_minutes           DOUBLE,
  first_resolution_business_minutes  DOUBLE,
  full_resolution_minutes            DOUBLE,
  full_resolution_business_minutes   DOUBLE,
  reply_minutes                      DOUBLE,    -- median over the ticket's agent replies, each from the message it answers
  reply_business_minutes             DOUBLE,
  requester_wait_minutes             DOUBLE,
  requester_wait_business_minutes    DOUBLE,
  agent_wait_minutes                 DOUBLE,
  agent_wait_business_minutes        DOUBLE,
  agent_replies                      INTEGER NOT NULL,
  reopens                            INTEGER NOT NULL,
  team_stations                      INTEGER NOT NULL,
  assignee_stations                  INTEGER NOT NULL,
  escalations                        INTEGER NOT NULL,
  escalation_level_max               SMALLINT NOT NULL,
  is_escalated                       BOOLEAN NOT NULL,  -- escalate event, or moved to a higher level or an escalation team
  is_one_touch                       BOOLEAN,
  is_fcr                             BOOLEAN,   -- strict first-contact resolution (PRODUCT.md §4)
  is_fcr_metricnet                   BOOLEAN,
  has_repeat_contact_7d              BOOLEAN,   -- the requester opened another ticket within 7 days of this one's solve
  -- When the SLA clocks of the ticket's policy run out; met or breached is decided when asked, as a ticket
  -- with no reply yet becomes breached by the passing of time, not by a load.
  sla_first_response_due_at          TIMESTAMPTZ,
  sla_resolution_due_at              TIMESTAMPTZ,
  due_at                             TIMESTAMPTZ,    -- what we promised; a promise past due and still open is broken
  promise_kept                       BOOLEAN          -- decided once solved: solved by due_at
);

-- The stretches a reopened ticket spent solved before a reopen ended them, from its `solved` and `reopened` events
-- (the ones ticket-rollup counts), so the backlog at an instant leaves a ticket out while it was solved. The stretch
-- after the last solve is not here: ticket_facts.solved_at (the last solve) covers it.
CREATE TABLE ticket_solved_gaps (
  ticket_id    BIGINT NOT NULL,
  solved_at    TIMESTAMPTZ NOT NULL,   -- the first solve of the stretch
  reopened_at  TIMESTAMPTZ NOT NULL,   -- the reopen that ended it
  CHECK (reopened_at > solved_at)
);

-- Survey answers with their ticket's dimensions, so survey metrics filter and group like ticket metrics.
-- Satisfied (CSAT): the top two boxes of 5 (and of 7 and 10), the top box of 3, "good" (1) of good/bad.
CREATE VIEW feedback_facts AS
SELECT fb.feedback_id, fb.ticket_id, fb.submitted_at, fb.kind, fb.score, fb.scale_max,
       coalesce(fb.channel, t.channel) AS channel, t.priority, t.category, t.team_id, t.provider_kind, t.assignee_id,
       t.requester_kind, t.organization,
       CASE fb.scale_max WHEN 5 THEN fb.score >= 4 WHEN 3 THEN fb.score >= 3 WHEN 1 THEN fb.score >= 1
                         WHEN 7 THEN fb.score >= 6 WHEN 10 THEN fb.score >= 9 END AS is_satisfied
  FROM feedback fb LEFT JOIN ticket_facts t USING (ticket_id);

CREATE SEQUENCE goal_id_seq START 1;

CREATE TABLE goals (
  goal_id      BIGINT PRIMARY KEY DEFAULT nextval('goal_id_seq'),
  name         VARCHAR NOT NULL,
  metric       VARCHAR NOT NULL,
  stat         VARCHAR NOT NULL DEFAULT 'value' CHECK (stat IN ('value', 'p50', 'p90', 'mean')),
  variant      VARCHAR,                      -- a rate's preset (first-contact resolution: one_touch, …)
  comparator   VARCHAR NOT NULL CHECK (comparator IN ('<=', '<', '>=', '>')),
  target       DOUBLE NOT NULL,
  unit         VARCHAR NOT NULL,
  hours        VARCHAR NOT NULL DEFAULT 'calendar' CHECK (hours IN ('business', 'calendar')),
  scope        JSON NOT NULL DEFAULT '{}',
  period       VARCHAR NOT NULL CHECK (period IN ('week', 'month', 'quarter')),
  owner_id     VARCHAR,
  starts_on    DATE NOT NULL,
  ends_on      DATE,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  archived_at  TIMESTAMPTZ,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

-- A closed period's value is stored; a later data correction adds a revision, never rewrites one.
CREATE TABLE goal_snapshots (
  goal_id        BIGINT NOT NULL,
  period_start   DATE NOT NULL,
  revision       INTEGER NOT NULL,
  value          DOUBLE,
  status         VARCHAR NOT NULL CHECK (status IN ('met', 'at_risk', 'missed', 'no_data')),
  tickets        BIGINT NOT NULL,
  data_version   BIGINT NOT NULL,
  computed_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (goal_id, period_start, revision)
);

CREATE TABLE users (
  user_id        VARCHAR PRIMARY KEY,
  display_name   VARCHAR NOT NULL,
  email          VARCHAR,
  role           VARCHAR NOT NULL CHECK (role IN ('admin', 'manager', 'lead', 'agent')),
  team_id        VARCHAR,
  agent_id       VARCHAR,
  password_hash  VARCHAR,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  disabled_at    TIMESTAMPTZ
);

CREATE TABLE sessions (
  session_id    VARCHAR PRIMARY KEY,   -- a hash of the cookie token, never the token itself
  user_id       VARCHAR NOT NULL,
  csrf_token    VARCHAR NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL,
  last_seen_at  TIMESTAMPTZ
);

CREATE SEQUENCE suggestion_id_seq START 1;

CREATE TABLE suggestions (
  suggestion_id   BIGINT PRIMARY KEY DEFAULT nextval('suggestion_id_seq'),
  title           VARCHAR NOT NULL,
  description     VARCHAR NOT NULL,
  author_id       VARCHAR NOT NULL,
  anonymous       BOOLEAN NOT NULL DEFAULT false,
  status          VARCHAR NOT NULL DEFAULT 'new'
                    CHECK (status IN ('new', 'under_review', 'accepted', 'in_progress', 'implemented', 'declined')),
  response        VARCHAR,
  decline_reason  VARCHAR,
  implemented_on  DATE,
  issue_key       VARCHAR,
  goal_id         BIGINT,
  ticket_ids      BIGINT[],
  created_at      TIMESTAMPTZ NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL,
  CHECK (status <> 'declined' OR decline_reason IS NOT NULL),
  CHECK (status <> 'implemented' OR implemented_on IS NOT NULL)
);

CREATE TABLE suggestion_votes (
  suggestion_id  BIGINT NOT NULL,
  user_id        VARCHAR NOT NULL,
  voted_at       TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (suggestion_id, user_id)
);

CREATE SEQUENCE suggestion_comment_id_seq START 1;

CREATE TABLE suggestion_comments (
  comment_id     BIGINT PRIMARY KEY DEFAULT nextval('suggestion_comment_id_seq'),
  suggestion_id  BIGINT NOT NULL,
  author_id      VARCHAR NOT NULL,
  body           VARCHAR NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL
);

-- The audit trail: every change to a suggestion, append-only.
CREATE SEQUENCE suggestion_event_id_seq START 1;

CREATE TABLE suggestion_events (
  event_id       BIGINT PRIMARY KEY DEFAULT nextval('suggestion_event_id_seq'),
  suggestion_id  BIGINT NOT NULL,
  occurred_at    TIMESTAMPTZ NOT NULL,
  actor_id       VARCHAR NOT NULL,
  kind           VARCHAR NOT NULL CHECK (kind IN ('created', 'edited', 'status_changed', 'commented', 'voted', 'unvoted', 'responded')),
  from_value     VARCHAR,
  to_value       VARCHAR,
  note           VARCHAR
);
