-- Lays out the open time of the local days in temp table business_day_ranges (team_id, from_number, to_number: days
-- numbered from 1970-01-01, each team's ranges at least three days apart, see business-day-ranges.sql) as instants,
-- in temp table business_intervals; open_us_before is the team's open time before each interval, so business time
-- between two instants of one range is the difference of that running total at each. A range's days are laid out
-- whole and only its own: `island` (its first day) keeps an SLA clock inside the range it starts in. Local opening
-- times become instants in the team's zone, so a DST change is simply part of the arithmetic: the day clocks
-- go back has an extra elapsed hour inside a 00:00–24:00 opening, the day they go forward one less.
CREATE OR REPLACE TEMP TABLE business_intervals AS
WITH days AS (
  SELECT r.team_id, t.time_zone, r.from_number AS island, (DATE '1970-01-01' + g.n::INTEGER) AS day
    FROM business_day_ranges r JOIN teams t USING (team_id), range(r.from_number, r.to_number + 1) AS g(n)
),
local_hours AS (
  SELECT d.team_id, d.time_zone, d.island, d.day, c.opens, c.closes
    FROM days d JOIN calendars c ON c.team_id = d.team_id AND c.weekday = isodow(d.day)
   WHERE NOT EXISTS (SELECT 1 FROM calendar_holidays h WHERE h.team_id = d.team_id AND h.day = d.day)
  UNION ALL
  SELECT d.team_id, d.time_zone, d.island, d.day, x.opens, x.closes
    FROM days d JOIN calendar_holiday_hours x ON x.team_id = d.team_id AND x.day = d.day
),
-- Each local time converted once per zone and day, however many teams share them: the conversion, not the
-- calendar, is what costs per team and day (bench/README.md, "Loading").
local_times AS (
  SELECT DISTINCT time_zone, day, opens AS local_time FROM local_hours
  UNION
  SELECT DISTINCT time_zone, day, closes FROM local_hours
),
converted AS (
  SELECT time_zone, day, local_time, timezone(time_zone, day + local_time) AS instant FROM local_times
),
instants AS (
  SELECT h.team_id, h.island, o.instant AS starts, c.instant AS ends
    FROM local_hours h
    JOIN converted o ON o.time_zone = h.time_zone AND o.day = h.day AND o.local_time = h.opens
    JOIN converted c ON c.time_zone = h.time_zone AND c.day = h.day AND c.local_time = h.closes
)
SELECT team_id, island, starts, ends,
       coalesce(sum(epoch_us(ends) - epoch_us(starts))
                  OVER (PARTITION BY team_id ORDER BY starts ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::BIGINT AS open_us_before
  FROM instants
 WHERE ends > starts;

-- The same open time cut at UTC midnights, one row per team with a calendar and UTC day of its ranges, with a day to
-- spare either side (a local day's hours fall on the UTC day before or after it too): the day's open pieces and the
-- team's open time before the day. An instant's open time so far is then an equality join on its day plus the
-- overlap with a few pieces (open_us_until), which costs far less than sorting every instant against the intervals.
-- Ranges three days apart never share a UTC day, so every piece is counted once and the running totals of both
-- tables agree. A day's first piece is kept as two numbers and only further pieces (a lunch break, a DST night) as
-- lists: the overlap with plain numbers is several times cheaper than with a list (bench/README.md, "Loading").
CREATE OR REPLACE TEMP MACRO open_us_until(before_us, first_starts_us, first_ends_us, more_starts_us, more_ends_us, at_us) AS
  before_us
  + coalesce(greatest(0, least(at_us, first_ends_us) - first_starts_us), 0)
  + CASE WHEN more_starts_us IS NULL THEN 0
         ELSE coalesce(list_sum([greatest(0, least(at_us, piece[2]) - piece[1]) for piece in list_zip(more_starts_us, more_ends_us)]), 0) END;

-- The same for a row of business_days (the instant's UTC day, joined as in business-span-seconds.sql): the open time
-- up to `at_us`.
CREATE OR REPLACE TEMP MACRO open_us_of(day, at_us) AS
  open_us_until(day.open_us_before, day.first_starts_us, day.first_ends_us, day.more_starts_us, day.more_ends_us, at_us);

CREATE OR REPLACE TEMP TABLE business_days AS
WITH pieces AS (
  SELECT i.team_id, d.day_number,
         greatest(epoch_us(i.starts), d.day_number * 86400000000) AS starts_us,
         least(epoch_us(i.ends), (d.day_number + 1) * 86400000000) AS ends_us
    FROM business_intervals i,
         range(epoch_us(i.starts) // 86400000000, (epoch_us(i.ends) - 1) // 86400000000 + 1) AS d(day_number)
),
days AS (
  SELECT r.team_id, r.from_number AS island, d.day_number
    FROM business_day_ranges r SEMI JOIN calendars c ON c.team_id = r.team_id,
         range(r.from_number - 1, r.to_number + 2) AS d(day_number)
),
per_day AS (
  SELECT d.team_id, d.island, d.day_number,
         coalesce(list(p.starts_us ORDER BY p.starts_us) FILTER (WHERE p.starts_us IS NOT NULL), []) AS starts_us,
         coalesce(list(p.ends_us ORDER BY p.starts_us) FILTER (WHERE p.starts_us IS NOT NULL), []) AS ends_us,
         coalesce(sum(p.ends_us - p.starts_us), 0) AS open_us
    FROM days d LEFT JOIN pieces p USING (team_id, day_number)
   GROUP BY d.team_id, d.island, d.day_number
)
SELECT team_id, island, day_number,
       coalesce(sum(open_us) OVER (PARTITION BY team_id ORDER BY day_number ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::BIGINT AS open_us_before,
       starts_us[1] AS first_starts_us, ends_us[1] AS first_ends_us,
       CASE WHEN len(starts_us) > 1 THEN starts_us[2:] END AS more_starts_us,
       CASE WHEN len(ends_us) > 1 THEN ends_us[2:] END AS more_ends_us
  FROM per_day;
