-- The days business_span_days and business_clock_days want, merged per team into ranges (business_day_ranges) that
-- business-intervals.sql lays out whole. Wanted days less than three days apart join one range, so that two ranges'
-- UTC days (a day to spare either side) never meet and each open piece is counted once.
CREATE OR REPLACE TEMP TABLE business_day_ranges AS
WITH wanted AS (
  -- At most a row per team and first day, so that the windows below sort days, not spans or clocks.
  SELECT team_id, from_number, max(to_number) AS to_number
    FROM (SELECT team_id, from_number, to_number FROM business_span_days
          UNION ALL
          SELECT team_id, from_number, to_number FROM business_clock_days)
   WHERE from_number <= to_number
   GROUP BY team_id, from_number
),
reach AS (
  SELECT *, max(to_number) OVER (PARTITION BY team_id ORDER BY from_number, to_number
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reached
    FROM wanted
),
numbered AS (
  SELECT *, sum(CASE WHEN reached IS NULL OR from_number > reached + 2 THEN 1 ELSE 0 END)
              OVER (PARTITION BY team_id ORDER BY from_number, to_number ROWS UNBOUNDED PRECEDING) AS range_number
    FROM reach
)
SELECT team_id, min(from_number) AS from_number, max(to_number) AS to_number
  FROM numbered
 GROUP BY team_id, range_number;
