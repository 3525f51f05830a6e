-- SLA clocks that did not run out within the days guessed for them (business-days-wanted.sql) and could still run
-- out before $to_day (business_clocks_short): laid out up to $to_day, then their deadlines are sought again.
CREATE OR REPLACE TEMP TABLE business_clocks_short AS
SELECT c.team_id, c.starts_at, c.minutes
  FROM business_clock_days c
 WHERE c.to_number < $to_day::DATE - DATE '1970-01-01'
   AND NOT EXISTS (SELECT 1 FROM business_deadline_at d
                    WHERE d.team_id = c.team_id AND d.starts_at = c.starts_at AND d.minutes = c.minutes);

UPDATE business_clock_days c
   SET to_number = $to_day::DATE - DATE '1970-01-01'
  FROM business_clocks_short s
 WHERE s.team_id = c.team_id AND s.starts_at = c.starts_at AND s.minutes = c.minutes;
