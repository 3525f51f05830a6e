-- When each clock in temp table or view business_deadlines (any columns, among them team_id, starts_at, minutes)
-- runs out, as those columns plus due_at: the instant
-- at which the team's open time since starts_at reaches `minutes`. The running open-time total at the start, plus
-- the target, is found in the interval whose running total it passes (ASOF join on that total); a target that
-- ends exactly at a closing time is due at that closing time, not at the next opening. The search stays inside the
-- laid-out range (island) the clock starts in: a clock that runs out past it has no row.
CREATE OR REPLACE TEMP TABLE business_deadline_at AS
WITH started AS (
  -- The open time so far at the start, read from its UTC day (business_days) as a span's ends are
  -- (business-span-seconds.sql): an ASOF join for it sorted every clock (bench/README.md, "Loading").
  SELECT d.*, b.island AS started_island,
         coalesce(open_us_of(b, epoch_us(d.starts_at))::BIGINT, 0)
           + CAST(d.minutes * 60000000.0 AS BIGINT) AS goal_us
    FROM business_deadlines d
    LEFT JOIN business_days b ON b.team_id = d.team_id AND b.day_number = epoch_us(d.starts_at) // 86400000000
   WHERE d.starts_at IS NOT NULL AND d.minutes IS NOT NULL
)
SELECT s.* EXCLUDE (goal_us, started_island), i.starts + to_microseconds(s.goal_us - i.open_us_before) AS due_at
  FROM started s
  ASOF JOIN business_intervals i ON s.team_id = i.team_id AND s.started_island = i.island AND s.goal_us > i.open_us_before
 WHERE s.goal_us - i.open_us_before <= epoch_us(i.ends) - epoch_us(i.starts);
