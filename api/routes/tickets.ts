// GET /api/tickets: the tickets behind any metric point, as JSON pages, Arrow IPC or a CSV export.
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { Hono, type Context } from 'hono';
import { describeRoute, resolver, validator } from 'hono-openapi';
import { z } from 'zod';
import { csvText } from '../../common/csv.ts';
import { isCalendarDate } from '../../common/iso-date.ts';
import type { Database } from '../../sql/db.ts';
import { DrilldownError, queryTickets, ticketSorts, type TicketRow, type TicketSort } from '../../sql/metrics/drilldown.ts';
import { metrics } from '../../sql/metrics/registry.ts';
import { ticketDetail } from '../../sql/metrics/ticket-detail.ts';
import { ticketDetailResponseSchema, ticketsResponseSchema, type TicketDetailResponse, type TicketsResponse } from '../contracts.ts';
import { invalidRequest, json, problems } from '../openapi/responses.ts';
import { ProblemError } from '../problem.ts';
import { boundedText, maxValuesPerFilter, validationHook } from '../validation.ts';
import { checkVariant, defaultRange, filterQueryShape, filtersOf, isoDate, maxTargetMinutes, metricKeyText, parseRange } from './metric-query.ts';
import { accountOf } from '../auth/authorise.ts';
import { ticketFilters } from '../auth/scope.ts';
import { ticketInScope } from '../../sql/metrics/ticket-scope.ts';

const arrowType = 'application/vnd.apache.arrow.stream';
/** Pages for the screen; an export (CSV, Arrow) may take many more rows in one answer. */
const maxPage = 1_000;
const maxExport = 1_000_000;

/** A whole number from `min` to `max` written in digits (no empty text, which `z.coerce` would read as 0). */
const wholeText = (min: number, max: number) =>
  z.string().regex(/^\d{1,2}$/, 'a whole number').transform(Number).pipe(z.number().int().min(min).max(max));
/** Minutes from 0 to a year, in digits with an optional fraction. */
const minutesText = z.string().regex(/^\d{1,6}(\.\d{1,6})?$/, 'minutes as a number, e.g. 60 or 90.5').transform(Number).pipe(z.number().min(0).max(maxTargetMinutes));
/** The scales a survey answer may have (the feedback table's CHECK). */
const scaleMaxes = [1, 3, 5, 7, 10] as const;

export const ticketsQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    metric: metricKeyText.optional(),
    stat: z.enum(['p50', 'p90', 'mean']).default('p50'),
    hours: z.enum(['business', 'calendar']).default('calendar'),
    variant: boundedText().optional(),
    outcome: z.enum(['met', 'missed']).optional(),
    target: z.coerce.number().min(0).max(maxTargetMinutes).optional().meta({ description: 'Minutes a duration is judged against (`outcome`).' }),
    from_minutes: minutesText.optional().meta({ description: 'Durations: only values of at least this many minutes (a distribution bucket’s lower bound, inclusive).' }),
    to_minutes: minutesText.optional().meta({ description: 'Durations: only values of less than this many minutes (a bucket’s upper bound, exclusive).' }),
    weekday: wholeText(1, 7).optional().meta({ description: 'Only tickets created on this ISO weekday (1 = Monday) in their team’s time zone (UTC without a team), as the heatmap places them.' }),
    hour: wholeText(0, 23).optional().meta({ description: 'Only tickets created in this hour of the day (0–23) in their team’s time zone, as the heatmap places them.' }),
    score: z.coerce.number().min(0).max(10).optional().meta({ description: 'Survey metrics: only the tickets of answers with this score (with `scale_max`).' }),
    scale_max: z.coerce.number().refine((n) => (scaleMaxes as readonly number[]).includes(n), `one of ${scaleMaxes.join(', ')}`).optional()
      .meta({ description: 'The scale of `score`: 1 (good/bad), 3, 5, 7 or 10.' }),
    requester: z.union([boundedText(), z.array(boundedText()).max(maxValuesPerFilter)]).optional()
      .meta({ description: 'Only the tickets of this requester (a customer id); repeat it for several. Not for survey metrics.' }),
    sort: z.enum([...ticketSorts, ...ticketSorts.map((s) => `-${s}`)] as [string, ...string[]]).default('created_at'),
    limit: z.coerce.number().int().positive().optional(),
    cursor: boundedText().optional(),
    ...filterQueryShape,
  })
  .strict()
  .refine((q) => (q.score === undefined) === (q.scale_max === undefined), { message: 'score and scale_max go together: a score means something on its scale', path: ['score'] });

const linkHeader = { description: 'The next page, as `<url>; rel="next"`, when there is one.', schema: { type: 'string' as const } };

/** The answer of a tickets list in each format, for /api/tickets and the routes that list tickets through it. */
export const ticketsOk = {
  description: 'The tickets, ordered by `sort`.',
  headers: { Link: linkHeader },
  content: {
    'application/json': { schema: resolver(ticketsResponseSchema) },
    'text/csv': { schema: { type: 'string' as const, description: 'Header row, then one row per ticket (the TicketRow columns).' } },
    [arrowType]: { schema: { type: 'string' as const, contentMediaType: arrowType, description: 'An Arrow IPC stream with the TicketRow columns.' } },
  },
};

export const ticketsNegotiation =
  'Content negotiation by `Accept`: JSON pages (at most 1,000 rows, default 100), or an export as CSV or Arrow IPC ' +
  '(up to 1,000,000 rows). Each dimension filter may repeat to allow several values.';

const describeTickets = describeRoute({
  tags: ['tickets'],
  summary: 'The tickets behind any metric point',
  description: ticketsNegotiation,
  responses: {
    200: ticketsOk,
    ...problems({ 400: `${invalidRequest} Also an unknown metric or variant.` }),
  },
});

const describeTicket = describeRoute({
  tags: ['tickets'],
  summary: "One ticket's facts: milestones, durations, SLA clocks, why it counted in each rate, and its events",
  description: 'The id is `ticket_id` as the drill-down lists it. SLA clocks still running are judged at the time of asking.',
  responses: {
    200: json('The ticket’s facts.', ticketDetailResponseSchema),
    ...problems({ 400: invalidRequest, 404: 'No ticket with this id.' }),
  },
});

const ticketParam = z.object({ id: z.coerce.number().int().min(1).max(2 ** 53 - 1) });

function encodeCursor(cursor: { after: string | number; ticketId: number }): string {
  return Buffer.from(JSON.stringify([cursor.after, cursor.ticketId])).toString('base64url');
}

/** A sort key as the query writes it (`sort_key`): an instant in UTC, or a duration's value as a finite number. */
const instantKey = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00$/;
const numberKey = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

function sortKeyFits(after: unknown, sort: TicketSort): boolean {
  if (typeof after !== 'string') return false;
  if (sort === 'value') return numberKey.test(after) && Number.isFinite(Number(after));
  return instantKey.test(after) && isCalendarDate(after.slice(0, 10));
}

/** A cursor this API gave out for the same sort: anything else would reach SQL as a value it cannot compare. */
function decodeCursor(text: string, sort: TicketSort): { after: string; ticketId: number } {
  try {
    const [after, ticketId] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [unknown, unknown];
    if (sortKeyFits(after, sort) && Number.isSafeInteger(ticketId) && (ticketId as number) >= 0) return { after: after as string, ticketId: ticketId as number };
  } catch {
    // Falls through to the problem below.
  }
  throw new ProblemError(400, 'Invalid request', 'cursor: not a cursor this API gave out for this sort; start again without one.');
}

const columns: Array<keyof TicketRow> = ['ticket_id', 'source', 'external_id', 'subject', 'status', 'channel', 'priority', 'category',
  'team_id', 'assignee_id', 'requester_id', 'organization', 'created_at', 'first_response_at', 'solved_at', 'value'];

function asCsv(rows: TicketRow[]): string {
  return csvText([columns, ...rows.map((row) => columns.map((column) => {
    const value = row[column];
    return typeof value === 'boolean' ? String(value) : value;
  }))]);
}

function asArrow(rows: TicketRow[]): Uint8Array {
  const instant = (text: string | null) => (text === null ? null : new Date(text));
  const table = tableFromArrays({
    ticket_id: Int32Array.from(rows, (row) => row.ticket_id),
    ...Object.fromEntries(
      (['source', 'external_id', 'subject', 'status', 'channel', 'priority', 'category', 'team_id', 'assignee_id', 'requester_id', 'organization'] as const)
        .map((column) => [column, rows.map((row) => row[column])]),
    ),
    created_at: rows.map((row) => instant(row.created_at)),
    first_response_at: rows.map((row) => instant(row.first_response_at)),
    solved_at: rows.map((row) => instant(row.solved_at)),
    value: rows.map((row) => row.value),
  } as Record<string, unknown[] | Int32Array>);
  return tableToIPC(table, 'stream');
}

export function ticketRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono()
    .get('/:id', describeTicket, validator('param', ticketParam, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      // A lead's or agent's ticket outside their scope is as unknown to them as a missing one.
      const detail = (await ticketInScope(db, id, ticketFilters(accountOf(c), {}))) ? await ticketDetail(db, id, now()) : undefined;
      if (!detail) throw new ProblemError(404, 'Unknown ticket', `There is no ticket ${id}.`);
      return c.json(detail as TicketDetailResponse);
    })
    .get('/', describeTickets, validator('query', ticketsQuery, validationHook), async (c) => answerTickets(c, db, c.req.valid('query'), now));
}

/**
 * The tickets a validated query asks for, in the format `Accept` names: /api/tickets, and the lists that are its
 * question with a filter of their own (an issue's tickets, `/api/issues/:id/tickets`, with `issue` set).
 */
export async function answerTickets(c: Context, db: Database, query: z.output<typeof ticketsQuery>, now: () => Date, fileName?: string) {
  const metric = query.metric === undefined ? undefined : metrics.get(query.metric);
  if (query.metric !== undefined && !metric) {
    throw new ProblemError(400, 'Unknown metric', `metric: there is no metric "${query.metric}". Known metrics: ${[...metrics.keys()].join(', ')}.`, {
      allowed: [...metrics.keys()],
    });
  }
  if (metric) checkVariant(metric, query.variant);
  const accept = c.req.header('Accept') ?? '';
  const format = accept.includes(arrowType) ? 'arrow' : accept.includes('text/csv') ? 'csv' : 'json';
  const limit = Math.min(query.limit ?? (format === 'json' ? 100 : maxExport), format === 'json' ? maxPage : maxExport);
  const { from, to } = parseRange(query.from, query.to, defaultRange(now()));
  const descending = query.sort.startsWith('-');
  if (query.from_minutes !== undefined && query.to_minutes !== undefined && query.from_minutes >= query.to_minutes) {
    throw new ProblemError(400, 'Invalid request', `to_minutes: must be more than from_minutes (${query.from_minutes}); the range is [from_minutes, to_minutes).`);
  }
  try {
    const { tickets, next, total } = await queryTickets(db, {
      countAll: format === 'json',
      metric,
      options: { stat: query.stat, hours: query.hours, variant: query.variant, asOf: now() },
      filters: ticketFilters(accountOf(c), filtersOf(query)),
      from,
      to,
      outcome: query.outcome,
      target: query.target,
      minutes: { from: query.from_minutes, to: query.to_minutes },
      createdLocal: { weekday: query.weekday, hour: query.hour },
      requesters: query.requester === undefined ? undefined : [query.requester].flat(),
      score: query.score === undefined || query.scale_max === undefined ? undefined : { score: query.score, scaleMax: query.scale_max },
      sort: query.sort.replace(/^-/, '') as TicketSort,
      descending,
      limit,
      cursor: query.cursor ? decodeCursor(query.cursor, query.sort.replace(/^-/, '') as TicketSort) : undefined,
    });
    const nextCursor = next ? encodeCursor(next) : null;
    const link: Record<string, string> = nextCursor ? { Link: `<${new URL(c.req.url).pathname}?${withCursor(c.req.url, nextCursor)}>; rel="next"` } : {};
    if (format === 'csv') {
      return c.body(asCsv(tickets), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${fileName ?? `tickets-${query.metric ?? 'created'}`}.csv"`,
        ...link,
      });
    }
    if (format === 'arrow') return c.body(asArrow(tickets) as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': arrowType, ...link });
    const body: TicketsResponse = { tickets, next_cursor: nextCursor, total: total! };
    return c.json(body);
  } catch (error) {
    if (error instanceof DrilldownError) throw new ProblemError(400, 'Invalid request', error.message);
    throw error;
  }
}

function withCursor(url: string, cursor: string): string {
  const params = new URL(url).searchParams;
  params.set('cursor', cursor);
  return params.toString();
}
