// GET /api/overview: everything the landing page needs in one call — headline metrics beside the period before,
// goal scorecards, and ticket volume by channel.
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { goalScorecards } from '../../sql/goals/report.ts';
import { headlineFigures } from '../../sql/metrics/overview.ts';
import { metrics } from '../../sql/metrics/registry.ts';
import { hoursModes, querySeriesRows } from '../../sql/metrics/series.ts';
import { overviewResponseSchema, type OverviewResponse } from '../contracts.ts';
import { invalidRequest, json, problems } from '../openapi/responses.ts';
import { maxPeriods } from '../period-cap.ts';
import { validationHook } from '../validation.ts';
import { defaultRange, filterQueryShape, filtersOf, isoDate, metricInfo, parseRange } from './metric-query.ts';
import { accountOf } from '../auth/authorise.ts';
import { figureFilters, goalViewer } from '../auth/scope.ts';

const overviewQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), hours: z.enum(hoursModes).default('calendar'), ...filterQueryShape })
  .strict();

const describeOverview = describeRoute({
  tags: ['metrics'],
  summary: 'The landing page in one answer: headline metrics beside the period before, goal scorecards, weekly volume',
  responses: { 200: json('Everything the overview shows for the range and filters.', overviewResponseSchema), ...problems({ 400: `${invalidRequest} Also a range of more than ${maxPeriods} weeks.` }) },
});

export function overviewRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono().get('/', describeOverview, validator('query', overviewQuery, validationHook), async (c) => {
    const query = c.req.valid('query');
    // The volume is counted per week: the range may hold at most maxPeriods weeks.
    const { from, to } = parseRange(query.from, query.to, defaultRange(now()), 'week', 'from');
    const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
    const filters = figureFilters(accountOf(c), filtersOf(query));
    // The three parts read on connections of their own at once: on two cores one part's single-threaded steps (a
    // median's final selection, planning, building rows) overlap another's scan (bench/README.md, "Answering").
    const [headline, volume, goals] = await Promise.all([
      headlineFigures(db, { from, to, previousFrom, filters, hours: query.hours, asOf: now() }),
      querySeriesRows(db, { metric: metrics.get('created')!, grain: 'week', by: 'channel', from, to, filters, stat: 'p50', hours: query.hours }),
      goalScorecards(db, now(), goalViewer(accountOf(c))),
    ]);
    const body: OverviewResponse = {
      from: from.toISOString().slice(0, 10),
      to: to.toISOString().slice(0, 10),
      previous_from: previousFrom.toISOString().slice(0, 10),
      hours: query.hours,
      filters,
      headline: headline.map((figure) => ({
        ...figure,
        metric: metricInfo(figure.key),
        stat: metrics.get(figure.key)!.aggregation === 'duration' ? 'p50' : null,
      })),
      goals,
      volume,
    };
    return c.json(body);
  });
}
