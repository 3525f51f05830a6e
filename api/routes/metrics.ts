import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { dimensionNames, grains, type Dimension } from '../../sql/metrics/dimensions.ts';
import { metrics, type Metric } from '../../sql/metrics/registry.ts';
import { hoursModes, querySeries, stats, type Filters } from '../../sql/metrics/series.ts';
import type { MetricInfo, SeriesResponse } from '../contracts.ts';
import { ProblemError } from '../problem.ts';
import { validationHook } from '../validation.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** A filter names a dimension; repeating it (`channel=email&channel=phone`) allows several values. */
const filterValues = z.union([z.string().min(1), z.array(z.string().min(1))]).optional();

const seriesQuery = z
  .object({
    grain: z.enum(grains).default('week'),
    by: z.enum(dimensionNames as [string, ...string[]]).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    stat: z.enum(stats).default('p50'),
    hours: z.enum(hoursModes).default('calendar'),
    variant: z.string().optional(),
    ...Object.fromEntries(dimensionNames.map((name) => [name, filterValues])),
  })
  .strict();

function filtersOf(query: Record<string, unknown>): Filters {
  const filters: Filters = {};
  for (const name of dimensionNames) {
    const value = query[name] as string | string[] | undefined;
    if (value !== undefined) filters[name] = Array.isArray(value) ? value : [value];
  }
  return filters;
}

function checkVariant(metric: Metric, variant: string | undefined) {
  if (variant === undefined) return;
  const allowed = metric.aggregation === 'rate' ? Object.keys(metric.variants ?? {}) : [];
  if (!allowed.includes(variant)) {
    throw new ProblemError(
      400,
      'Unknown variant',
      allowed.length > 0
        ? `variant: "${variant}" is not a preset of ${metric.key}. Allowed: ${allowed.join(', ')}.`
        : `variant: ${metric.key} has no presets.`,
      { allowed },
    );
  }
}

const DAY = 86_400_000;

/** Default range: the 52 whole weeks before the current one, plus the current week so far. */
function defaultRange(now: Date): { from: Date; to: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const mondayOffset = (new Date(today).getUTCDay() + 6) % 7;
  return { from: new Date(today - (mondayOffset + 52 * 7) * DAY), to: new Date(today + DAY) };
}

function info(key: string): MetricInfo {
  const metric = metrics.get(key)!;
  return {
    key,
    label: metric.label,
    unit: metric.unit,
    better: metric.better,
    aggregation: metric.aggregation,
    description: metric.description,
    definition: metric.definition,
    formula: 'formula' in metric ? metric.formula : undefined,
    variants:
      metric.aggregation === 'rate' && metric.variants
        ? Object.entries(metric.variants).map(([name, variant]) => ({ name, label: variant.label, formula: variant.formula }))
        : undefined,
  };
}

export function metricRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono()
    .get('/', (c) => c.json([...metrics.keys()].map(info)))
    .get('/:key', zValidator('query', seriesQuery, validationHook), async (c) => {
      const key = c.req.param('key');
      const metric = metrics.get(key);
      if (!metric) {
        throw new ProblemError(404, 'Unknown metric', `There is no metric "${key}". Known metrics: ${[...metrics.keys()].join(', ')}.`, {
          allowed: [...metrics.keys()],
        });
      }
      const query = c.req.valid('query');
      const fallback = defaultRange(now());
      const from = query.from ? new Date(`${query.from}T00:00:00Z`) : fallback.from;
      const to = query.to ? new Date(`${query.to}T00:00:00Z`) : fallback.to;
      if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
        throw new ProblemError(400, 'Invalid range', `"from" (${query.from}) must be a real date before "to" (${query.to}).`);
      }
      checkVariant(metric, query.variant);
      const by = (query.by ?? null) as Dimension | null;
      const filters = filtersOf(query);
      const options = { stat: query.stat, hours: query.hours, variant: query.variant };
      const { rows, total } = await querySeries(db, { metric, grain: query.grain, by, from, to, filters, ...options });
      const body: SeriesResponse = {
        metric: info(key),
        grain: query.grain,
        by,
        ...(metric.aggregation === 'duration' ? { stat: options.stat, hours: options.hours } : {}),
        variant: options.variant ?? null,
        filters,
        from: from.toISOString().slice(0, 10),
        to: to.toISOString().slice(0, 10),
        rows,
        total,
      };
      return c.json(body);
    });
}
