import { Hono, type Context } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { dimensionNames, grains, type Dimension } from '../../sql/metrics/dimensions.ts';
import { metrics } from '../../sql/metrics/registry.ts';
import { hoursModes, querySeries, stats } from '../../sql/metrics/series.ts';
import { metricInfoSchema, seriesResponseSchema, type MetricInfo, type SeriesResponse } from '../contracts.ts';
import { invalidRequest, json, problems } from '../openapi/responses.ts';
import { ProblemError } from '../problem.ts';
import { validationHook } from '../validation.ts';
import { checkVariant, defaultRange, filterQueryShape, filtersOf, isoDate, metricKeys, parseRange } from './metric-query.ts';

const seriesQuery = z
  .object({
    grain: z.enum(grains).default('week'),
    by: z.enum(dimensionNames as [string, ...string[]]).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    stat: z.enum(stats).default('p50'),
    hours: z.enum(hoursModes).default('calendar'),
    variant: z.string().optional(),
    ...filterQueryShape,
  })
  .strict();

const metricParam = z.object({ key: z.enum(metricKeys) });

/** An unknown key is a missing resource, not a malformed request: 404 with the keys there are. */
function unknownMetric(result: { success: boolean }, c: Context) {
  if (result.success) return;
  const key = c.req.param('key');
  throw new ProblemError(404, 'Unknown metric', `There is no metric "${key}". Known metrics: ${metricKeys.join(', ')}.`, { allowed: metricKeys });
}

const describeList = describeRoute({
  tags: ['metrics'],
  summary: 'The metric registry',
  responses: { 200: json('Every metric with its definition.', z.array(metricInfoSchema)), ...problems({}) },
});

const describeSeries = describeRoute({
  tags: ['metrics'],
  summary: 'A metric as rows per period, optionally grouped by a dimension and filtered',
  description: 'Each dimension filter may repeat (`channel=email&channel=phone`) to allow several values.',
  responses: {
    200: json('The series, with the range, filters and options it was computed with.', seriesResponseSchema),
    ...problems({ 400: invalidRequest, 404: 'Unknown metric (the problem lists the known keys in `allowed`).' }),
  },
});

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
    .get('/', describeList, (c) => c.json([...metrics.keys()].map(info)))
    .get('/:key', describeSeries, validator('query', seriesQuery, validationHook), validator('param', metricParam, unknownMetric), async (c) => {
      const { key } = c.req.valid('param');
      const metric = metrics.get(key)!;
      const query = c.req.valid('query');
      const { from, to } = parseRange(query.from, query.to, defaultRange(now()));
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
