-- Goals keep their history across edits. A change of what a goal judges (metric, statistic, preset, hours,
-- comparator, target, scope, period, start or end) starts a new version; the periods that closed before the change
-- stay judged under the version in force then. `goals` keeps the current definition (and the name and owner, which
-- start no version); `goal_versions` keeps every definition, the current one included.
CREATE TABLE goal_versions (
  goal_id      BIGINT NOT NULL,
  version      INTEGER NOT NULL,
  -- When the version took over: it judges the periods ending after this instant (version 1: every period before).
  valid_from   TIMESTAMPTZ NOT NULL,
  metric       VARCHAR NOT NULL,
  stat         VARCHAR NOT NULL CHECK (stat IN ('value', 'p50', 'p90', 'mean')),
  variant      VARCHAR,
  hours        VARCHAR NOT NULL CHECK (hours IN ('business', 'calendar')),
  comparator   VARCHAR NOT NULL CHECK (comparator IN ('<=', '<', '>=', '>')),
  target       DOUBLE NOT NULL,
  unit         VARCHAR NOT NULL,
  scope        JSON NOT NULL,
  period       VARCHAR NOT NULL CHECK (period IN ('week', 'month', 'quarter')),
  starts_on    DATE NOT NULL,
  ends_on      DATE,
  PRIMARY KEY (goal_id, version),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

INSERT INTO goal_versions
SELECT goal_id, 1, created_at, metric, stat, variant, hours, comparator, target, unit, scope, period, starts_on, ends_on
  FROM goals;

-- A closed period's judgement belongs to the version that judged it: two versions may judge periods starting on the
-- same day (a weekly goal made monthly), so the version is part of the key. Earlier snapshots were all made under
-- the goal's only definition (an edit used to delete them): version 1.
CREATE TABLE goal_snapshots_versioned (
  goal_id        BIGINT NOT NULL,
  goal_version   INTEGER NOT NULL,
  period_start   DATE NOT NULL,
  revision       INTEGER NOT NULL,
  value          DOUBLE,
  status         VARCHAR NOT NULL CHECK (status IN ('met', 'at_risk', 'missed', 'no_data')),
  tickets        BIGINT NOT NULL,
  data_version   BIGINT NOT NULL,
  computed_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (goal_id, goal_version, period_start, revision)
);

INSERT INTO goal_snapshots_versioned
SELECT goal_id, 1, period_start, revision, value, status, tickets, data_version, computed_at FROM goal_snapshots;

DROP TABLE goal_snapshots;
ALTER TABLE goal_snapshots_versioned RENAME TO goal_snapshots;

-- The data version the last snapshot of every goal and closed period judged (one row): at server start, when it is
-- still the data version, only the periods that closed since need judging.
CREATE TABLE goal_snapshot_state (
  data_version  BIGINT NOT NULL,
  judged_at     TIMESTAMPTZ NOT NULL
);
