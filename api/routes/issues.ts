// GET /api/issues, /api/issues/:id and /api/issues/:id/tickets: recurring problems, their cost and flags
// (issue 12 §2–3). The figures are sql/issues/; the settings (sql/issues/settings.ts) may be overridden per query.
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { isoDay } from '../../sql/issues/periods.ts';
import { issueFigures, issueFlagNames, issueSorts, issueTests, sortIssues } from '../../sql/issues/list.ts';
import { issueSettingsShape, settingsOf } from '../../sql/issues/settings.ts';
import { issueDetail, issueExists } from '../../sql/issues/detail.ts';
import { listSuggestions } from '../../sql/suggestions/read.ts';
import type { Account } from '../../sql/accounts/users.ts';
import { issueDetailResponseSchema, issueListResponseSchema, linkedSuggestionsShown, type IssueDetailResponse, type IssueListResponse } from '../contracts.ts';
import { invalidRequest, json, problems } from '../openapi/responses.ts';
import { ProblemError } from '../problem.ts';
import { validationHook } from '../validation.ts';
import { answerTickets, ticketsNegotiation, ticketsOk, ticketsQuery } from './tickets.ts';
import { defaultRange, filterQueryShape, filtersOf, isoDate, parseRange } from './metric-query.ts';
import { accountOf } from '../auth/authorise.ts';
import { figureFilters, perTicketFilters } from '../auth/scope.ts';

/** A whole number in digits, from `min` to `max`. */
const wholeText = (min: number, max: number) => z.string().regex(/^\d{1,7}$/, 'a whole number').transform(Number).pipe(z.number().int().min(min).max(max));

const rangeAndFilters = { from: isoDate.optional(), to: isoDate.optional(), ...filterQueryShape, ...issueSettingsShape };

const listQuery = z
  .object({
    ...rangeAndFilters,
    sort: z.enum(issueSorts).default('volume').meta({ description: 'volume: tickets in the range; customers: distinct requesters; cost: the cost figure; rise: tickets above the baseline this period.' }),
    flag: z.enum(issueFlagNames).optional().meta({ description: 'Only the issues with this flag set.' }),
    limit: wholeText(1, 500).default(50),
    offset: wholeText(0, 1_000_000).default(0),
  })
  .strict();

const describeList = describeRoute({
  tags: ['issues'],
  summary: 'Recurring problems: each issue’s tickets, customers, cost, sparkline and flags (recurring, rising, new)',
  description:
    'Issues with tickets created in the range (filters narrow the tickets first). The flags judge the period (`grain`) holding the ' +
    'range’s last day and look back before the range as far as their windows need; `tests` states each test with the settings used.',
  responses: { 200: json('The issues, sorted and paged.', issueListResponseSchema), ...problems({ 400: invalidRequest }) },
});

const detailQuery = z.object(rangeAndFilters).strict();

const issueParam = z.object({ id: z.coerce.number().int().min(1).max(2 ** 53 - 1) });

const unknownIssue = 'No issue with this id.';

const describeDetail = describeRoute({
  tags: ['issues'],
  summary: 'One issue: its figures and flags, trend, representative tickets, top terms, channels, teams and survey comments',
  description: 'Over the range and filters, as the list computes them (the flags too, with the same correction over every issue tested).',
  responses: { 200: json('The issue.', issueDetailResponseSchema), ...problems({ 400: invalidRequest, 404: unknownIssue }) },
});

const describeIssueTickets = describeRoute({
  tags: ['issues'],
  summary: 'The tickets of an issue: /api/tickets with `issue` set to it',
  description: `The same question, parameters and answers as GET /api/tickets (a metric's point, outcomes, sort, cursor); \`issue\` is the path's. ${ticketsNegotiation}`,
  responses: { 200: ticketsOk, ...problems({ 400: invalidRequest, 404: unknownIssue }) },
});

/**
 * The suggestions linked to an issue (sql/suggestions' list). The answer is cached per scope, not per person, so an
 * anonymous suggestion's author is left out for everyone (a manager or the author opens it on the board); every
 * other field reads the same whoever asks.
 */
async function linkedSuggestions(db: Database, account: Account, issueId: number): Promise<IssueDetailResponse['suggestions']> {
  const { items } = await listSuggestions(db, account, { issue_id: issueId }, 'votes', { offset: 0, limit: linkedSuggestionsShown });
  return items.map(({ suggestion_id, title, status, votes, anonymous, author }) => ({ suggestion_id, title, status, votes, anonymous, author: anonymous ? null : author }));
}

async function knownIssue(db: Database, id: number) {
  if (!(await issueExists(db, id))) throw new ProblemError(404, 'Unknown issue', `There is no issue ${id}.`);
}

export function issueRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono()
    .get('/:id/tickets', describeIssueTickets, validator('param', issueParam, validationHook), validator('query', ticketsQuery, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      await knownIssue(db, id);
      return answerTickets(c, db, { ...c.req.valid('query'), issue: [String(id)] }, now, `issue-${id}-tickets`);
    })
    .get('/:id', describeDetail, validator('param', issueParam, validationHook), validator('query', detailQuery, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      await knownIssue(db, id);
      const settings = settingsOf(query);
      const { from, to } = parseRange(query.from, query.to, defaultRange(now()), settings.grain);
      // The path names the issue: an `issue` filter beside it would only empty the answer.
      const { issue: _pathWins, ...filters } = figureFilters(accountOf(c), filtersOf(query));
      const perTicket = perTicketFilters(accountOf(c), filtersOf(query));
      if (perTicket) delete perTicket.issue;
      const [detail, suggestions] = await Promise.all([issueDetail(db, id, { from, to, filters, settings }, { perTicket, scope: figureFilters(accountOf(c), {}) }), linkedSuggestions(db, accountOf(c), id)]);
      const body: IssueDetailResponse = { ...detail, suggestions, filters };
      return c.json(body);
    })
    .get('/', describeList, validator('query', listQuery, validationHook), async (c) => {
    const query = c.req.valid('query');
    const settings = settingsOf(query);
    const { from, to } = parseRange(query.from, query.to, defaultRange(now()), settings.grain);
    const filters = figureFilters(accountOf(c), filtersOf(query));
    const figures = await issueFigures(db, { from, to, filters, settings });
    const flagged = query.flag ? figures.summaries.filter((s) => s.flags[query.flag!].flagged) : figures.summaries;
    const sorted = sortIssues(flagged, query.sort);
    const page = sorted.slice(query.offset, query.offset + query.limit);
    const body: IssueListResponse = {
      from: isoDay(from),
      to: isoDay(to),
      period: isoDay(figures.period),
      filters,
      settings,
      tests: issueTests(settings),
      tested_for_rising: figures.testedForRising,
      total: sorted.length,
      issues: page,
      next_offset: query.offset + query.limit < sorted.length ? query.offset + query.limit : null,
    };
    return c.json(body);
  });
}
