import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { dimensionNames, grains, type Dimension } from '../../sql/metrics/dimensions.ts';
import { metrics } from '../../sql/metrics/registry.ts';
import { hoursModes, queryDistribution, querySeries, stats } from '../../sql/metrics/series.ts';
import type { DistributionResponse, SeriesResponse } from '../contracts.ts';
import { ProblemError } from '../problem.ts';
import { validationHook } from '../validation.ts';
import { checkVariant, defaultRange, filterQueryShape, filtersOf, isoDate, metricInfo, parseRange } from './metric-query.ts';

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

const distributionQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), hours: z.enum(hoursModes).default('calendar'), ...filterQueryShape })
  .strict();

function knownMetric(key: string) {
  const metric = metrics.get(key);
  if (!metric) {
    throw new ProblemError(404, 'Unknown metric', `There is no metric "${key}". Known metrics: ${[...metrics.keys()].join(', ')}.`, {
      allowed: [...metrics.keys()],
    });
  }
  return metric;
}

export function metricRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono()
    .get('/', (c) => c.json([...metrics.keys()].map(metricInfo)))
    .get('/:key/distribution', zValidator('query', distributionQuery, validationHook), async (c) => {
      const metric = knownMetric(c.req.param('key'));
      if (metric.aggregation !== 'duration') {
        const durations = [...metrics.values()].filter((m) => m.aggregation === 'duration').map((m) => m.key);
        throw new ProblemError(400, 'Not a duration', `${metric.key} is not a duration; distributions exist for ${durations.join(', ')}.`, { allowed: durations });
      }
      const query = c.req.valid('query');
      const { from, to } = parseRange(query.from, query.to, defaultRange(now()));
      const filters = filtersOf(query);
      const distribution = await queryDistribution(db, { metric, hours: query.hours, filters, from, to });
      const body: DistributionResponse = {
        metric: metricInfo(metric.key), hours: query.hours, filters, from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10), ...distribution,
      };
      return c.json(body);
    })
    .get('/:key', zValidator('query', seriesQuery, validationHook), async (c) => {
      const key = c.req.param('key');
      const metric = knownMetric(key);
      const query = c.req.valid('query');
      const { from, to } = parseRange(query.from, query.to, defaultRange(now()));
      checkVariant(metric, query.variant);
      const by = (query.by ?? null) as Dimension | null;
      const filters = filtersOf(query);
      const options = { stat: query.stat, hours: query.hours, variant: query.variant };
      const asOf = now();
      const { rows, total } = await querySeries(db, { metric, grain: query.grain, by, from, to, filters, ...options, asOf });
      const body: SeriesResponse = {
        metric: metricInfo(key),
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
