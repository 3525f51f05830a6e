-- Lays out every team's open time between $from_day and $to_day (local dates) as instants. Local opening
-- times become instants in the team's zone, so a DST change is simply part of the arithmetic: the day clocks
-- go back has an extra elapsed hour inside a 00:00–24:00 opening, the day they go forward one less.
DELETE FROM business_intervals;

INSERT INTO business_intervals
WITH days AS (
  SELECT t.team_id, t.time_zone, g.d::DATE AS day
    FROM teams t, generate_series($from_day::DATE, $to_day::DATE, INTERVAL 1 DAY) AS g(d)
),
local_hours AS (
  SELECT d.team_id, d.time_zone, d.day, c.opens, c.closes
    FROM days d JOIN calendars c ON c.team_id = d.team_id AND c.weekday = isodow(d.day)
   WHERE NOT EXISTS (SELECT 1 FROM calendar_holidays h WHERE h.team_id = d.team_id AND h.day = d.day)
  UNION ALL
  SELECT d.team_id, d.time_zone, d.day, x.opens, x.closes
    FROM days d JOIN calendar_holiday_hours x ON x.team_id = d.team_id AND x.day = d.day
),
instants AS (
  SELECT team_id, timezone(time_zone, day + opens) AS starts, timezone(time_zone, day + closes) AS ends
    FROM local_hours
)
SELECT team_id, starts, ends,
       coalesce(sum(epoch_us(ends) - epoch_us(starts))
                  OVER (PARTITION BY team_id ORDER BY starts ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
  FROM instants
 WHERE ends > starts;
