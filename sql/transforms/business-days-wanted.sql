-- The local days whose open time the facts need, per team (days numbered from 1970-01-01), within the facts' range
-- $from_day to $to_day (local dates). Business time is laid out per spanned day rather than for every team and
-- every day of that range: a load into many teams with calendars then costs in proportion to its tickets' spans,
-- not to teams × days (bench/README.md, "Many teams").
-- Each span wants its UTC days with one more either side, so that every local day whose hours fall on those UTC
-- days is laid out (a zone is at most a day from UTC). Kept as the furthest day wanted from each first day: at most
-- a row per team and day, however many spans, for business-day-ranges.sql to sort.
CREATE OR REPLACE TEMP TABLE business_span_days AS
SELECT team_id, from_number, max(to_number) AS to_number
  FROM (SELECT team_id,
               greatest(least(epoch_us(starts_at), epoch_us(coalesce(ends_at, starts_at))) // 86400000000 - 1,
                        $from_day::DATE - DATE '1970-01-01') AS from_number,
               least(greatest(epoch_us(starts_at), epoch_us(coalesce(ends_at, starts_at))) // 86400000000 + 1,
                     $to_day::DATE - DATE '1970-01-01') AS to_number
          FROM business_spans
         WHERE team_id IS NOT NULL AND starts_at IS NOT NULL)
 GROUP BY team_id, from_number;

-- An SLA clock wants the days from its start until it runs out, which may be past the ticket's last event (an open
-- ticket's clock runs up to $to_day). How far is guessed from the team's weekly open time, with two weeks to spare
-- for holidays; a clock not run out within its guess is laid out to $to_day (business-clocks-extended.sql). Teams
-- with no weekly hours have no business time and want no days.
CREATE OR REPLACE TEMP TABLE business_clock_days AS
WITH weekly AS (
  SELECT team_id, sum(date_diff('second', opens, closes)) / 60 AS open_minutes FROM calendars GROUP BY team_id
)
SELECT d.team_id, d.starts_at, d.minutes,
       greatest(epoch_us(d.starts_at) // 86400000000 - 1, $from_day::DATE - DATE '1970-01-01') AS from_number,
       least(CASE WHEN w.open_minutes > 0
                  THEN epoch_us(d.starts_at) // 86400000000 + 1 + ceil(d.minutes * 7 / w.open_minutes)::BIGINT + 14
                  ELSE $to_day::DATE - DATE '1970-01-01' END,
             $to_day::DATE - DATE '1970-01-01') AS to_number
  FROM business_deadlines d JOIN weekly w USING (team_id)
 WHERE d.starts_at IS NOT NULL AND d.minutes IS NOT NULL;
