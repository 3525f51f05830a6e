// Response shapes of the HTTP API, as zod schemas: the OpenAPI document (/api/openapi.json) is generated from
// them and the types below are inferred from them, so the two cannot drift. The web imports the types only
// (`import type`), never the api's code.
import { z } from 'zod';
import { teamLocalDate } from '../common/iso-date.ts';

export const grainSchema = z.enum(['day', 'week', 'month', 'quarter']);
export type Grain = z.infer<typeof grainSchema>;

const isoInstant = z.string().meta({ description: 'ISO 8601 instant, UTC' });
const isoDay = z.string().meta({ description: 'ISO date (YYYY-MM-DD), UTC' });

export const metricInfoSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    unit: z.enum(['tickets', 'minutes', 'percent', 'score']),
    better: z.enum(['higher', 'lower', 'none']),
    aggregation: z.enum(['count', 'duration', 'rate', 'score', 'backlog', 'recurring_share']),
    description: z.string(),
    definition: z.string().meta({ description: 'The exact definition (PRODUCT.md §4).' }),
    formula: z.string().optional().meta({ description: 'The formula shown beside a rate or score.' }),
    variants: z
      .array(z.object({ name: z.string(), label: z.string(), formula: z.string() }))
      .optional()
      .meta({ description: "A rate's selectable presets (`variant=`), e.g. first-contact resolution's." }),
  })
  .meta({ id: 'MetricInfo' });
export type MetricInfo = z.infer<typeof metricInfoSchema>;

/** `GET /api/metrics/:key?grain&by&from&to` */
export const seriesResponseSchema = z
  .object({
    metric: metricInfoSchema,
    grain: grainSchema,
    by: z.string().nullable().meta({ description: 'The dimension the rows are grouped by, or null for one series.' }),
    stat: z.enum(['p50', 'p90', 'mean']).optional().meta({ description: 'Durations only: the statistic.' }),
    hours: z.enum(['business', 'calendar']).optional().meta({ description: 'Durations only: the hours they are counted in.' }),
    variant: z.string().nullable().meta({ description: "The rate preset used, or null for the metric's default definition." }),
    filters: z.record(z.string(), z.array(z.string())).meta({ description: 'The values each filtered dimension was limited to.' }),
    from: isoDay.meta({ description: 'Inclusive start of the range, ISO date (UTC).' }),
    to: isoDay.meta({ description: 'Exclusive end of the range, ISO date (UTC).' }),
    rows: z
      .array(z.object({ period: isoDay, group: z.string().nullable(), value: z.number().nullable(), tickets: z.number().int() }))
      .meta({ description: 'Ordered by period, then group. `period` is the ISO date (UTC) the period starts on.' }),
    total: z.object({ value: z.number().nullable(), tickets: z.number().int() }),
    group_names: z
      .record(z.string(), z.string())
      .optional()
      .meta({
        description:
          "Grouped by a dimension whose values are ids of named things (`agent`, `issue`): each group's display name, for the groups in `rows` that have one (`{ \"a1\": \"Ana Kovač\" }`; an issue's name as the issue list gives it). A group without a name (an unknown id) is left out; the null group (no assignee) has none. Absent for other dimensions.",
      }),
  })
  .meta({ id: 'SeriesResponse' });
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;

export const ticketRowSchema = z
  .object({
    ticket_id: z.number().int(),
    source: z.string(),
    external_id: z.string(),
    subject: z.string().nullable(),
    status: z.string(),
    channel: z.string(),
    priority: z.string().nullable(),
    category: z.string().nullable(),
    team_id: z.string().nullable(),
    assignee_id: z.string().nullable(),
    requester_id: z.string().nullable(),
    organization: z.string().nullable(),
    created_at: isoInstant.nullable(),
    first_response_at: isoInstant.nullable(),
    solved_at: isoInstant.nullable(),
    value: z
      .union([z.number(), z.boolean()])
      .nullable()
      .meta({ description: "Minutes for a duration metric; whether the ticket counts in a rate's numerator; null otherwise." }),
  })
  .meta({ id: 'TicketRow' });

/** `GET /api/tickets`: a page of the tickets behind a metric point (also served as CSV and Arrow IPC). */
export const ticketsResponseSchema = z
  .object({
    tickets: z.array(ticketRowSchema),
    next_cursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last.' }),
    total: z.number().int().meta({
      description: "Tickets behind the point on all pages: a count's value, a duration's or rate's `tickets` (with `outcome`, a rate's numerator).",
    }),
  })
  .meta({ id: 'TicketsResponse' });
export type TicketsResponse = z.infer<typeof ticketsResponseSchema>;

/** `GET /api/health` */
export const healthResponseSchema = z
  .object({
    status: z.literal('ok'),
    duckdb_version: z.string(),
    schema_version: z.number().int(),
    data_version: z.number().int(),
    row_counts: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'HealthResponse' });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** Every error: an RFC 9457 problem document, served as application/problem+json. */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem document; extensions (e.g. `issues`, `allowed`) may follow.' });
export type Problem = z.infer<typeof problemSchema>;

export const importStateSchema = z
  .enum(['queued', 'loading', 'committed', 'failed', 'dry_run', 'interrupted'])
  .meta({ description: '`interrupted`: the server stopped before the load finished; nothing of it was stored.' });
export type ImportState = z.infer<typeof importStateSchema>;

/** The steps of a load, in order (pipelines/load.ts `LoadStep`). */
export const importStepSchema = z.enum(['read', 'validated', 'merged', 'facts']);
export type ImportStep = z.infer<typeof importStepSchema>;

const count = z.number().int().nonnegative();
export const importRowsSchema = z.object({ read: count, inserted: count, updated: count, unchanged: count, rejected: count });
export type ImportRows = z.infer<typeof importRowsSchema>;

/**
 * `GET /api/imports/:id`, and each item of `GET /api/imports`. An upload of this server's run has a
 * generated id and is followed step by step; a past load (from the `loads` table) has its load id as id.
 */
export const importResponseSchema = z
  .object({
    id: z.string(),
    load_id: z.number().int().nullable().meta({ description: "Set once the load has run (a dry run's id was never stored)." }),
    state: importStateSchema,
    step: importStepSchema.nullable().meta({ description: 'The last step the load completed.' }),
    progress: z
      .object({ phase: z.string(), fraction: z.number(), seconds: z.number(), bytes_read: z.number(), rows: z.number().nullable() })
      .nullable()
      .meta({ description: 'How far a running load is (pipelines/progress.ts), null before it starts.' }),
    file: z.string().meta({ description: "The file's name as uploaded or named." }),
    bytes: z.number().int().nullable(),
    format: z.string().nullable().meta({ description: "The export's format (the mapping's source), when this server chose it." }),
    source: z.string().meta({ description: 'The helpdesk the records belong to.' }),
    kind: z.string(),
    started_at: isoInstant.nullable(),
    finished_at: isoInstant.nullable(),
    rows: importRowsSchema.nullable(),
    top_rejects: z.array(z.object({ reason: z.string(), count: z.number().int() })),
    summary: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: "The load's full summary (pipelines/load.ts `LoadSummary`), for uploads of this server's run." }),
    error: z.string().nullable(),
    links: z.object({ self: z.string(), rejects: z.string().nullable() }),
  })
  .meta({ id: 'ImportResponse' });
export type ImportResponse = z.infer<typeof importResponseSchema>;

/** `GET /api/imports?limit&cursor`: loads under way first, then past loads, newest first. */
export const importListResponseSchema = z
  .object({ imports: z.array(importResponseSchema), next_cursor: z.string().nullable() })
  .meta({ id: 'ImportListResponse' });
export type ImportListResponse = z.infer<typeof importListResponseSchema>;

/** `GET /api/imports/:id/rejects?limit&cursor`, in line order. */
export const rejectsResponseSchema = z
  .object({
    load_id: z.number().int(),
    total: z.number().int(),
    rejects: z.array(z.object({ line: z.number().int().nullable(), column: z.string().nullable(), value: z.string().nullable(), reason: z.string() })),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'RejectsResponse' });
export type RejectsResponse = z.infer<typeof rejectsResponseSchema>;

const goalStatusSchema = z.enum(['met', 'at_risk', 'missed', 'no_data']);
/** What a closed and an open period of a goal both say. */
const goalPeriodBase = { period_start: isoDay, period_end: isoDay, tickets: z.number().int(), status: goalStatusSchema };

export const goalSchema = z
  .object({
    goal_id: z.number().int(),
    version: z.number().int().meta({ description: 'The current version of the definition: 1, and one more for each change of what the goal judges.' }),
    name: z.string(),
    metric: z.string(),
    stat: z.enum(['value', 'p50', 'p90', 'mean']).meta({ description: 'Durations: p50, p90 or mean; every other metric: its value.' }),
    variant: z.string().nullable(),
    hours: z.enum(['business', 'calendar']),
    comparator: z.enum(['<=', '<', '>=', '>']),
    target: z.number(),
    unit: z.string(),
    scope: z.record(z.string(), z.array(z.string())).meta({ description: 'The dimension values the goal is limited to.' }),
    period: z.enum(['week', 'month', 'quarter']),
    owner_id: z.string().nullable(),
    starts_on: isoDay,
    ends_on: isoDay.nullable(),
    created_at: isoInstant,
    archived_at: isoInstant.nullable(),
  })
  .meta({ id: 'Goal' });

const judgedUnder = z.number().int().meta({ description: 'The version of the goal (`versions`) this period is judged under.' });

/** One definition of a goal, as `versions` of a goal report lists them. */
export const goalVersionSchema = goalSchema
  .pick({ metric: true, stat: true, variant: true, hours: true, comparator: true, target: true, unit: true, scope: true, period: true, starts_on: true, ends_on: true })
  .extend({
    version: z.number().int(),
    valid_from: isoInstant.meta({ description: 'When this version took over: it judges the periods ending after it (version 1 also every period before).' }),
  })
  .meta({ id: 'GoalVersion' });

export const goalPeriodSchema = z
  .object({
    ...goalPeriodBase,
    version: judgedUnder,
    value: z.number().nullable(),
    revision: z.number().int().meta({ description: '1 for the first judgement of a closed period; higher once corrected data changed its value.' }),
    revised_from: z.number().nullable().meta({ description: 'The value of the previous revision, when this one replaced it.' }),
  })
  .meta({ id: 'GoalPeriod' });

export const openPeriodSchema = z
  .object({
    ...goalPeriodBase,
    version: judgedUnder,
    value_so_far: z.number().nullable(),
    elapsed: z.number().min(0).max(1).meta({ description: 'Share of the period elapsed, 0 to 1.' }),
    projection: z.object({ value: z.number().nullable(), method: z.string() }),
  })
  .meta({ id: 'OpenPeriod' });

/** The linked suggestions an issue's page lists. */
export const linkedSuggestionsShown = 50;

/** A lead's goal proposal (`/api/goals/proposals`): the goal as proposed, and what a manager decided. */
export const goalProposalSchema = z
  .object({
    proposal_id: z.number().int(),
    team_id: z.string().meta({ description: 'The team the goal is for: the proposing lead’s.' }),
    definition: goalSchema
      .pick({ name: true, metric: true, stat: true, variant: true, hours: true, comparator: true, target: true, scope: true, period: true, owner_id: true, starts_on: true, ends_on: true })
      .meta({ description: 'The goal as proposed (its scope limited to the team); what it becomes when accepted.' }),
    status: z.enum(['pending', 'accepted', 'declined']),
    proposed_by: z.string(),
    proposed_by_name: z.string(),
    proposed_at: isoInstant,
    decided_by_name: z.string().nullable(),
    decided_at: isoInstant.nullable(),
    decline_reason: z.string().nullable(),
    goal_id: z.number().int().nullable().meta({ description: 'The goal an accepted proposal became.' }),
  })
  .meta({ id: 'GoalProposal' });
export type GoalProposalResponse = z.infer<typeof goalProposalSchema>;

export const goalProposalListSchema = z.object({ proposals: z.array(goalProposalSchema) }).meta({ id: 'GoalProposalList' });

export const goalProposalAcceptedSchema = z.object({ proposal: goalProposalSchema, goal: goalSchema }).meta({ id: 'GoalProposalAccepted' });

/** Whose tickets a goal's figures were judged on, when a lead or an agent reads it. */
const judgedScopeSchema = z
  .record(z.string(), z.array(z.string()))
  .nullable()
  .meta({ description: 'The scope the figures were judged on when narrower than the goal’s own: a lead’s or an agent’s team (an organisation-wide goal is judged on their team’s tickets). Null: judged on the goal’s scope.' });

/** `GET /api/goals`: each goal with its open period and its last closed one. */
export const goalListResponseSchema = z
  .object({ goals: z.array(goalSchema.extend({ current: openPeriodSchema.nullable(), last_closed: goalPeriodSchema.nullable(), judged_scope: judgedScopeSchema })) })
  .meta({ id: 'GoalListResponse' });
export type GoalListResponse = z.infer<typeof goalListResponseSchema>;

/** `GET /api/goals/:id`: every period of the goal so far. */
export const goalReportSchema = z
  .object({
    goal: goalSchema,
    versions: z.array(goalVersionSchema).meta({ description: 'Every definition the goal has had, oldest first.' }),
    periods: z.array(goalPeriodSchema),
    current: openPeriodSchema.nullable(),
    data_version: z.number().int(),
    judged_scope: judgedScopeSchema,
  })
  .meta({ id: 'GoalReport' });

/** `GET /api/metrics/:key/distribution`: a duration's tickets per bucket, [from_minutes, to_minutes), and its statistics. */
export const distributionResponseSchema = z
  .object({
    metric: metricInfoSchema,
    hours: z.enum(['business', 'calendar']),
    filters: z.record(z.string(), z.array(z.string())),
    from: isoDay,
    to: isoDay,
    buckets: z.array(z.object({ label: z.string(), from_minutes: z.number(), to_minutes: z.number().nullable(), tickets: z.number().int() })),
    tickets: z.number().int().meta({ description: 'Tickets measured (the sum of the buckets unless a duration was negative).' }),
    stats: z
      .object({ p50: z.number().nullable(), p90: z.number().nullable(), mean: z.number().nullable() })
      .meta({ description: 'Median, 90th percentile (interpolated) and mean of the measured durations, in minutes; null without any.' }),
  })
  .meta({ id: 'DistributionResponse' });
export type DistributionResponse = z.infer<typeof distributionResponseSchema>;

/** `GET /api/metrics/:key/heatmap`: a duration by creation hour and weekday in the team's time zone, per channel. */
export const heatmapResponseSchema = z
  .object({
    metric: metricInfoSchema,
    stat: z.enum(['p50', 'p90', 'mean']),
    hours: z.enum(['business', 'calendar']),
    filters: z.record(z.string(), z.array(z.string())),
    from: isoDay,
    to: isoDay,
    cells: z
      .array(
        z.object({
          channel: z.string(),
          weekday: z.number().int().min(1).max(7).meta({ description: 'ISO weekday of creation, 1 = Monday, in the team’s time zone.' }),
          hour: z.number().int().min(0).max(23).meta({ description: 'Hour of creation, in the team’s time zone (UTC without a team).' }),
          value: z.number().meta({ description: 'The statistic of the durations, in minutes.' }),
          tickets: z.number().int(),
        }),
      )
      .meta({ description: 'Cells with tickets only, by channel, weekday, hour.' }),
  })
  .meta({ id: 'HeatmapResponse' });
export type HeatmapResponse = z.infer<typeof heatmapResponseSchema>;

/** `GET /api/overview?from&to&hours&<filters>`: the landing page in one answer. */
export const overviewResponseSchema = z
  .object({
    from: isoDay,
    to: isoDay,
    previous_from: isoDay.meta({ description: 'Start of the period before, as long as the range, each headline figure is compared with.' }),
    hours: z.enum(['business', 'calendar']),
    filters: z.record(z.string(), z.array(z.string())),
    headline: z.array(
      z.object({
        key: z.string(),
        metric: metricInfoSchema,
        stat: z.enum(['p50']).nullable().meta({ description: 'Durations are medians here.' }),
        value: z.number().nullable(),
        tickets: z.number().int(),
        previous_value: z.number().nullable(),
        previous_tickets: z.number().int(),
      }),
    ),
    goals: goalListResponseSchema.shape.goals,
    volume: seriesResponseSchema.shape.rows.meta({ description: 'Tickets created per week and channel in the range.' }),
  })
  .meta({ id: 'OverviewResponse' });
export type OverviewResponse = z.infer<typeof overviewResponseSchema>;

/** `GET /api/backlog?at&<filters>`: the tickets open at an instant. */
export const backlogResponseSchema = z
  .object({
    at: isoInstant,
    open: z.number().int(),
    ages: z.array(z.object({ label: z.string(), from_days: z.number(), to_days: z.number().nullable(), tickets: z.number().int() })),
    oldest_per_assignee: z.array(
      z.object({
        assignee_id: z.string().nullable(),
        assignee_name: z.string().nullable().meta({ description: "The agent's name from the organisation file, when known." }),
        open: z.number().int(),
        ticket_id: z.number().int(),
        external_id: z.string(),
        subject: z.string().nullable(),
        created_at: isoInstant,
        age_days: z.number(),
      }),
    ),
  })
  .meta({ id: 'BacklogResponse' });

const interval = z.tuple([z.string(), z.string()]);
/** A team's business calendar, as the organisation file writes it. */
export const calendarResponseSchema = z
  .object({
    weekly: z.record(z.string(), z.array(interval)),
    holidays: z.array(z.object({ day: teamLocalDate, name: z.string(), hours: z.array(interval) })),
  })
  .meta({ id: 'Calendar' });

const teamSchema = z
  .object({
    team_id: z.string(), name: z.string(), time_zone: z.string(), provider_kind: z.enum(['in_house', 'outsourced', 'independent']),
    provider_name: z.string().nullable(), support_level: z.number().int(), is_escalation_team: z.boolean(),
  })
  .meta({ id: 'Team' });

export const teamListResponseSchema = z.object({ teams: z.array(teamSchema) }).meta({ id: 'TeamList' });

/** `POST /api/teams`, `PUT /api/teams/:id`. */
export const teamSavedResponseSchema = z
  .object({ team: teamSchema, tickets_recomputed: z.number().int().meta({ description: 'Tickets whose facts were recomputed.' }) })
  .meta({ id: 'TeamSaved' });

export const calendarSavedResponseSchema = z
  .object({ calendar: calendarResponseSchema, tickets_recomputed: z.number().int().meta({ description: "Tickets whose facts were recomputed." }) })
  .meta({ id: 'CalendarSaved' });

/** `GET /api/data/extent`: the days the data spans, so the dashboard's default range ends at the newest data. */
export const dataExtentResponseSchema = z
  .object({
    first_day: isoDay.nullable().meta({ description: 'The first UTC day with a ticket created, an event or a survey answer; null without data.' }),
    last_day: isoDay.nullable().meta({ description: 'The last UTC day with a ticket created, solved or closed, an event or a survey answer.' }),
    tickets: z.number().int(),
  })
  .meta({ id: 'DataExtent' });
export type DataExtentResponse = z.infer<typeof dataExtentResponseSchema>;

/** `GET /api/feedback/comments`: a page of survey comments, newest first. */
export const commentsResponseSchema = z
  .object({
    total: z.number().int().meta({ description: 'Comments matching, on all pages.' }),
    comments: z.array(
      z.object({
        feedback_id: z.number().int(),
        ticket_id: z.number().int().nullable(),
        ticket_external_id: z.string().nullable().meta({ description: "The ticket's id in its helpdesk." }),
        submitted_at: isoInstant,
        kind: z.enum(['csat', 'nps', 'ces']),
        score: z.number().nullable(),
        scale_max: z.number().int(),
        comment: z.string(),
        channel: z.string().nullable(),
        team_id: z.string().nullable(),
      }),
    ),
    next_offset: z.number().int().nullable().meta({ description: 'Pass as `offset` for the next page; null on the last.' }),
  })
  .meta({ id: 'CommentsResponse' });
export type CommentsResponse = z.infer<typeof commentsResponseSchema>;

/** `GET /api/feedback/:key/distribution`: a survey metric's answers per score, by scale, each score in its band. */
export const scoreDistributionResponseSchema = z
  .object({
    metric: metricInfoSchema,
    filters: z.record(z.string(), z.array(z.string())),
    from: isoDay.meta({ description: 'Inclusive start of the range, ISO date (UTC).' }),
    to: isoDay.meta({ description: 'Exclusive end of the range, ISO date (UTC).' }),
    answers: z.number().int().meta({ description: "Answers in the metric's base: the sum of every score's answers, and the series' `tickets`." }),
    bands: z
      .array(z.object({ key: z.string(), label: z.string(), tone: z.enum(['negative', 'neutral', 'positive']) }))
      .meta({ description: 'The named groups of scores (NPS detractors, passives, promoters), in legend order.' }),
    scales: z
      .array(
        z.object({
          scale_max: z.number().int(),
          min: z.number().meta({ description: "The scale's lowest score." }),
          answers: z.number().int(),
          scores: z.array(
            z.object({
              score: z.number(),
              label: z.string().meta({ description: 'The score, or its name on the scale ("good").' }),
              answers: z.number().int(),
              tickets: z.number().int().meta({ description: 'Distinct tickets of those answers (answers without a ticket are not in it).' }),
              band: z.string().nullable(),
            }),
          ).meta({ description: 'Every score of the scale, lowest first, with 0 answers where nobody chose it.' }),
        }),
      )
      .meta({ description: 'The scales with answers in the view, the main one first.' }),
  })
  .meta({ id: 'ScoreDistributionResponse' });
export type ScoreDistributionResponse = z.infer<typeof scoreDistributionResponseSchema>;

const nullableInstant = isoInstant.nullable();
/** `GET /api/tickets/:id`: one ticket's facts, and why it counted (or not) in each rate. */
export const ticketDetailResponseSchema = z
  .object({
    ticket: z.object({
      ticket_id: z.number().int(), source: z.string(), external_id: z.string(), subject: z.string().nullable(), status: z.string(),
      channel: z.string(), priority: z.string().nullable(), category: z.string().nullable(), subcategory: z.string().nullable(),
      team_id: z.string().nullable(), assignee_id: z.string().nullable(), requester_id: z.string().nullable(), requester_kind: z.string(),
      organization: z.string().nullable(),
    }),
    milestones: z.object({
      created_at: nullableInstant, first_response_at: nullableInstant, first_solved_at: nullableInstant, solved_at: nullableInstant,
      closed_at: nullableInstant, due_at: nullableInstant.meta({ description: 'What was promised (the export’s due date).' }),
      agent_replies: z.number().int(), customer_replies: z.number().int(), reopens: z.number().int(), team_stations: z.number().int(),
      assignee_stations: z.number().int(), escalations: z.number().int(), escalation_level_max: z.number().int(), is_escalated: z.boolean(),
      is_solved: z.boolean(),
    }),
    durations: z
      .array(z.object({ metric: z.string(), label: z.string(), calendar_minutes: z.number().nullable(), business_minutes: z.number().nullable() }))
      .meta({ description: 'Every duration metric of the registry for this ticket; null when not measured (no reply yet, still open).' }),
    sla: z.array(
      z.object({
        target: z.enum(['first_response', 'resolution']),
        due_at: nullableInstant,
        state: z.enum(['met', 'breached', 'running', 'no_target']).meta({ description: '`running`: not met yet and not yet due, judged now.' }),
      }),
    ),
    rates: z
      .array(
        z.object({
          metric: z.string(), label: z.string(), formula: z.string(),
          in_base: z.boolean().meta({ description: "Whether the ticket is in the rate's denominator." }),
          counted: z.boolean().nullable().meta({ description: 'Whether it is in the numerator; null when not in the base.' }),
          checks: z.array(z.object({ label: z.string(), holds: z.boolean() })).meta({ description: 'The numerator’s conditions one by one (first-contact resolution).' }),
          variants: z.array(z.object({ name: z.string(), label: z.string(), counted: z.boolean().nullable() })),
        }),
      )
      .meta({ description: 'Every ticket rate of the registry, evaluated with its own SQL on this ticket.' }),
    events: z.array(
      z.object({
        occurred_at: isoInstant, kind: z.string(), actor: z.string().nullable(), actor_kind: z.string(),
        from_value: z.string().nullable(), to_value: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'TicketDetail' });
export type TicketDetailResponse = z.infer<typeof ticketDetailResponseSchema>;

// ---- Recurring problems (issue 12 §2–3): GET /api/issues, /api/issues/:id ----

const issueFlagSchema = <Shape extends z.ZodRawShape>(name: string, numbers: Shape) =>
  z
    .object({
      flagged: z.boolean(),
      why: z.string().meta({ description: `The ${name} test and this issue's numbers, as a sentence a lead can read.` }),
      ...numbers,
    })
    .meta({ id: `Issue${name[0]!.toUpperCase()}${name.slice(1)}Flag` });

export const issueFlagsSchema = z
  .object({
    recurring: issueFlagSchema('recurring', {
      periods_present: z.number().int().meta({ description: 'Periods of the last `recurring_periods` (ending with this period) with at least one ticket.' }),
      periods: z.number().int().meta({ description: 'The periods looked at (`recurring_periods`, fewer when the data begin later).' }),
    }),
    rising: issueFlagSchema('rising', {
      tickets: z.number().int().meta({ description: "This period's tickets (the period holding the range's last day)." }),
      baseline: z.number().meta({ description: 'Mean tickets per period over the trailing baseline (the periods before this one).' }),
      baseline_periods: z.number().int().meta({ description: 'Periods in the baseline (at most `rising_baseline_periods`; fewer when the data begin later).' }),
      expected: z.number().meta({ description: 'λ: the tickets expected this period, (baseline sum + 0.5) ÷ baseline periods, × `volume_ratio`.' }),
      volume_ratio: z.number().meta({ description: "The other issues' tickets this period + 0.5 over their mean per baseline period + 0.5, when `rising_volume_adjusted`; else 1." }),
      p_value: z.number().nullable().meta({ description: 'One-sided exact Poisson P(X ≥ tickets) under λ = `expected`; null when not tested (too few tickets or baseline periods).' }),
      threshold: z.number().nullable().meta({ description: 'The corrected significance level the p-value had to reach (Bonferroni: α ÷ issues tested; Benjamini–Hochberg: the step-up level of its rank); null when not tested.' }),
      excess: z.number().meta({ description: 'Tickets above the baseline mean this period (`sort=rise` orders by it).' }),
    }),
    new: issueFlagSchema('new', {
      first_seen: isoDay.nullable().meta({ description: 'Start of the first period with a ticket of the issue (in the filtered tickets).' }),
      tickets: z.number().int().meta({ description: 'Tickets since it was first seen, up to the end of the range.' }),
    }),
  })
  .meta({ id: 'IssueFlags' });
export type IssueFlags = z.infer<typeof issueFlagsSchema>;

const byAt = { by: z.string().meta({ description: 'Who did it (a person’s name).' }), at: isoInstant };

export const issueCostSchema = z
  .object({
    value: z.number().meta({ description: 'Estimated agent minutes the issue cost in the range: the sum of the components.' }),
    formula: z.string(),
    components: z
      .object({
        handling_minutes: z.number().meta({ description: 'agent replies × `cost_reply_minutes`.' }),
        escalation_minutes: z.number().meta({ description: 'escalated tickets × `cost_escalation_minutes`.' }),
        reopen_minutes: z.number().meta({ description: 'reopened tickets × `cost_reopen_minutes`.' }),
        low_csat_minutes: z.number().meta({ description: 'not-satisfied CSAT answers × `cost_low_csat_minutes`.' }),
      })
      .meta({ description: 'The parts of `value`, each a count times its weight (settings).' }),
  })
  .meta({ id: 'IssueCost' });

export const issueSummarySchema = z
  .object({
    issue_id: z.number().int(),
    name: z.string().meta({ description: "The lead's name for it once renamed, else its display terms joined by ' · '." }),
    terms: z.array(z.string()).meta({ description: 'Its most characteristic terms, as its tickets wrote them, best first.' }),
    renamed: z.object({ name: z.string(), ...byAt }).nullable().meta({ description: "A lead's rename, with who and when; null if never renamed." }),
    known_problem: z.object({ note: z.string(), ...byAt }).nullable().meta({ description: 'Marked as a known problem (FAQ or training topic), with the note; null if not.' }),
    tickets: z.number().int().meta({ description: 'Tickets created in the range.' }),
    customers: z.number().int().meta({ description: 'Distinct requesters of those tickets.' }),
    reopened: z.number().int().meta({ description: 'Of those tickets, reopened at least once.' }),
    escalated: z.number().int().meta({ description: 'Of those tickets, escalated.' }),
    agent_replies: z.number().int().meta({ description: 'Agent replies on those tickets.' }),
    median_resolution_minutes: z.number().nullable().meta({ description: 'Median full resolution time (calendar minutes) of those solved; null when none is.' }),
    low_csat_share: z.number().nullable().meta({ description: 'Not-satisfied CSAT answers ÷ CSAT answers about those tickets, 0–1; null without answers.' }),
    low_csat_answers: z.number().int(),
    csat_answers: z.number().int(),
    cost: issueCostSchema,
    sparkline: z
      .array(z.object({ period: isoDay, tickets: z.number().int() }))
      .meta({ description: 'Tickets created per period (`grain`) over the range, every period present (0 where none).' }),
    flags: issueFlagsSchema,
  })
  .meta({ id: 'IssueSummary' });
export type IssueSummary = z.infer<typeof issueSummarySchema>;

export const issueSettingsSchema = z
  .object({
    grain: grainSchema,
    recurring_periods: z.number().int(),
    recurring_min_periods: z.number().int(),
    rising_baseline_periods: z.number().int(),
    rising_min_tickets: z.number().int(),
    rising_alpha: z.number(),
    rising_correction: z.enum(['bonferroni', 'benjamini_hochberg']),
    rising_volume_adjusted: z.boolean(),
    new_periods: z.number().int(),
    new_min_tickets: z.number().int(),
    cost_reply_minutes: z.number(),
    cost_escalation_minutes: z.number(),
    cost_reopen_minutes: z.number(),
    cost_low_csat_minutes: z.number(),
  })
  .meta({ id: 'IssueSettings', description: 'The settings the answer was computed with (defaults, or as the query overrode them).' });
export type IssueSettings = z.infer<typeof issueSettingsSchema>;

/** `GET /api/issues?from&to&<filters>&grain&sort&flag&limit&offset` */
export const issueListResponseSchema = z
  .object({
    from: isoDay,
    to: isoDay.meta({ description: 'Exclusive end of the range.' }),
    period: isoDay.meta({ description: "Start of \"this period\": the period (`grain`) holding the range's last day, the one the flags judge." }),
    filters: z.record(z.string(), z.array(z.string())),
    settings: issueSettingsSchema,
    tests: z
      .object({ recurring: z.string(), rising: z.string(), new: z.string(), cost: z.string() })
      .meta({ description: 'Each flag’s test and the cost formula, in words, with the settings filled in.' }),
    tested_for_rising: z.number().int().meta({ description: 'Issues the rising test was run on (the number the correction divides by).' }),
    total: z.number().int().meta({ description: 'Issues matching (`flag`), on all pages.' }),
    issues: z.array(issueSummarySchema),
    next_offset: z.number().int().nullable(),
  })
  .meta({ id: 'IssueListResponse' });
export type IssueListResponse = z.infer<typeof issueListResponseSchema>;

const namedCount = z.object({ value: z.string().nullable(), tickets: z.number().int() });

/** `GET /api/issues/:id?from&to&<filters>&grain` */
export const issueDetailResponseSchema = z
  .object({
    from: isoDay,
    to: isoDay,
    period: isoDay,
    filters: z.record(z.string(), z.array(z.string())),
    settings: issueSettingsSchema,
    issue: issueSummarySchema,
    trend: z
      .array(z.object({ period: isoDay, tickets: z.number().int(), customers: z.number().int(), reopened: z.number().int(), escalated: z.number().int() }))
      .meta({ description: 'Per period of the range, every period present.' }),
    examples: z
      .array(z.object({ ticket_id: z.number().int(), external_id: z.string(), subject: z.string().nullable(), created_at: isoInstant.nullable(), channel: z.string() }))
      .meta({ description: 'Up to 3 representative tickets: those whose terms agree most with the issue’s core (the grouping’s own choice), else its newest.' }),
    top_terms: z.array(z.object({ term: z.string(), tickets: z.number().int() })).meta({ description: 'Its most characteristic terms (tf·idf, best first; the first three name it) as its tickets wrote them, and how many of its tickets (all time; a lead’s or an agent’s: of their team’s tickets) have each.' }),
    channels: z.array(namedCount).meta({ description: 'Tickets in the range per channel, most first.' }),
    teams: z.array(namedCount.extend({ name: z.string().nullable() })).meta({ description: 'Tickets in the range per team, most first, with the team’s name.' }),
    comments: commentsResponseSchema.shape.comments.meta({ description: 'Survey comments about its tickets in the range, newest first (at most 20).' }),
    suggestions: z
      .array(
        z.object({
          suggestion_id: z.number().int(),
          title: z.string(),
          status: z.enum(['new', 'under_review', 'accepted', 'in_progress', 'implemented', 'declined']),
          votes: z.number().int(),
          anonymous: z.boolean(),
          author: z.object({ id: z.string(), display_name: z.string() }).nullable().meta({ description: 'Null for an anonymous suggestion, whoever asks (the board names its author to those who may see it).' }),
        }),
      )
      .meta({ description: `The suggestions linked to this issue, most votes first (at most ${linkedSuggestionsShown}); each opens on the suggestions board.` }),
  })
  .meta({ id: 'IssueDetailResponse' });
export type IssueDetailResponse = z.infer<typeof issueDetailResponseSchema>;

// ---- The lead's actions on issues and customers (issue 12 §2, §4) ----

/** Who did something and when: `by` as the request named them (no accounts yet), `at` stamped by the server. */
const stamp = {
  by: z.string().meta({ description: 'Who did it (the `by` of the request).' }),
  at: isoInstant.meta({ description: 'When the server recorded it, UTC.' }),
};

/** What the leads' edits say about an issue now (`sql/issues/edits.ts` readIssueEdits). */
export const issueEditsSchema = z
  .object({
    issue_id: z.number().int(),
    renamed: z.object({ name: z.string(), ...stamp }).nullable().meta({ description: 'The name a lead gave it, shown instead of its terms; null if none.' }),
    known_problem: z.object({ note: z.string(), ...stamp }).nullable().meta({ description: 'Marked a known problem (FAQ, training topic) with a note; null if not.' }),
    merged_into: z.object({ issue_id: z.number().int(), ...stamp }).nullable().meta({ description: 'The issue it was merged into (its tickets are there); null if it was not.' }),
  })
  .meta({ id: 'IssueEdits' });
export type IssueEditsResponse = z.infer<typeof issueEditsSchema>;

/** `POST /api/issues/:id/merge` */
export const issueMergeResponseSchema = z
  .object({ issue_id: z.number().int(), into: z.number().int(), moved_tickets: z.number().int() })
  .meta({ id: 'IssueMerge' });

/** `POST /api/issues/:id/tickets/move` */
export const ticketMoveResponseSchema = z
  .object({
    from_issue: z.number().int(),
    to_issue: z.number().int().meta({ description: 'Where the tickets are now: the issue named by `to`, or the new one a split made.' }),
    created: z.boolean().meta({ description: 'True when the tickets were split into a new issue.' }),
    moved_tickets: z.number().int(),
  })
  .meta({ id: 'TicketMove' });

/** `GET /api/issues/:id/history` */
export const issueHistorySchema = z
  .object({
    issue_id: z.number().int(),
    edits: z.array(
      z.object({
        edit_id: z.number().int(),
        kind: z.enum(['rename', 'known_problem', 'known_problem_cleared', 'merge', 'move', 'split']),
        issue_id: z.number().int().meta({ description: 'The issue edited (merge, move, split: the one the tickets came from).' }),
        target_issue: z.number().int().nullable().meta({ description: 'Merge: the issue merged into; move and split: where the tickets went.' }),
        name: z.string().nullable(),
        note: z.string().nullable(),
        ticket_ids: z.array(z.number().int()).nullable(),
        ...stamp,
      }),
    ),
  })
  .meta({ id: 'IssueHistory' });
export type IssueHistoryResponse = z.infer<typeof issueHistorySchema>;

/** Where the next page starts (the `cursor` to ask it with); null on the last page. */
const nextCursorSchema = z.string().nullable().meta({ description: 'The `cursor` of the next page; null on the last page.' });

/** `GET /api/customers/repeat` */
export const repeatContactersSchema = z
  .object({
    from: isoDay,
    to: isoDay.meta({ description: 'Exclusive end of the range.' }),
    total: z.number().int().meta({ description: 'Repeat contacters in the range and the filters, on every page; `customers` lists one page of them.' }),
    next_cursor: nextCursorSchema,
    customers: z.array(
      z.object({
        customer_id: z.string(),
        name: z.string().nullable(),
        organization: z.string().nullable(),
        tickets: z.number().int().meta({ description: 'Their tickets created in the range (and the filters).' }),
        repeat_issues: z.array(z.object({ issue_id: z.number().int(), tickets: z.number().int() })).meta({ description: 'Issues holding two or more of those tickets, most first.' }),
        within_7_days: z.number().int().meta({ description: 'Tickets opened within 7 days after their previous one in the range.' }),
        last_contact: isoInstant,
        flags: z.array(z.enum(['abusive', 'legal_threat', 'vip'])).meta({ description: 'Active flags.' }),
        recent_tickets: z.array(
          z.object({ ticket_id: z.number().int(), subject: z.string().nullable(), status: z.string(), created_at: isoInstant, issue_id: z.number().int().nullable() }),
        ).meta({ description: 'Their latest 10 tickets in the range.' }),
      }),
    ),
  })
  .meta({ id: 'RepeatContacters' });
export type RepeatContactersResponse = z.infer<typeof repeatContactersSchema>;

const flagRecord = {
  flag: z.enum(['abusive', 'legal_threat', 'vip']),
  origin: z.enum(['organisation', 'lead']).meta({ description: 'Set by the organisation file or by a lead.' }),
  set_by: z.string(),
  set_at: isoInstant,
  note: z.string().nullable(),
};
const flagLists = {
  flags: z.array(z.object(flagRecord)).meta({ description: 'Active flags, with who set each and when.' }),
  cleared: z
    .array(z.object({ ...flagRecord, cleared_by: z.string().nullable(), cleared_at: isoInstant, cleared_note: z.string().nullable() }))
    .meta({ description: 'Flags taken off, newest first, with who cleared them, when and why.' }),
};

/** `PUT` and `DELETE /api/customers/:id/flags/:flag` */
export const customerFlagsSchema = z.object({ customer_id: z.string(), ...flagLists }).meta({ id: 'CustomerFlags' });
export type CustomerFlagsResponse = z.infer<typeof customerFlagsSchema>;

/** `GET /api/customers/flagged` */
export const flaggedCustomersSchema = z
  .object({
    total: z.number().int().meta({ description: 'Flagged customers in all, on every page; `customers` lists one page of them.' }),
    next_cursor: nextCursorSchema,
    customers: z.array(
      z.object({
        customer_id: z.string(),
        name: z.string().nullable(),
        organization: z.string().nullable(),
        ...flagLists,
        open_tickets: z.number().int(),
        open: z.array(z.object({ ticket_id: z.number().int(), subject: z.string().nullable(), status: z.string(), created_at: isoInstant }))
          .meta({ description: 'Their open tickets (new, open, pending, on hold), newest first, at most 20.' }),
        last_contact: isoInstant.nullable().meta({ description: 'When they last opened a ticket; null if never.' }),
      }),
    ),
  })
  .meta({ id: 'FlaggedCustomers' });
export type FlaggedCustomersResponse = z.infer<typeof flaggedCustomersSchema>;

// Accounts (docs/accounts.md).
export const roleSchema = z.enum(['admin', 'manager', 'lead', 'agent']);

export const accountSchema = z
  .object({
    id: z.string().meta({ description: 'The person’s id (users.user_id): the user name for accounts made here, the organisation file’s id for its people.' }),
    username: z.string(),
    display_name: z.string(),
    role: roleSchema,
    team_id: z.string().nullable(),
    team_name: z.string().nullable(),
    agent_id: z.string().nullable().meta({ description: 'The agent whose tickets are this account’s own.' }),
    disabled: z.boolean(),
  })
  .meta({ id: 'Account' });
export type AccountResponse = z.infer<typeof accountSchema>;

export const signInResponseSchema = z.object({ user: accountSchema, csrf_token: z.string().meta({ description: 'Send it as `X-CSRF-Token` with every change.' }) });
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const meResponseSchema = signInResponseSchema.extend({
  permissions: z.object({ pages: z.array(z.string()).meta({ description: 'The dashboard pages the role may open.' }) }),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const apiTokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: roleSchema,
    team_id: z.string().nullable(),
    created_by: z.string(),
    created_at: isoInstant,
    last_used_at: isoInstant.nullable(),
    revoked: z.boolean(),
  })
  .meta({ id: 'ApiToken' });
export type ApiTokenResponse = z.infer<typeof apiTokenSchema>;
export const newApiTokenSchema = apiTokenSchema.extend({ token: z.string().meta({ description: 'The token, shown this once: `Authorization: Bearer <token>`.' }) });
export type NewApiTokenResponse = z.infer<typeof newApiTokenSchema>;

// Improvement suggestions (docs/suggestions.md).
export const suggestionStatusSchema = z.enum(['new', 'under_review', 'accepted', 'in_progress', 'implemented', 'declined']);
const personSchema = z.object({ id: z.string(), display_name: z.string() }).meta({ id: 'Person' });

export const suggestionSummarySchema = z
  .object({
    suggestion_id: z.number().int(),
    title: z.string(),
    body: z.string(),
    author: personSchema.nullable().meta({ description: 'null when the suggestion is anonymous to colleagues and the asker is an agent or a lead (not its author).' }),
    anonymous: z.boolean(),
    mine: z.boolean().meta({ description: 'Whether the asker wrote it.' }),
    team_id: z.string().nullable().meta({ description: 'The author’s team when submitted: its lead triages it.' }),
    team_name: z.string().nullable(),
    status: suggestionStatusSchema,
    response: z.string().nullable().meta({ description: 'The latest response of a lead or manager, which the author sees.' }),
    responded_at: isoInstant.nullable(),
    responded_by: personSchema.nullable(),
    decline_reason: z.string().nullable(),
    implemented_on: isoDay.nullable(),
    issue_id: z.number().int().nullable().meta({ description: 'The linked recurring problem.' }),
    issue_key: z.string().nullable().meta({ description: 'The demo’s own name of the problem (demo suggestions only).' }),
    goal_id: z.number().int().nullable(),
    ticket_ids: z.array(z.number().int()),
    votes: z.number().int().meta({ description: 'Live votes (revoked ones not counted).' }),
    voted: z.boolean().meta({ description: 'Whether the asker has a live vote on it.' }),
    comments: z.number().int(),
    first_response_at: isoInstant.nullable().meta({ description: 'When a lead or manager first moved or answered it.' }),
    created_at: isoInstant,
    updated_at: isoInstant,
  })
  .meta({ id: 'SuggestionSummary' });

export const suggestionListResponseSchema = z
  .object({
    items: z.array(suggestionSummarySchema),
    total: z.number().int(),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'SuggestionList' });
export type SuggestionListResponse = z.infer<typeof suggestionListResponseSchema>;

const commentSchema = z
  .object({
    comment_id: z.number().int(),
    author: personSchema,
    body: z.string(),
    created_at: isoInstant,
    edited_at: isoInstant.nullable(),
    versions: z.array(z.object({ version: z.number().int(), body: z.string(), written_at: isoInstant })).meta({ description: 'Every text it has had, oldest first.' }),
  })
  .meta({ id: 'SuggestionComment' });

export const suggestionEventSchema = z
  .object({
    event_id: z.number().int(),
    kind: z.enum(['create', 'edit', 'vote', 'unvote', 'comment', 'comment_edit', 'move', 'response']),
    actor: personSchema,
    occurred_at: isoInstant,
    payload: z.unknown().meta({ description: 'What changed (docs/suggestions.md); an edit keeps the text before.' }),
  })
  .meta({ id: 'SuggestionEvent' });

export const suggestionDetailSchema = suggestionSummarySchema
  .extend({
    comment_list: z.array(commentSchema),
    events: z.array(suggestionEventSchema).nullable().meta({ description: 'The audit trail, oldest first: managers only (null for others).' }),
    moves: z.array(suggestionStatusSchema).meta({ description: 'The statuses it may move to now.' }),
  })
  .meta({ id: 'SuggestionDetail' });
export type SuggestionDetailResponse = z.infer<typeof suggestionDetailSchema>;

export const suggestionCommentCreatedSchema = z.object({ comment_id: z.number().int(), suggestion: suggestionDetailSchema });

const weeklyValueSchema = z.object({ week: isoDay.meta({ description: 'The Monday the week starts.' }), value: z.number().nullable() });
export const suggestionImpactSchema = z
  .object({
    suggestion_id: z.number().int(),
    status: z.enum(['measured', 'not_enough_data', 'not_measurable']),
    message: z.string().meta({ description: 'What the answer says, in words (e.g. "not enough data yet: 3 more weeks after").' }),
    source: z
      .object({ kind: z.enum(['issue', 'goal']), id: z.number().int(), label: z.string(), unit: z.string(), better: z.enum(['higher', 'lower', 'none']) })
      .nullable(),
    implemented_on: isoDay.nullable(),
    weeks: z.number().int().meta({ description: 'Weeks compared on each side.' }),
    missing_weeks: z.number().int().meta({ description: 'How many more weeks (after, or before) a comparison of the fewest weeks needs.' }),
    before: z.array(weeklyValueSchema),
    after: z.array(weeklyValueSchema),
    change: z
      .object({ before_median: z.number(), after_median: z.number(), before_mean: z.number(), after_mean: z.number(), absolute: z.number(), relative: z.number().nullable() })
      .nullable(),
    test: z
      .object({
        name: z.string(),
        method: z.enum(['exact', 'normal_approximation']),
        u: z.number(),
        p_value: z.number(),
        alpha: z.number(),
        significant: z.boolean().meta({ description: 'Whether the change is beyond normal variation (p < alpha, two-sided).' }),
      })
      .nullable(),
  })
  .meta({ id: 'SuggestionImpact' });
export type SuggestionImpactResponse = z.infer<typeof suggestionImpactSchema>;
