// Pure helpers of `npm run bench -- api`: latency percentiles, and the overview's DuckDB SQL as PostgreSQL runs it.
// The translation is deliberately minimal and refuses what it does not know, so both databases run the same query.

/** The `p`-th percentile (0–100) of `values` by linear interpolation between closest ranks (numpy's default). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(values: readonly number[]): LatencySummary {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/** The median of `values` (NaN when empty). */
export const median = (values: readonly number[]) => percentile(values, 50);

/** A bound value as the benchmark captures it: DuckDB list values arrive as `{ items }`. */
export type CapturedValue = string | number | boolean | null | { items: CapturedValue[] };

export interface PostgresStatement {
  /** The statement with `$1…$n` for its values. */
  text: string;
  /** The values in position order, as SQL literals for an EXECUTE (strings quoted, lists as text arrays). */
  literals: string[];
  /** The parameter types for a PREPARE: text, or text[] for lists. */
  types: string[];
}

const literal = (value: CapturedValue): string => {
  if (value === null) return 'NULL';
  if (typeof value === 'object') return `ARRAY[${value.items.map(literal).join(', ')}]::text[]`;
  if (typeof value === 'number' || typeof value === 'boolean') return `'${String(value)}'`;
  return `'${value.replaceAll("'", "''")}'`;
};

/** Splits at commas outside parentheses and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim());
}

const aggregateCall = /\b(count|sum|avg|min|max|quantile_cont|percentile_cont)\s*\(/i;

/** DuckDB's `GROUP BY ALL` as the ordinal positions of the select items that hold no aggregate. */
function groupByAll(sql: string): string {
  const match = /^\s*SELECT\s+([\s\S]*?)\s+FROM\s/i.exec(sql);
  if (!match) throw new Error('GROUP BY ALL without a SELECT … FROM to read the select list from');
  const positions = splitTopLevel(match[1]!)
    .map((item, i) => (aggregateCall.test(item) ? null : i + 1))
    .filter((position) => position !== null);
  return `GROUP BY ${positions.join(', ')}`;
}

/** DuckDB-only constructs the translation must have replaced; any left means the SQL grew something new. */
const duckdbOnly = [
  /\bquantile_cont\s*\(/i, /\bstrftime\s*\(/i, /\blist_contains\s*\(/i, /\bGROUP BY ALL\b/i, /\bQUALIFY\b/i, /::DOUBLE\b(?! precision)/i,
  /\bmake_timestamp\s*\(/i, /\bepoch_us\s*\(/i,
];

/** Each `name(args)` call rewritten by `rewrite(args split at top-level commas)`, nested parentheses and all. */
function replaceCalls(sql: string, name: string, rewrite: (args: string[]) => string | null): string {
  const call = new RegExp(`\\b${name}\\s*\\(`, 'gi');
  let out = '';
  let from = 0;
  for (let match = call.exec(sql); match; match = call.exec(sql)) {
    let depth = 1;
    let end = match.index + match[0].length;
    for (; end < sql.length && depth > 0; end++) depth += sql[end] === '(' ? 1 : sql[end] === ')' ? -1 : 0;
    const replaced = rewrite(splitTopLevel(sql.slice(match.index + match[0].length, end - 1)));
    if (replaced === null) continue;
    out += sql.slice(from, match.index) + replaced;
    from = end;
    call.lastIndex = end;
  }
  return out + sql.slice(from);
}

/**
 * The overview's SQL in PostgreSQL's dialect: `quantile_cont(x, q)` → `percentile_cont(q) WITHIN GROUP (ORDER BY x)`,
 * `make_timestamp(epoch_us(t))` → `(t AT TIME ZONE 'UTC')`,
 * `::DOUBLE` → `::double precision`, `strftime(t, '%Y-%m-%d')` → `to_char(t, 'YYYY-MM-DD')`,
 * `list_contains($list, x)` → `x = ANY($list)`, `GROUP BY ALL` → the positions, `$name` → `$n`.
 */
export function toPostgres(sql: string, params: Record<string, CapturedValue> = {}): PostgresStatement {
  const quantiles = replaceCalls(sql, 'quantile_cont', ([value, fraction, ...rest]) =>
    value !== undefined && fraction !== undefined && /^[0-9.]+$/.test(fraction) && rest.length === 0
      ? `percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${value})`
      : null,
  );
  // The plain UTC timestamp of an instant (DuckDB computes it by arithmetic); PostgreSQL's spelling of the same.
  const utc = replaceCalls(quantiles, 'make_timestamp', (args) => {
    const epoch = args.length === 1 ? /^epoch_us\(([\s\S]+)\)$/i.exec(args[0]!) : null;
    return epoch ? `(${epoch[1]} AT TIME ZONE 'UTC')` : null;
  });
  let text = utc
    .replace(/::DOUBLE\b/gi, '::double precision')
    .replace(/\bstrftime\(\s*((?:[^()]|\([^()]*\))+?)\s*,\s*'%Y-%m-%d'\s*\)/gi, "to_char($1, 'YYYY-MM-DD')")
    .replace(/\blist_contains\(\s*(\$[a-z_][a-z0-9_]*)\s*,\s*([^()]+?)\s*\)/gi, '$2 = ANY($1)');
  if (/\bGROUP BY ALL\b/i.test(text)) text = text.replace(/\bGROUP BY ALL\b/i, groupByAll(text));
  const unknown = duckdbOnly.find((pattern) => pattern.test(text));
  if (unknown) throw new Error(`no PostgreSQL translation for ${unknown.source} in: ${sql.slice(0, 200)}`);

  const order: string[] = [];
  text = text.replace(/\$([a-z_][a-z0-9_]*)/gi, (_whole, name: string) => {
    if (!Object.hasOwn(params, name)) throw new Error(`the statement uses $${name}, which has no value`);
    if (!order.includes(name)) order.push(name);
    return `$${order.indexOf(name) + 1}`;
  });
  return {
    text,
    literals: order.map((name) => literal(params[name]!)),
    types: order.map((name) => (typeof params[name] === 'object' && params[name] !== null ? 'text[]' : 'text')),
  };
}

/** A DuckDB column type as PostgreSQL spells it (only the types the facts use). */
export function postgresType(duckdbType: string): string {
  const known: Record<string, string> = {
    BIGINT: 'bigint', INTEGER: 'integer', SMALLINT: 'smallint', BOOLEAN: 'boolean', DOUBLE: 'double precision',
    VARCHAR: 'varchar', 'TIMESTAMP WITH TIME ZONE': 'timestamptz', TIMESTAMP: 'timestamp', DATE: 'date',
  };
  const type = known[duckdbType.toUpperCase()];
  if (!type) throw new Error(`no PostgreSQL type for DuckDB's ${duckdbType}`);
  return type;
}

/**
 * Whether PostgreSQL's answer (psql's unaligned, tuples-only output, fields separated by `|`) is DuckDB's (rows as
 * JSON arrays): the same rows in the same order, numbers equal to a relative 1e-9. Null when they agree, else why.
 */
export function resultDifference(duckdbRows: unknown[][], postgresOutput: string): string | null {
  const lines = postgresOutput.split('\n').filter((line) => line.length > 0);
  if (lines.length !== duckdbRows.length) return `${duckdbRows.length} rows in DuckDB, ${lines.length} in PostgreSQL`;
  for (const [r, row] of duckdbRows.entries()) {
    const fields = lines[r]!.split('|');
    if (fields.length !== row.length) return `row ${r + 1}: ${row.length} columns in DuckDB, ${fields.length} in PostgreSQL`;
    for (const [c, value] of row.entries()) {
      const text = fields[c]!;
      const same =
        value === null ? text === ''
        : typeof value === 'boolean' ? text === (value ? 't' : 'f')
        : typeof value === 'number' ? text !== '' && Math.abs(Number(text) - value) <= 1e-9 * Math.max(1, Math.abs(value))
        : String(value) === text;
      if (!same) return `row ${r + 1}, column ${c + 1}: ${JSON.stringify(value)} in DuckDB, "${text}" in PostgreSQL`;
    }
  }
  return null;
}

/**
 * `now()` replaced by one fixed instant, for comparing answers: SLA metrics count the tickets whose clock has run
 * out by now, and now moves between the DuckDB and the PostgreSQL run.
 */
export function pinNow(sql: string, instant: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(instant)) throw new Error(`not an ISO instant in UTC: ${instant}`);
  return sql.replace(/\bnow\(\)/gi, `'${instant}'::TIMESTAMPTZ`);
}
