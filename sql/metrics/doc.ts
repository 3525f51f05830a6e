// docs/metrics.md is rendered from the registry; a test fails when the committed file differs.
import { dimensionNames, grains } from './dimensions.ts';
import { metrics } from './registry.ts';

export function renderMetricsDoc(): string {
  const lines = [
    '# Metrics',
    '',
    '<!-- Generated from sql/metrics/registry.ts by `npm run docs:metrics`; do not edit by hand. -->',
    '',
    'Every metric is served at `GET /api/metrics/<key>?grain=<grain>&by=<dimension>&from=YYYY-MM-DD&to=YYYY-MM-DD`',
    `(grains: ${grains.map((g) => `\`${g}\``).join(', ')}; dimensions: ${dimensionNames.map((d) => `\`${d}\``).join(', ')}).`,
    'The range is from `from` (inclusive) to `to` (exclusive), in UTC.',
    '',
    '| key | label | unit | better | attributed by | definition |',
    '|---|---|---|---|---|---|',
  ];
  for (const metric of metrics.values()) {
    lines.push(
      `| \`${metric.key}\` | ${metric.label} | ${metric.unit} | ${metric.better} | \`${metric.period_column}\` | ${metric.description} |`,
    );
  }
  lines.push('', '## SQL', '', 'Each metric is one aggregate over `ticket_facts f`:', '');
  for (const metric of metrics.values()) {
    lines.push(`- \`${metric.key}\`: \`${metric.expression}\``);
  }
  return `${lines.join('\n')}\n`;
}
