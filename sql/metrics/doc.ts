// docs/metrics.md is rendered from the registry; a test fails when the committed file differs.
import { dimensionNames, dimensions, grains } from './dimensions.ts';
import { dimensionNameTables } from './group-names.ts';
import { durationBuckets, metrics, type Metric } from './registry.ts';
import { recurringShareSql } from './recurring-issues.ts';
import { isRollable, rollupDimensions } from './rollups.ts';
import { hoursModes, metricAggregate, stats } from './series.ts';

const code = (text: string) => `\`${text}\``;

function sqlOf(metric: Metric): string[] {
  if (metric.aggregation === 'recurring_share') {
    const sql = recurringShareSql({ metric, grain: 'week', group: null, filters: [] });
    return ['- SQL (weekly, per period; value = 100 × in_top ÷ tickets):', '', '```sql', sql.replace(/^ {5}/gm, ''), '```'];
  }
  if (metric.aggregation !== 'duration') {
    const { table, rows, value } = metricAggregate(metric, { stat: 'p50', hours: 'calendar' });
    return [`- SQL: ${code(`SELECT ${value} FROM ${table} f WHERE ${rows}`)}`];
  }
  return hoursModes.map((hours) => {
    const { table, rows, value } = metricAggregate(metric, { stat: 'p50', hours });
    return `- SQL (${hours} hours, p50): ${code(`SELECT ${value} FROM ${table} f WHERE ${rows}`)}`;
  });
}

export function renderMetricsDoc(): string {
  const lines = [
    '# Metrics',
    '',
    '<!-- Generated from sql/metrics/registry.ts by `npm run docs:metrics`; do not edit by hand. -->',
    '',
    'Every metric is served at `GET /api/metrics/<key>?grain=<grain>&by=<dimension>&from=YYYY-MM-DD&to=YYYY-MM-DD`',
    `with optional filters \`<dimension>=<value>\` (repeat one to allow several values). Grains: ${grains.map(code).join(', ')}.`,
    `Dimensions (group-by and filter names, with the column behind each): ${dimensionNames.map((d) => `${code(d)} (${code(dimensions[d])})`).join(', ')}.`,
    `Grouped by ${Object.entries(dimensionNameTables).map(([d, t]) => `${code(d)} (named by ${code(`${t.table}.${t.name}`)})`).join(', ')}, the answer also carries`,
    '`group_names`: id → display name, for the groups it returns (sql/metrics/group-names.ts); the group without a value is `null`.',
    'The range is from `from` (inclusive) to `to` (exclusive), in UTC; a row falls in the period of its',
    '"attributed by" instant. Each point carries the number of tickets (or survey answers) behind it.',
    '',
    `Durations take \`stat=${stats.join('|')}\` (default p50) and \`hours=${hoursModes.join('|')}\` (default calendar): business`,
    "hours are the overlap with the team's open hours in its time zone, minus holidays, in elapsed time. Every duration",
    `can also be shown in buckets: ${durationBuckets.map((b) => b.label).join(', ')} (each [lower, upper)).`,
    'Rates with presets take `variant=<name>`.',
    '',
    'Metrics made of sums are also kept in daily rollups (one row per UTC day and combination of',
    `${rollupDimensions.map(code).join(', ')}): over whole days, filtered and grouped only by those, they are`,
    'answered from the rollup, with the same value the SQL below gives over the facts.',
    '',
    '| key | label | unit | better | attributed by | daily rollup |',
    '|---|---|---|---|---|---|',
  ];
  for (const metric of metrics.values()) {
    const rollup = isRollable(metric) ? code(`rollup_${metric.period_column}`) : '—';
    lines.push(`| ${code(metric.key)} | ${metric.label} | ${metric.unit} | ${metric.better} | ${code(metric.period_column)} | ${rollup} |`);
  }
  for (const metric of metrics.values()) {
    lines.push('', `## ${code(metric.key)}: ${metric.label}`, '', metric.definition, '');
    if ('formula' in metric) lines.push(`- Formula: ${metric.formula}`);
    lines.push(...sqlOf(metric));
    if (metric.aggregation === 'rate') {
      for (const [name, variant] of Object.entries(metric.variants ?? {})) {
        lines.push(`- Preset ${code(name)} (${variant.label}): ${variant.formula}; numerator ${code(variant.numerator)}`);
      }
    }
    if (metric.aggregation === 'score' && metric.scores) {
      const scales = metric.scores.scales.map((s) => `${s.min}–${s.max}${s.names ? ` (${Object.values(s.names).join('/')})` : ''}`).join(', ');
      lines.push(`- Distribution (answers per score, \`GET /api/feedback/${metric.key}/distribution\`): scales ${scales}; bands ${metric.scores.bands.map((b) => `${b.label} ${code(b.when)}`).join('; ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
