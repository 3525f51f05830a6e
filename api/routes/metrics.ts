import { Hono, type Context } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { dimensionNames, grains, type Dimension } from '../../sql/metrics/dimensions.ts';
import { metrics, type DurationMetric } from '../../sql/metrics/registry.ts';
import { hoursModes, queryDistribution, querySeries, stats } from '../../sql/metrics/series.ts';
import { queryHeatmap } from '../../sql/metrics/heatmap.ts';
import { groupNames } from '../../sql/metrics/group-names.ts';
import { distributionResponseSchema, heatmapResponseSchema, metricInfoSchema, seriesResponseSchema, type DistributionResponse, type HeatmapResponse, type SeriesResponse } from '../contracts.ts';
import { invalidRequest, json, problems } from '../openapi/responses.ts';
import { maxPeriods } from '../period-cap.ts';
import { ProblemError } from '../problem.ts';
import { boundedText, validationHook } from '../validation.ts';
import { checkVariant, defaultRange, filterQueryShape, filtersOf, isoDate, metricInfo, metricKeys, parseRange } from './metric-query.ts';
import { accountOf } from '../auth/authorise.ts';
import { figureFilters } from '../auth/scope.ts';

const seriesQuery = z
  .object({
    grain: z.enum(grains).default('week'),
    by: z.enum(dimensionNames as [string, ...string[]]).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    stat: z.enum(stats).default('p50'),
    hours: z.enum(hoursModes).default('calendar'),
    variant: boundedText().optional(),
    ...filterQueryShape,
  })
  .strict();

const distributionQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), hours: z.enum(hoursModes).default('calendar'), ...filterQueryShape })
  .strict();

const heatmapQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), stat: z.enum(stats).default('p50'), hours: z.enum(hoursModes).default('calendar'), ...filterQueryShape })
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
    ...problems({ 400: `${invalidRequest} Also a range of more than ${maxPeriods} periods of the grain.`, 404: 'Unknown metric (the problem lists the known keys in `allowed`).' }),
  },
});

const describeDistribution = describeRoute({
  tags: ['metrics'],
  summary: "A duration metric's tickets per bucket (0–1 h, 1–4 h, 4–8 h, 8–24 h, > 24 h; each [lower, upper)), with its median, p90 and mean",
  responses: {
    200: json('Tickets per bucket in the range.', distributionResponseSchema),
    ...problems({ 400: `${invalidRequest} Also: the metric is not a duration.`, 404: 'Unknown metric (the problem lists the known keys in `allowed`).' }),
  },
});

const describeHeatmap = describeRoute({
  tags: ['metrics'],
  summary: 'A duration metric by hour of day × weekday of creation, per channel, in each ticket’s team time zone',
  description: 'E.g. the median first response of tickets created on Mondays 09:00–10:00 in the team’s zone. Tickets without a team are placed in UTC.',
  responses: {
    200: json('The cells with tickets.', heatmapResponseSchema),
    ...problems({ 400: `${invalidRequest} Also: the metric is not a duration.`, 404: 'Unknown metric (the problem lists the known keys in `allowed`).' }),
  },
});

// Distributions and heatmaps are of tickets' durations (their SQL reads ticket_facts), not of suggestions'.
const durationKeys = [...metrics.values()].filter((m) => m.aggregation === 'duration' && m.source === 'ticket_facts').map((m) => m.key);

/** The duration metric a distribution or heatmap is asked for; any other metric is a 400 naming those there are. */
function durationMetric(key: string, view: string): DurationMetric {
  const metric = metrics.get(key)!;
  if (metric.aggregation !== 'duration' || !durationKeys.includes(metric.key)) {
    throw new ProblemError(400, 'Not a duration', `${metric.key} ${metric.aggregation === 'duration' ? 'is measured over suggestions' : 'is not a duration'}; ${view} exist for ${durationKeys.join(', ')}.`, { allowed: durationKeys });
  }
  return metric;
}

export function metricRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono()
    .get('/', describeList, (c) => c.json([...metrics.keys()].map(metricInfo)))
    .get('/:key/distribution', describeDistribution, validator('query', distributionQuery, validationHook), validator('param', metricParam, unknownMetric), async (c) => {
      const metric = durationMetric(c.req.valid('param').key, 'distributions');
      const query = c.req.valid('query');
      const { from, to } = parseRange(query.from, query.to, defaultRange(now()));
      const filters = figureFilters(accountOf(c), filtersOf(query));
      const distribution = await queryDistribution(db, { metric, hours: query.hours, filters, from, to });
      const body: DistributionResponse = {
        metric: metricInfo(metric.key), hours: query.hours, filters, from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10), ...distribution,
      };
      return c.json(body);
    })
    .get('/:key/heatmap', describeHeatmap, validator('query', heatmapQuery, validationHook), validator('param', metricParam, unknownMetric), async (c) => {
      const metric = durationMetric(c.req.valid('param').key, 'heatmaps');
      const query = c.req.valid('query');
      const { from, to } = parseRange(query.from, query.to, defaultRange(now()));
      const filters = figureFilters(accountOf(c), filtersOf(query));
      const cells = await queryHeatmap(db, { metric, stat: query.stat, hours: query.hours, filters, from, to });
      const body: HeatmapResponse = {
        metric: metricInfo(metric.key), stat: query.stat, hours: query.hours, filters, from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10), cells,
      };
      return c.json(body);
    })
    .get('/:key', describeSeries, validator('query', seriesQuery, validationHook), validator('param', metricParam, unknownMetric), async (c) => {
      const { key } = c.req.valid('param');
      const metric = metrics.get(key)!;
      const query = c.req.valid('query');
      const { from, to } = parseRange(query.from, query.to, defaultRange(now()), query.grain);
      checkVariant(metric, query.variant);
      const by = (query.by ?? null) as Dimension | null;
      const filters = figureFilters(accountOf(c), filtersOf(query), by);
      const options = { stat: query.stat, hours: query.hours, variant: query.variant };
      const { rows, total } = await querySeries(db, { metric, grain: query.grain, by, from, to, filters, ...options, asOf: now() });
      const names = await groupNames(db, by, rows.map((row) => row.group));
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
        ...(names ? { group_names: names } : {}),
      };
      return c.json(body);
    });
}
