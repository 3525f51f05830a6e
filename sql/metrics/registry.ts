// Metrics are data: one declaration per metric, read by the API, goals, docs and dashboard alike.
// SQL fragments are written over `ticket_facts f` (or `feedback_facts f` for survey metrics) and are the
// only SQL here; identifiers and values from requests never reach them (see series.ts).
// `period_column` says which instant attributes a row to a period (PRODUCT.md §4: the event that completes it).
import { z } from 'zod';

const sqlFragment = z.string().min(1);

const common = {
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  better: z.enum(['higher', 'lower', 'none']),
  /** One sentence for tooltips and lists. */
  description: z.string().min(1),
  /** The exact definition, as PRODUCT.md §4 states it. */
  definition: z.string().min(1),
};

/** A rate: 100 × rows matching `numerator` ÷ rows matching `denominator`, optionally with named presets. */
const rateVariant = z.object({ label: z.string(), numerator: sqlFragment, formula: z.string() });

/**
 * A survey metric's answers per score: the scales they come on and the named bands a score falls in (NPS detractors,
 * passives and promoters). Each band's `when` is an SQL condition over `f.score` and `f.scale_max` only: it is also
 * judged for the scores of a scale nobody chose, which have no other column.
 */
const scoreDistributionSchema = z.object({
  /** The scales shown whole, every score from `min` to `max` in steps of 1 (answers on other scales are shown as they come). */
  scales: z.array(z.object({ max: z.number().int().positive(), min: z.number().int().nonnegative(), names: z.record(z.string().regex(/^\d+$/), z.string()).optional() })).min(1),
  /** In the order a legend lists them; every score of a declared scale falls in exactly one (a test checks it). */
  bands: z.array(z.object({ key: z.string().regex(/^[a-z_]+$/), label: z.string(), tone: z.enum(['negative', 'neutral', 'positive']), when: sqlFragment })).min(1),
});

export const metricSchema = z.discriminatedUnion('aggregation', [
  z.object({
    ...common,
    aggregation: z.literal('count'),
    unit: z.literal('tickets'),
    source: z.literal('ticket_facts'),
    period_column: z.enum(['created_at', 'solved_at']),
    /** Which rows count (SQL condition). */
    where: sqlFragment,
  }),
  z.object({
    ...common,
    aggregation: z.literal('duration'),
    unit: z.literal('minutes'),
    /** Tickets, or the front line's suggestions (suggestion_facts of migration 012: no ticket dimension but team). */
    source: z.enum(['ticket_facts', 'suggestion_facts']),
    period_column: z.enum(['created_at', 'first_response_at', 'first_solved_at', 'solved_at']),
    /** The per-ticket duration column (whole seconds) in each hours mode; tickets where it is NULL are not measured. */
    seconds: z.object({ calendar: z.string().regex(/^[a-z_]+_seconds$/), business: z.string().regex(/^[a-z_]+_seconds$/) }),
  }),
  z.object({
    ...common,
    aggregation: z.literal('rate'),
    unit: z.literal('percent'),
    source: z.literal('ticket_facts'),
    period_column: z.enum(['created_at', 'solved_at']),
    denominator: sqlFragment,
    numerator: sqlFragment,
    /** What the share is of: tickets (the default), or their distinct requesters (a repeat contacter counts once). */
    share_of: z.enum(['tickets', 'requesters']).optional(),
    /** The formula shown beside the number. */
    formula: z.string(),
    /** Named alternative definitions users may pick (`variant=`); the declared numerator is the default. */
    variants: z.record(z.string().regex(/^[a-z_]+$/), rateVariant).optional(),
    /**
     * The conditions the numerator is made of, each an SQL condition over `f` with the words shown beside it: a
     * ticket's page says which held and which did not (why it was or was not counted). Together (AND) they are the
     * numerator for every ticket in the denominator; a test checks it.
     */
    checks: z.array(z.object({ label: z.string(), holds: sqlFragment })).optional(),
    /**
     * true when the rate judges clocks still running (an SLA target, a promise) at the time of asking, `$now`: its
     * SQL is given `$now`, and no daily rollup holds it, since its answer changes while the data does not.
     */
    judged_now: z.boolean().optional(),
  }),
  z.object({
    ...common,
    /** Tickets open at the end of each period (a state, not an event: no period column attributes it). */
    aggregation: z.literal('backlog'),
    unit: z.literal('tickets'),
    source: z.literal('ticket_facts'),
    period_column: z.literal('created_at'),
  }),
  z.object({
    ...common,
    /**
     * Share of a period's tickets in its top recurring issues (PRODUCT.md §5): an issue is recurring in a period when
     * it has tickets in it and in at least `min_earlier_periods` of the `earlier_periods` periods before it (same
     * grain); the `top` recurring issues with most tickets in the period count. See recurring-issues.ts.
     */
    aggregation: z.literal('recurring_share'),
    unit: z.literal('percent'),
    source: z.literal('ticket_facts'),
    period_column: z.literal('created_at'),
    recurrence: z.object({
      earlier_periods: z.number().int().positive(),
      min_earlier_periods: z.number().int().positive(),
      top: z.number().int().positive(),
    }),
    formula: z.string(),
  }),
  z.object({
    ...common,
    aggregation: z.literal('score'),
    unit: z.enum(['percent', 'score']),
    source: z.literal('feedback_facts'),
    period_column: z.literal('submitted_at'),
    /** Which survey answers are in the base (SQL condition over feedback_facts). */
    where: sqlFragment,
    /**
     * Per-answer quantities, each summed over the base: the metric is `value`, a formula over those sums (`{name}`).
     * Sums add up across days and groups, so the same declaration serves a scan of the answers and the daily rollups.
     */
    sums: z.record(z.string().regex(/^[a-z_]+$/), sqlFragment),
    value: sqlFragment,
    formula: z.string(),
    /** How its answers are shown as a distribution (answers per score), when they can be. */
    scores: scoreDistributionSchema.optional(),
  }),
]);

export type Metric = z.infer<typeof metricSchema>;
export type DurationMetric = Extract<Metric, { aggregation: 'duration' }>;

export type ScoreMetric = Extract<Metric, { aggregation: 'score' }>;

/** A survey metric's `value` formula with each `{sum}` written by `sumSql` (a scan's sum, or a rollup's sum of sums). */
export function scoreValue(metric: ScoreMetric, sumSql: (name: string) => string): string {
  return metric.value.replace(/\{([a-z_]+)\}/g, (_whole, name: string) => {
    if (!Object.hasOwn(metric.sums, name)) throw new Error(`metric ${metric.key}: its value names {${name}}, which is not one of its sums`);
    return sumSql(name);
  });
}

/** Duration buckets every duration metric can be shown in: [lower, upper) in minutes. */
export const durationBuckets = [
  { label: '0–1 h', from: 0, to: 60 },
  { label: '1–4 h', from: 60, to: 240 },
  { label: '4–8 h', from: 240, to: 480 },
  { label: '8–24 h', from: 480, to: 1440 },
  { label: '> 24 h', from: 1440, to: null },
] as const;

const solved = 'f.is_solved';

// The two SLA targets (first response, resolution) share their definition and formula.
const slaFormula = 'met ÷ (met + breached); tickets still running and not yet breached are in neither';
const slaDefinition =
      'met ÷ (met + breached), per the policy target for the ticket’s priority (business or calendar minutes as the policy ' +
      'says); tickets still running and not yet breached are in neither.';

const declarations: Metric[] = [
  {
    key: 'created',
    label: 'Tickets created',
    unit: 'tickets',
    better: 'none',
    aggregation: 'count',
    source: 'ticket_facts',
    period_column: 'created_at',
    where: 'true',
    description: 'Tickets created in the period.',
    definition: 'Tickets created in the period, attributed by their creation time.',
  },
  {
    key: 'solved',
    label: 'Tickets solved',
    unit: 'tickets',
    better: 'none',
    aggregation: 'count',
    source: 'ticket_facts',
    period_column: 'solved_at',
    where: solved,
    description: 'Tickets whose last change to solved falls in the period.',
    definition: 'Tickets whose last change to solved falls in the period. Solved is not closed: closing is an administrative step.',
  },
  {
    key: 'backlog',
    label: 'Backlog',
    unit: 'tickets',
    better: 'lower',
    aggregation: 'backlog',
    source: 'ticket_facts',
    period_column: 'created_at',
    description: 'Tickets open (not solved) at the end of each period.',
    definition:
      'Open (not solved) tickets at the end of the period, with their age distribution and the oldest per assignee ' +
      '(`GET /api/backlog`). A ticket is open at an instant when it was created before it and is not in a solved state ' +
      'then: not solved (or closed without a solve) for the last time before it, and not between a solve and the reopen ' +
      'that followed it (a ticket solved, reopened and solved again is out of the backlog while it was solved the first ' +
      'time). A ticket an export shows solved or closed without saying when is in no backlog (the load warns). A solve ' +
      'or a creation at the very end of the period belongs to the next one.',
  },
  {
    key: 'first_response_time',
    label: 'First response time',
    unit: 'minutes',
    better: 'lower',
    aggregation: 'duration',
    source: 'ticket_facts',
    period_column: 'first_response_at',
    seconds: { calendar: 'first_response_seconds', business: 'first_response_business_seconds' },
    description: 'Time from creation to the first public agent reply.',
    definition:
      '`first_response_at − created_at`: the first public agent reply after creation (internal notes, bots and automations ' +
      "don't count). For a ticket an agent created on the customer's behalf with a public first comment, the clock ends at " +
      "the agent's second public comment; a ticket the agent solved in that first interaction (phone, desk) has response " +
      'time 0. No reply yet: excluded, and counted in backlog.',
  },
  {
    key: 'reply_time',
    label: 'Reply time',
    unit: 'minutes',
    better: 'lower',
    aggregation: 'duration',
    source: 'ticket_facts',
    period_column: 'created_at',
    seconds: { calendar: 'reply_seconds', business: 'reply_business_seconds' },
    description: 'Every agent reply measured from the customer message it answers; median per ticket, then over tickets.',
    definition:
      'Every agent reply measured from the customer message it answers (all replies, not only the first); median per ' +
      'ticket, then over tickets.',
  },
  {
    key: 'resolution_time',
    label: 'Full resolution time',
    unit: 'minutes',
    better: 'lower',
    aggregation: 'duration',
    source: 'ticket_facts',
    period_column: 'solved_at',
    seconds: { calendar: 'full_resolution_seconds', business: 'full_resolution_business_seconds' },
    description: 'Time from creation to the last change to solved.',
    definition: 'Full resolution: `solved_at` (last change to solved) `− created_at`. Solved is not closed.',
  },
  {
    key: 'first_resolution_time',
    label: 'First resolution time',
    unit: 'minutes',
    better: 'lower',
    aggregation: 'duration',
    source: 'ticket_facts',
    // Completed by the first solve (§4: a metric belongs to the period of the event that completes it).
    period_column: 'first_solved_at',
    seconds: { calendar: 'first_resolution_seconds', business: 'first_resolution_business_seconds' },
    description: 'Time from creation to the first change to solved.',
    definition: '`first_solved_at − created_at`: uses the first change to solved, even when the ticket was reopened later.',
  },
  {
    key: 'requester_wait_time',
    label: 'Requester wait time',
    unit: 'minutes',
    better: 'lower',
    aggregation: 'duration',
    source: 'ticket_facts',
    period_column: 'solved_at',
    seconds: { calendar: 'requester_wait_seconds', business: 'requester_wait_business_seconds' },
    description: 'Time the customer waited on us: in new, open and on-hold statuses.',
    definition: 'Time in statuses waiting on us (new, open, on-hold), up to the last solve.',
  },
  {
    key: 'agent_wait_time',
    label: 'Agent wait time',
    unit: 'minutes',
    better: 'none',
    aggregation: 'duration',
    source: 'ticket_facts',
    period_column: 'solved_at',
    seconds: { calendar: 'agent_wait_seconds', business: 'agent_wait_business_seconds' },
    description: 'Time we waited on the customer (pending), reported apart from requester wait.',
    definition: 'Time waiting on the customer (pending, "Wait – User"), reported separately from requester wait time.',
  },
  {
    key: 'first_contact_resolution',
    label: 'First-contact resolution',
    unit: 'percent',
    better: 'higher',
    aggregation: 'rate',
    source: 'ticket_facts',
    period_column: 'solved_at',
    denominator: solved,
    numerator: 'f.is_fcr',
    formula:
      'strict: solved with at most one public agent reply (phone/desk: in the first interaction), no reopen, no transfer ' +
      '(team stations ≤ 1), no escalation, and no new ticket from the requester in the same category within 7 days ÷ solved',
    variants: {
      one_touch: { label: 'One touch (Zendesk)', numerator: 'f.agent_replies < 2', formula: 'solved with fewer than 2 agent replies ÷ solved' },
      single_close: {
        label: 'Single close (Intercom)',
        numerator: 'f.reopens = 0 AND f.assignee_stations <= 1',
        formula: 'solved once (never reopened) by one agent ÷ solved',
      },
      metricnet: {
        label: 'MetricNet',
        numerator: 'f.is_fcr_metricnet',
        formula:
          'solved without escalation, in the first interaction for phone/desk/chat, within 1 business hour for email/web/social ÷ solved',
      },
    },
    checks: [
      {
        label: 'At most one public agent reply (phone, desk: solved in the first interaction)',
        holds: "CASE WHEN f.channel IN ('phone', 'desk') THEN coalesce(f.first_response_at = f.created_at, f.agent_replies <= 1) ELSE f.agent_replies <= 1 END",
      },
      { label: 'Never reopened', holds: 'f.reopens = 0' },
      { label: 'No transfer between teams (team stations ≤ 1)', holds: 'f.team_stations <= 1' },
      { label: 'Never escalated', holds: 'NOT f.is_escalated' },
      {
        label: 'No new ticket from the requester in the same category within 7 days of the solve',
        holds:
          'NOT EXISTS (SELECT 1 FROM tickets this JOIN tickets later ON later.source = this.source AND later.requester_id = this.requester_id ' +
          'AND later.category IS NOT DISTINCT FROM this.category AND later.created_at > this.created_at ' +
          'AND later.created_at <= f.solved_at + INTERVAL 7 DAY WHERE this.ticket_id = f.ticket_id)',
      },
    ],
    description: 'Share of solved tickets resolved at first contact (strict by default; presets selectable).',
    definition:
      'Share of solved tickets resolved at first contact. Default (strict): at most one public agent reply (phone/desk: ' +
      'solved in the first interaction), no reopen, no transfer (team stations ≤ 1), no escalation, and no new ticket from ' +
      'the same requester in the same category or issue within 7 days. Presets: `one_touch` (solved with < 2 agent ' +
      'replies, Zendesk), `single_close` (closed once by one agent, Intercom), `metricnet` (escalation disqualifies; ' +
      'email/web count when solved within 1 business hour).',
  },
  {
    key: 'one_touch_rate',
    label: 'One-touch rate',
    unit: 'percent',
    better: 'higher',
    aggregation: 'rate',
    source: 'ticket_facts',
    period_column: 'solved_at',
    denominator: solved,
    numerator: 'f.agent_replies < 2',
    formula: 'solved with fewer than 2 public agent replies ÷ solved',
    description: 'Share of solved tickets solved with fewer than 2 public agent replies.',
    definition: 'Share of solved tickets solved with fewer than 2 public agent replies.',
  },
  {
    key: 'escalation_rate',
    label: 'Escalation rate',
    unit: 'percent',
    better: 'lower',
    aggregation: 'rate',
    source: 'ticket_facts',
    period_column: 'created_at',
    denominator: 'true',
    numerator: 'f.is_escalated',
    formula: 'tickets created escalated at least once ÷ tickets created',
    description: 'Share of tickets created in the period escalated to a higher level or an escalation team at least once.',
    definition:
      'Share of tickets created in the period escalated at least once: moved to a higher support level/tier or to a team ' +
      'marked as an escalation team, or an explicit escalate event or flag. Not a transfer at the same level and not an ' +
      'SLA breach.',
  },
  {
    key: 'reassignment_rate',
    label: 'Reassignment rate',
    unit: 'percent',
    better: 'lower',
    aggregation: 'rate',
    source: 'ticket_facts',
    period_column: 'created_at',
    denominator: 'true',
    numerator: 'f.team_stations > 1 OR f.assignee_stations > 1',
    formula: 'tickets created with team or assignee stations > 1 ÷ tickets created',
    description: 'Share of tickets created in the period that moved between teams or assignees.',
    definition: 'Tickets with team or assignee stations > 1 (transfers = stations − 1), whatever the support level.',
  },
  {
    key: 'reopen_rate',
    label: 'Reopen rate',
    unit: 'percent',
    better: 'lower',
    aggregation: 'rate',
    source: 'ticket_facts',
    period_column: 'solved_at',
    denominator: solved,
    numerator: 'f.reopens > 0',
    formula: 'solved tickets reopened at least once ÷ solved tickets',
    description: 'Share of tickets solved in the period that were reopened at least once.',
    definition: 'Share of tickets solved in the period that were reopened (solved → open) at least once.',
  },
  {
    key: 'sla_first_response_attainment',
    label: 'SLA attainment: first response',
    unit: 'percent',
    better: 'higher',
    aggregation: 'rate',
    source: 'ticket_facts',
    period_column: 'created_at',
    denominator: 'f.sla_first_response_due_at IS NOT NULL AND (f.first_response_at IS NOT NULL OR f.sla_first_response_due_at < $now::TIMESTAMPTZ)',
    numerator: 'f.first_response_at <= f.sla_first_response_due_at',
    judged_now: true,
    formula: slaFormula,
    description: 'First-response targets met, of those met or breached, per the policy of the ticket’s priority.',
    definition: slaDefinition,
  },
  {
    key: 'sla_resolution_attainment',
    label: 'SLA attainment: resolution',
    unit: 'percent',
    better: 'higher',
    aggregation: 'rate',
    source: 'ticket_facts',
    period_column: 'created_at',
    denominator: 'f.sla_resolution_due_at IS NOT NULL AND (f.is_solved OR f.sla_resolution_due_at < $now::TIMESTAMPTZ)',
    numerator: 'f.is_solved AND f.solved_at <= f.sla_resolution_due_at',
    judged_now: true,
    formula: slaFormula,
    description: 'Resolution targets met, of those met or breached, per the policy of the ticket’s priority.',
    definition: slaDefinition,
  },
  {
    key: 'promise_kept_rate',
    label: 'Promises kept',
    unit: 'percent',
    better: 'higher',
    aggregation: 'rate',
    source: 'ticket_facts',
    // Like SLA attainment, by creation (§4: rates by creation or resolution); an open ticket past its due date is
    // a broken promise, one not yet due is in neither.
    period_column: 'created_at',
    denominator: 'f.due_at IS NOT NULL AND (f.is_solved OR f.due_at < $now::TIMESTAMPTZ)',
    numerator: 'f.promise_kept',
    judged_now: true,
    formula: 'tickets with a due date solved by it ÷ tickets with a due date solved or past it',
    description: 'Share of tickets with a due date that were solved by it.',
    definition: 'Share of tickets with a `due_at` solved by it (setting realistic expectations).',
  },
  {
    key: 'repeat_contact_rate',
    label: 'Repeat contact rate',
    unit: 'percent',
    better: 'lower',
    aggregation: 'rate',
    source: 'ticket_facts',
    period_column: 'solved_at',
    // §4 says "share of requesters": someone with five solved tickets each followed by another counts once.
    share_of: 'requesters',
    denominator: `${solved} AND f.requester_id IS NOT NULL`,
    numerator: 'f.has_repeat_contact_7d',
    formula: 'requesters with another ticket within 7 days of one solved in the period ÷ requesters with a ticket solved in the period',
    description: 'Share of requesters who contacted us again within 7 days of a solved ticket.',
    definition: 'Share of requesters with another ticket within 7 days of a solved one.',
  },
  {
    key: 'recurring_issue_share',
    label: 'Recurring issue share',
    unit: 'percent',
    better: 'lower',
    aggregation: 'recurring_share',
    source: 'ticket_facts',
    period_column: 'created_at',
    recurrence: { earlier_periods: 4, min_earlier_periods: 2, top: 10 },
    formula: 'tickets created in the period in its 10 biggest recurring issues ÷ tickets created in the period',
    description: 'Share of the tickets created in the period that belong to its top 10 recurring issues.',
    definition:
      'Share of tickets that belong to the top recurring issues (PRODUCT.md §5). An issue is the group of tickets with ' +
      'the same problem found from their subject and description text (the issues of `/api/issues`; a ticket without ' +
      'text to group by belongs to no issue). An issue is recurring in a period when it has tickets created in that ' +
      'period and in at least 2 of the 4 periods of the same grain before it (a week’s 4 weeks, a month’s 4 months), ' +
      'looking back past the start of the range. The top recurring issues are the 10 with most tickets created in the ' +
      'period (a tie for the tenth place goes to the older issue, the one with the lower id). Value: tickets created in the ' +
      'period in those issues ÷ all tickets created in the period, those without an issue included. Filters narrow the ' +
      'tickets before anything is counted; grouped, each group (a team, a channel) has its own recurring and top ' +
      'issues, so a group’s value is what filtering on it gives. The total over a range is the sum of the periods’ ' +
      'numerators ÷ the sum of their denominators.',
  },
  {
    key: 'csat',
    label: 'CSAT',
    unit: 'percent',
    better: 'higher',
    aggregation: 'score',
    source: 'feedback_facts',
    period_column: 'submitted_at',
    where: "f.kind = 'csat' AND f.score IS NOT NULL",
    sums: { satisfied: 'f.is_satisfied::INTEGER', answered: '1' },
    value: '100.0 * {satisfied} / nullif({answered}, 0)',
    formula: 'satisfied ÷ answered × 100 (4–5 of 5, good of good/bad, top box of 3)',
    scores: {
      scales: [{ max: 5, min: 1 }, { max: 1, min: 0, names: { 0: 'bad', 1: 'good' } }, { max: 3, min: 1 }],
      bands: [
        // is_satisfied of migration 002, over score and scale alone; the API test checks the satisfied share is the CSAT.
        { key: 'not_satisfied', label: 'Not satisfied', tone: 'negative', when: 'f.score < CASE f.scale_max WHEN 5 THEN 4 WHEN 3 THEN 3 WHEN 1 THEN 1 WHEN 7 THEN 6 WHEN 10 THEN 9 END' },
        { key: 'satisfied', label: 'Satisfied (4–5 of 5, good, 3 of 3)', tone: 'positive', when: 'f.score >= CASE f.scale_max WHEN 5 THEN 4 WHEN 3 THEN 3 WHEN 1 THEN 1 WHEN 7 THEN 6 WHEN 10 THEN 9 END' },
      ],
    },
    description: 'Satisfied answers as a share of answered CSAT surveys.',
    definition:
      'satisfied ÷ answered × 100: top two boxes of a 5-point scale (4–5), "good" of good/bad, top box of a 3-point scale.',
  },
  {
    key: 'csat_response_rate',
    label: 'CSAT response rate',
    unit: 'percent',
    better: 'higher',
    aggregation: 'score',
    source: 'feedback_facts',
    period_column: 'submitted_at',
    where: "f.kind = 'csat'",
    sums: { answered: '(f.score IS NOT NULL)::INTEGER', sent: '1' },
    value: '100.0 * {answered} / nullif({sent}, 0)',
    formula: 'answered ÷ surveys sent × 100',
    description: 'Answered CSAT surveys as a share of those sent.',
    definition: '`csat_response_rate` = answered ÷ surveys sent.',
  },
  {
    key: 'nps',
    label: 'NPS',
    unit: 'score',
    better: 'higher',
    aggregation: 'score',
    source: 'feedback_facts',
    period_column: 'submitted_at',
    where: "f.kind = 'nps' AND f.score IS NOT NULL",
    sums: { promoters: '(f.score >= 9)::INTEGER', detractors: '(f.score <= 6)::INTEGER', answered: '1' },
    value: '100.0 * ({promoters} - {detractors}) / nullif({answered}, 0)',
    formula: '% promoters (9–10) − % detractors (0–6)',
    scores: {
      scales: [{ max: 10, min: 0 }],
      bands: [
        { key: 'detractor', label: 'Detractors (0–6)', tone: 'negative', when: 'f.score <= 6' },
        { key: 'passive', label: 'Passives (7–8)', tone: 'neutral', when: 'f.score > 6 AND f.score < 9' },
        { key: 'promoter', label: 'Promoters (9–10)', tone: 'positive', when: 'f.score >= 9' },
      ],
    },
    description: 'Net Promoter Score, from −100 to +100.',
    definition: '% promoters (9–10) − % detractors (0–6), from −100 to +100.',
  },
  {
    key: 'ces',
    label: 'Customer effort (CES 2.0)',
    unit: 'score',
    better: 'higher',
    aggregation: 'score',
    source: 'feedback_facts',
    period_column: 'submitted_at',
    where: "f.kind = 'ces' AND f.score IS NOT NULL",
    sums: { score: 'f.score', answered: '1' },
    value: '{score} / nullif({answered}, 0)',
    formula: 'mean agreement (1–7) with "made it easy to handle my issue"',
    scores: {
      scales: [{ max: 7, min: 1 }],
      bands: [
        { key: 'not_easy', label: 'Not easy (1–4)', tone: 'negative', when: 'f.score < 5' },
        { key: 'easy', label: 'Easy (5–7)', tone: 'positive', when: 'f.score >= 5' },
      ],
    },
    description: 'Mean Customer Effort Score 2.0 on its 1–7 agreement scale.',
    definition:
      'Customer Effort Score 2.0 ("made it easy to handle my issue", 1–7 agreement): mean, and % scoring 5 or more. Older ' +
      '1–5 "how much effort" scales are reversed on import, stated in the mapping.',
  },
  {
    key: 'ces_easy_share',
    label: 'Customer effort: easy',
    unit: 'percent',
    better: 'higher',
    aggregation: 'score',
    source: 'feedback_facts',
    period_column: 'submitted_at',
    where: "f.kind = 'ces' AND f.score IS NOT NULL",
    sums: { easy: '(f.score >= 5)::INTEGER', answered: '1' },
    value: '100.0 * {easy} / nullif({answered}, 0)',
    formula: 'answers scoring 5 or more of 7 ÷ answers',
    description: 'Share of CES answers scoring 5 or more of 7.',
    definition: 'The % of CES 2.0 answers scoring 5 or more.',
  },
  {
    // An internal service goal (issue 13 §2): how long the front line waits for an answer to a suggestion.
    key: 'suggestion_first_response_time',
    label: 'Time to first response on suggestions',
    unit: 'minutes',
    better: 'lower',
    aggregation: 'duration',
    source: 'suggestion_facts',
    period_column: 'first_response_at',
    // Suggestions are answered by leads and managers, not in a team's customer hours: both modes are calendar time.
    seconds: { calendar: 'first_response_seconds', business: 'first_response_seconds' },
    description: 'Time from a suggestion’s submission to its first answer by a lead or a manager.',
    definition:
      '`first_response_at − created_at` of a suggestion, in calendar time in both hours modes: its first answer is the ' +
      'first move along the workflow or response by a lead or a manager (votes and comments are not answers). A ' +
      'suggestion is counted in the period of its first answer; one still waiting is not measured (the inbox shows it). ' +
      'Filters and groups by team (the author’s team when submitted) and provider; the ticket dimensions match no ' +
      'suggestion.',
  },
];

export const metrics: ReadonlyMap<string, Metric> = new Map(
  declarations.map((declaration) => {
    const metric = metricSchema.parse(declaration);
    return [metric.key, metric];
  }),
);
