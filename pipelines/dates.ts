// Day/month order of timestamps whose format has a numeric day and month (%d-%m-%y, %m/%d/%Y, …).
// A file written partly in the other order still parses: "04-12-15" is a fine 4 December and a fine
// 12 April. So per file and field we look for evidence that the orders are mixed, and when there is
// some, report it and reject the rows whose order the file cannot decide, rather than guess.
//
// Evidence, all computed set-wise over the staged rows:
// - values that only read in the swapped order ("25-12-15" declared as %m-%d-%y);
// - months (read as declared) whose many rows all fall on days 1–12: with days spread over the month that
//   is implausible by chance (below one in a million), while it is exactly what swapped values look like,
//   their "day" being a month. Only counted when the file has days after the 12th elsewhere (a file of
//   monthly batches on the 1st is not mixed), and never for the month right after the last such day (the
//   data may end on its 10th).
import type { Query } from '../sql/db.ts';
import { recordExpression, sourceCell } from './mapping/to-sql.ts';
import type { FieldSpec, Mapping } from './mapping/types.ts';

/** Below this chance a month with only days 1–12 is taken as evidence of swapped values. */
const implausible = 1e-6;

/** The format with its numeric day and month swapped; undefined unless it has exactly one of each. */
export function swappedFormat(format: string): string | undefined {
  // Year first (ISO 8601's %Y-%m-%d) is written month before day everywhere; only day/month-first dates mix.
  if (/^%-?[Yy]/.test(format.trim())) return undefined;
  const tokens = format.match(/%-?[dm]/g) ?? [];
  if (tokens.length !== 2 || new Set(tokens.map((token) => token.at(-1))).size !== 2) return undefined;
  return format.replace(/%(-?)([dm])/g, (_, pad: string, letter: string) => `%${pad}${letter === 'd' ? 'm' : 'd'}`);
}

type OrderStats = {
  declared_only: number;
  swapped_only: number;
  ambiguous: number;
  declared_only_first: string | null;
  declared_only_last: string | null;
  swapped_only_example: string | null;
  crowded_months: string[] | null;
  crowded_rows: number | null;
};

type CheckedField = { field: string; spec: FieldSpec & { type: 'timestamp'; format: string }; swapped: string };

function checkedFields(mapping: Mapping): CheckedField[] {
  if (mapping.dateOrder === 'as_declared') return [];
  return Object.entries(mapping.fields).flatMap(([field, spec]) => {
    const swapped = spec.type === 'timestamp' && spec.format ? swappedFormat(spec.format) : undefined;
    return swapped ? [{ field, spec: spec as CheckedField['spec'], swapped }] : [];
  });
}

/** Every non-empty cell of the field read both ways, with its record number (`mapped.record`). */
function readings(spec: FieldSpec, lineColumn: string | undefined): string {
  const extra = recordExpression(lineColumn);
  return `SELECT *, try_strptime(cell, $declared) AS declared, try_strptime(cell, $swapped) AS swapped
            FROM (SELECT nullif(${sourceCell(spec)}, '') AS cell, ${extra} AS record FROM raw r)
           WHERE cell IS NOT NULL`;
}

async function orderStats(tx: Query, { spec, swapped }: CheckedField, lineColumn: string | undefined): Promise<OrderStats> {
  return (await tx.one<OrderStats>(
    `WITH readings AS (${readings(spec, lineColumn)}),
          months AS (SELECT date_trunc('month', declared) AS month, count(*) AS n, max(day(declared)) AS latest_day
                       FROM readings WHERE declared IS NOT NULL GROUP BY ALL),
          -- The month after the last one with a day past the 12th may be where the data simply ends.
          crowded AS (SELECT month, n FROM months
                       WHERE latest_day <= 12
                         AND month IS DISTINCT FROM (SELECT max(month) + INTERVAL 1 MONTH FROM months WHERE latest_day > 12)
                         AND pow(12.0 / day(last_day(month)), n) < $implausible)
     SELECT count(*) FILTER (WHERE declared IS NOT NULL AND swapped IS NULL)::INTEGER AS declared_only,
            count(*) FILTER (WHERE declared IS NULL AND swapped IS NOT NULL)::INTEGER AS swapped_only,
            count(*) FILTER (WHERE declared <> swapped)::INTEGER AS ambiguous,
            strftime(min(declared) FILTER (WHERE swapped IS NULL), '%Y-%m-%d') AS declared_only_first,
            strftime(max(declared) FILTER (WHERE swapped IS NULL), '%Y-%m-%d') AS declared_only_last,
            arg_min(cell, record) FILTER (WHERE declared IS NULL AND swapped IS NOT NULL) AS swapped_only_example,
            (SELECT list(strftime(month, '%Y-%m') ORDER BY month) FROM crowded) AS crowded_months,
            (SELECT sum(n)::INTEGER FROM crowded) AS crowded_rows
       FROM readings`,
    { declared: spec.format, swapped, implausible },
  ))!;
}

/** Rejects the rows whose value reads as two different instants; returns how many and one example reason. */
async function rejectAmbiguous(tx: Query, { spec, swapped }: CheckedField, lineColumn: string | undefined) {
  await tx.run(
    `UPDATE mapped SET reject_column = $column, reject_value = a.cell,
            reject_reason = format('day/month order ambiguous: "{}" reads as {} or {}', a.cell,
                                   strftime(a.declared, '%Y-%m-%d'), strftime(a.swapped, '%Y-%m-%d'))
       FROM (${readings(spec, lineColumn)}) a
      WHERE mapped.record = a.record AND a.declared <> a.swapped AND mapped.reject_reason IS NULL`,
    { column: spec.column, declared: spec.format, swapped },
  );
  return (await tx.one<{ n: number; example: string | null }>(
    `SELECT count(*)::INTEGER AS n, min(reject_reason) AS example FROM mapped
      WHERE reject_column = $column AND starts_with(reject_reason, 'day/month order ambiguous')`,
    { column: spec.column },
  ))!;
}

/** A value the declared order cannot read but the swapped one can says so, instead of "unparseable". */
async function explainSwappedOnly(tx: Query, { spec, swapped }: CheckedField) {
  await tx.run(
    `UPDATE mapped SET reject_reason = format('day/month order swapped: "{}" is not {} but reads as {} as {}', reject_value,
                                              $declared, strftime(try_strptime(reject_value, $swapped), '%Y-%m-%d'), $swapped)
      WHERE reject_column = $column AND try_strptime(reject_value, $declared) IS NULL AND try_strptime(reject_value, $swapped) IS NOT NULL`,
    { column: spec.column, declared: spec.format, swapped },
  );
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Checks every timestamp field with a numeric day and month, day or month first, (unless the mapping says the order is certain);
 * where the orders are mixed, rejects the undecidable rows of `mapped` and returns a warning per field.
 */
export async function checkDayMonthOrder(tx: Query, mapping: Mapping, lineColumn: string | undefined): Promise<string[]> {
  const warnings: string[] = [];
  for (const checked of checkedFields(mapping)) {
    const stats = await orderStats(tx, checked, lineColumn);
    const crowded = stats.declared_only > 0 ? (stats.crowded_months ?? []) : [];
    if (stats.swapped_only === 0 && crowded.length === 0) continue;
    const { spec, swapped, field } = checked;
    await explainSwappedOnly(tx, checked);
    const rejected = await rejectAmbiguous(tx, checked, lineColumn);
    const evidence: string[] = [];
    if (stats.swapped_only > 0) {
      evidence.push(`${plural(stats.swapped_only, 'value')} only read as ${swapped} (e.g. "${stats.swapped_only_example}")`);
    }
    if (crowded.length > 0) {
      const shown = crowded.length > 6 ? `${crowded.slice(0, 6).join(', ')}, …` : crowded.join(', ');
      evidence.push(`${plural(stats.crowded_rows ?? 0, 'value')} fall in ${plural(crowded.length, 'month')} with no day after the 12th (${shown}), implausible by chance`);
    }
    const verdict =
      stats.declared_only === 0
        ? `the file looks written as ${swapped}, not as the declared ${spec.format}: fix the format in the mapping`
        : `day and month are in both orders; ${plural(stats.declared_only, 'value')} only read as declared (${stats.declared_only_first} … ${stats.declared_only_last})`;
    warnings.push(
      `${field} ("${spec.column}", ${spec.format}): ${verdict}. Evidence: ${evidence.join('; ')}. ` +
        `${plural(stats.ambiguous, 'value')} read as two different dates; ${plural(rejected.n, 'row')} rejected for it${rejected.example ? ` (e.g. ${rejected.example.replace('day/month order ambiguous: ', '')})` : ''}. ` +
        `If the declared order is certain, set "date_order": "as_declared" in the mapping.`,
    );
  }
  return warnings;
}
