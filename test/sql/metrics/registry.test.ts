import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMetricsDoc } from '../../../sql/metrics/doc.ts';
import { metrics, metricSchema, type Metric } from '../../../sql/metrics/registry.ts';
import { isRollable } from '../../../sql/metrics/rollups.ts';

describe('metric registry', () => {
  it('declarations are valid and keyed by their own key', () => {
    for (const [key, metric] of metrics) {
      expect(metricSchema.parse(metric).key).toBe(key);
    }
  });

  it('declares judged_now on exactly the metrics whose SQL reads $now, the time of asking', () => {
    // DuckDB refuses a bound parameter a statement does not use and fails on one it lacks, and a metric judged at the
    // time of asking must never be read from a daily rollup (rollups.ts): the declaration decides both.
    const sqlOf = (metric: Metric): string[] => {
      switch (metric.aggregation) {
        case 'count': return [metric.where];
        case 'rate': return [metric.denominator, metric.numerator, ...Object.values(metric.variants ?? {}).map((v) => v.numerator)];
        case 'score': return [metric.where, metric.value, ...Object.values(metric.sums)];
        default: return [];
      }
    };
    const readsNow = [...metrics.values()].filter((metric) => sqlOf(metric).some((sql) => /\$now\b/.test(sql))).map((m) => m.key);
    const declared = [...metrics.values()].filter((metric) => metric.aggregation === 'rate' && metric.judged_now).map((m) => m.key);
    expect(declared).toEqual(readsNow);
    expect(declared).toEqual(['sla_first_response_attainment', 'sla_resolution_attainment', 'promise_kept_rate']);
    expect(declared.filter((key) => isRollable(metrics.get(key)!))).toEqual([]);
  });

  it('docs/metrics.md is what the registry renders (run `npm run docs:metrics` after changing it)', () => {
    const committed = readFileSync(new URL('../../../docs/metrics.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderMetricsDoc());
  });
});
