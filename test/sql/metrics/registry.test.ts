import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMetricsDoc } from '../../../sql/metrics/doc.ts';
import { metrics, metricSchema } from '../../../sql/metrics/registry.ts';

describe('metric registry', () => {
  it('declarations are valid and keyed by their own key', () => {
    for (const [key, metric] of metrics) {
      expect(metricSchema.parse(metric).key).toBe(key);
    }
  });

  it('docs/metrics.md is what the registry renders (run `npm run docs:metrics` after changing it)', () => {
    const committed = readFileSync(new URL('../../../docs/metrics.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderMetricsDoc());
  });
});
