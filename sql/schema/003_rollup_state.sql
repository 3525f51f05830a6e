-- Which definition the daily rollup tables (rollup_*) were built by. Their columns derive from the metric registry
-- (sql/metrics/rollups.ts), so they are created by code, and rebuilt from the facts when the signature differs.
CREATE TABLE rollup_state (signature VARCHAR NOT NULL);
