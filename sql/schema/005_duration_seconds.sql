-- Durations are stored as whole seconds (INTEGER) and read in minutes through virtual columns: DuckDB's exact
-- median of ten million INTEGER values took 0.14-0.19 s where DOUBLE minutes, converted on the fly, took 0.25-0.28 s
-- (the overview's cold answer at 10 M tickets holds three of them). Durations come from timestamps to the second;
-- a sub-second part is rounded. The table is rebuilt with the same rows.
CREATE TABLE ticket_facts_seconds (
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
  first_response_seconds             INTEGER,
  first_response_minutes             DOUBLE GENERATED ALWAYS AS (first_response_seconds / 60) VIRTUAL,
  first_response_business_seconds    INTEGER,
  first_response_business_minutes    DOUBLE GENERATED ALWAYS AS (first_response_business_seconds / 60) VIRTUAL,
  first_resolution_seconds           INTEGER,
  first_resolution_minutes           DOUBLE GENERATED ALWAYS AS (first_resolution_seconds / 60) VIRTUAL,
  first_resolution_business_seconds  INTEGER,
  first_resolution_business_minutes  DOUBLE GENERATED ALWAYS AS (first_resolution_business_seconds / 60) VIRTUAL,
  full_resolution_seconds            INTEGER,
  full_resolution_minutes            DOUBLE GENERATED ALWAYS AS (full_resolution_seconds / 60) VIRTUAL,
  full_resolution_business_seconds   INTEGER,
  full_resolution_business_minutes   DOUBLE GENERATED ALWAYS AS (full_resolution_business_seconds / 60) VIRTUAL,
  reply_seconds                      INTEGER,    -- median over the ticket's agent replies, each from the message it answers
  reply_minutes                      DOUBLE GENERATED ALWAYS AS (reply_seconds / 60) VIRTUAL,
  reply_business_seconds             INTEGER,
  reply_business_minutes             DOUBLE GENERATED ALWAYS AS (reply_business_seconds / 60) VIRTUAL,
  requester_wait_seconds             INTEGER,
  requester_wait_minutes             DOUBLE GENERATED ALWAYS AS (requester_wait_seconds / 60) VIRTUAL,
  requester_wait_business_seconds    INTEGER,
  requester_wait_business_minutes    DOUBLE GENERATED ALWAYS AS (requester_wait_business_seconds / 60) VIRTUAL,
  agent_wait_seconds                 INTEGER,
  agent_wait_minutes                 DOUBLE GENERATED ALWAYS AS (agent_wait_seconds / 60) VIRTUAL,
  agent_wait_business_seconds        INTEGER,
  agent_wait_business_minutes        DOUBLE GENERATED ALWAYS AS (agent_wait_business_seconds / 60) VIRTUAL,
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

INSERT INTO ticket_facts_seconds BY NAME
SELECT * EXCLUDE (first_response_minutes,
                 first_response_business_minutes,
                 first_resolution_minutes,
                 first_resolution_business_minutes,
                 full_resolution_minutes,
                 full_resolution_business_minutes,
                 reply_minutes,
                 reply_business_minutes,
                 requester_wait_minutes,
                 requester_wait_business_minutes,
                 agent_wait_minutes,
                 agent_wait_business_minutes),
       CASE WHEN first_response_minutes IS NOT NULL THEN least(first_response_minutes * 60, 2147483647)::INTEGER END AS first_response_seconds,
       CASE WHEN first_response_business_minutes IS NOT NULL THEN least(first_response_business_minutes * 60, 2147483647)::INTEGER END AS first_response_business_seconds,
       CASE WHEN first_resolution_minutes IS NOT NULL THEN least(first_resolution_minutes * 60, 2147483647)::INTEGER END AS first_resolution_seconds,
       CASE WHEN first_resolution_business_minutes IS NOT NULL THEN least(first_resolution_business_minutes * 60, 2147483647)::INTEGER END AS first_resolution_business_seconds,
       CASE WHEN full_resolution_minutes IS NOT NULL THEN least(full_resolution_minutes * 60, 2147483647)::INTEGER END AS full_resolution_seconds,
       CASE WHEN full_resolution_business_minutes IS NOT NULL THEN least(full_resolution_business_minutes * 60, 2147483647)::INTEGER END AS full_resolution_business_seconds,
       CASE WHEN reply_minutes IS NOT NULL THEN least(reply_minutes * 60, 2147483647)::INTEGER END AS reply_seconds,
       CASE WHEN reply_business_minutes IS NOT NULL THEN least(reply_business_minutes * 60, 2147483647)::INTEGER END AS reply_business_seconds,
       CASE WHEN requester_wait_minutes IS NOT NULL THEN least(requester_wait_minutes * 60, 2147483647)::INTEGER END AS requester_wait_seconds,
       CASE WHEN requester_wait_business_minutes IS NOT NULL THEN least(requester_wait_business_minutes * 60, 2147483647)::INTEGER END AS requester_wait_business_seconds,
       CASE WHEN agent_wait_minutes IS NOT NULL THEN least(agent_wait_minutes * 60, 2147483647)::INTEGER END AS agent_wait_seconds,
       CASE WHEN agent_wait_business_minutes IS NOT NULL THEN least(agent_wait_business_minutes * 60, 2147483647)::INTEGER END AS agent_wait_business_seconds
  FROM ticket_facts;

DROP TABLE ticket_facts;

ALTER TABLE ticket_facts_seconds RENAME TO ticket_facts;
