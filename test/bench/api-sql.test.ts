import { describe, expect, it } from 'vitest';
import { percentile, pinNow, resultDifference, summarise, toPostgres } from '../../bench/api-sql.ts';

describe('percentile', () => {
  it('interpolates between closest ranks like numpy', () => {
    // numpy.percentile([15, 20, 35, 40, 50], [0, 40, 50, 95, 100]) → 15, 29, 35, 48, 50
    const values = [40, 15, 50, 35, 20];
    expect([0, 40, 50, 95, 100].map((p) => percentile(values, p))).toEqual([15, 29, 35, 48, 50]);
  });

  it('is NaN for no values and refuses a percentile outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(/between 0 and 100/);
  });

  it('summarises 1…100 ms: p95 95.05, p99 99.01', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarise(values)).toEqual({ count: 100, p50: 50.5, p95: 95.05, p99: 99.01, max: 100 });
  });
});

describe('toPostgres', () => {
  it('rewrites a filtered median, the casts and named parameters (a repeated name keeps its position)', () => {
    const sql =
      'SELECT (quantile_cont(f.first_response_minutes, 0.5) FILTER (WHERE f.created_at >= $from::TIMESTAMPTZ))::DOUBLE AS v ' +
      'FROM ticket_facts f WHERE f.created_at >= $from::TIMESTAMPTZ AND f.created_at < $to::TIMESTAMPTZ';
    expect(toPostgres(sql, { to: '2026-02-01', from: "2026-01-01'x" })).toEqual({
      text:
        'SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY f.first_response_minutes) FILTER (WHERE f.created_at >= $1::TIMESTAMPTZ))::double precision AS v ' +
        'FROM ticket_facts f WHERE f.created_at >= $1::TIMESTAMPTZ AND f.created_at < $2::TIMESTAMPTZ',
      literals: ["'2026-01-01''x'", "'2026-02-01'"],
      types: ['text', 'text'],
    });
  });

  it('turns GROUP BY ALL into the positions of the non-aggregate items, strftime into to_char, lists into ANY', () => {
    const sql = `SELECT strftime(date_trunc($grain, f.created_at), '%Y-%m-%d') AS period, f.channel::VARCHAR AS "group",
      (count(*))::DOUBLE AS value, count(*)::INTEGER AS tickets FROM ticket_facts f
      WHERE list_contains($filter_channel, f.channel) GROUP BY ALL ORDER BY period`;
    const out = toPostgres(sql, { grain: 'week', filter_channel: { items: ['email', "o'web"] } });
    expect(out.text).toContain("to_char(date_trunc($1, f.created_at), 'YYYY-MM-DD') AS period");
    expect(out.text).toContain('WHERE f.channel = ANY($2) GROUP BY 1, 2 ORDER BY period');
    expect(out.literals).toEqual(["'week'", "ARRAY['email', 'o''web']::text[]"]);
    expect(out.types).toEqual(['text', 'text[]']);
  });

  it('rewrites a median over whole seconds with its filter, and the plain UTC timestamp of an instant', () => {
    const sql =
      'SELECT quantile_cont(least(f.first_response_minutes * 60, 2147483647)::INTEGER, 0.5) FILTER (WHERE f.x) / 60 AS v, ' +
      'date_trunc($grain, make_timestamp(epoch_us(f.created_at))) AS p FROM ticket_facts f';
    expect(toPostgres(sql, { grain: 'month' }).text).toBe(
      'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY least(f.first_response_minutes * 60, 2147483647)::INTEGER) ' +
        "FILTER (WHERE f.x) / 60 AS v, date_trunc($1, (f.created_at AT TIME ZONE 'UTC')) AS p FROM ticket_facts f",
    );
  });

  it('refuses DuckDB-only SQL it cannot translate and parameters without a value', () => {
    expect(() => toPostgres('SELECT x FROM t QUALIFY row_number() OVER () = 1')).toThrow(/no PostgreSQL translation/);
    expect(() => toPostgres('SELECT quantile_cont(x, [0.5, 0.9]) FROM t')).toThrow(/no PostgreSQL translation/);
    expect(() => toPostgres('SELECT make_timestamp(2026, 1, 1, 0, 0, 0)')).toThrow(/no PostgreSQL translation/);
    expect(() => toPostgres('SELECT $missing')).toThrow(/\$missing, which has no value/);
  });
});

describe('resultDifference', () => {
  const duckdb = [['2026-01-05', 'email', 12.5, 3], ['2026-01-05', null, null, 0]];

  it('accepts the same rows as psql prints them, numbers within rounding', () => {
    expect(resultDifference(duckdb, '2026-01-05|email|12.500000000001|3\n2026-01-05|||0\n')).toBeNull();
  });

  it('names the first difference: row count, a value, a null', () => {
    expect(resultDifference(duckdb, '2026-01-05|email|12.5|3\n')).toBe('2 rows in DuckDB, 1 in PostgreSQL');
    expect(resultDifference(duckdb, '2026-01-05|email|12.6|3\n2026-01-05|||0')).toBe('row 1, column 3: 12.5 in DuckDB, "12.6" in PostgreSQL');
    expect(resultDifference(duckdb, '2026-01-05|email|12.5|3\n2026-01-05||0|0')).toBe('row 2, column 3: null in DuckDB, "0" in PostgreSQL');
  });

  it('reads booleans as psql prints them (t, f)', () => {
    expect(resultDifference([[false, true]], 'f|t\n')).toBeNull();
    expect(resultDifference([[false]], 't\n')).toBe('row 1, column 1: false in DuckDB, "t" in PostgreSQL');
  });
});

describe('pinNow', () => {
  it('replaces every now() by the instant, in a form both databases read', () => {
    expect(pinNow('a < now() AND b < NOW()', '2026-11-23T14:00:00.000Z')).toBe(
      "a < '2026-11-23T14:00:00.000Z'::TIMESTAMPTZ AND b < '2026-11-23T14:00:00.000Z'::TIMESTAMPTZ",
    );
    expect(() => pinNow('now()', "x'; DROP TABLE t")).toThrow(/ISO instant/);
  });
});
