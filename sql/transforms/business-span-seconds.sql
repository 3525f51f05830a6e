-- Business seconds of each span in business_spans (span columns, among them team_id, starts_at, ends_at): the
-- team's open time up to the end minus its open time up to the start, each read from the instant's UTC day in
-- business_days (see business-intervals.sql). A span that ends before it starts is negative; one without an end
-- (no reply yet), or whose team has no calendar, has none. A view: the spans' columns pass through with `seconds`
-- added, so a caller aggregating them reads the spans once.
CREATE OR REPLACE TEMP VIEW business_span_seconds AS
SELECT s.*,
       (open_us_of(e, epoch_us(s.ends_at))
         - open_us_of(b, epoch_us(s.starts_at))) / 1e6 AS seconds
  FROM business_spans s
  LEFT JOIN business_days b ON b.team_id = s.team_id AND b.day_number = epoch_us(s.starts_at) // 86400000000
  LEFT JOIN business_days e ON e.team_id = s.team_id AND e.day_number = epoch_us(s.ends_at) // 86400000000;
