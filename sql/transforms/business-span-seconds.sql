-- Business seconds of each span in temp table business_spans (span_id, team_id, starts_at, ends_at): the team's
-- open time up to the end minus its open time up to the start, each found by an ASOF join on the interval in
-- which (or after which) the instant falls. A span that ends before it starts is negative; one without an
-- end (no reply yet) has none.
CREATE OR REPLACE TEMP TABLE business_span_seconds AS
WITH points AS (
  SELECT span_id, team_id, starts_at AS at_instant, -1 AS sign FROM business_spans
  UNION ALL
  SELECT span_id, team_id, ends_at, 1 FROM business_spans
),
open_until AS (
  SELECT p.span_id, p.sign, p.at_instant,
         coalesce(i.open_us_before + least(epoch_us(p.at_instant), epoch_us(i.ends)) - epoch_us(i.starts), 0) AS open_us
    FROM points p ASOF LEFT JOIN business_intervals i ON p.team_id = i.team_id AND p.at_instant >= i.starts
)
SELECT span_id, CASE WHEN bool_and(at_instant IS NOT NULL) THEN sum(sign * open_us) / 1e6 END AS seconds
  FROM open_until
 GROUP BY span_id;
