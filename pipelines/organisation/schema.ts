// The organisation file: who we are (teams, calendars, agents, customers, SLA policies, users, suggestions).
// Helpdesk exports do not carry this, so it is its own small JSON document, validated here before any write.
import { z } from 'zod';
import { isoDate, teamLocalDate } from '../../common/iso-date.ts';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM (00:00–24:00)');
const isoInstant = z.string().datetime({ offset: true });
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const weekdayNames = weekdays;

/**
 * Bounds of a calendar. Saving one recomputes its team's facts on the single writer, and the work grows with
 * its days and intervals (50,000 holidays held the writer for 35 s): 24 intervals a day is an opening every
 * hour; 1,000 holidays is a century of ten a year.
 */
export const calendarLimits = { intervalsPerDay: 24, holidays: 1_000, nameLength: 200 } as const;

/** A day's open intervals: each opening before it closes, none overlapping (overlaps would count twice). */
const dayHours = z.array(z.tuple([clock, clock])).max(calendarLimits.intervalsPerDay).superRefine((intervals, context) => {
  const sorted = [...intervals].sort((a, b) => a[0].localeCompare(b[0]));
  sorted.forEach(([opens, closes], i) => {
    if (closes <= opens) context.addIssue({ code: 'custom', message: `${opens}–${closes} closes before it opens` });
    const next = sorted[i + 1];
    if (next && next[0] < closes) context.addIssue({ code: 'custom', message: `${opens}–${closes} overlaps ${next[0]}–${next[1]}` });
  });
});

export const calendarSchema = z.strictObject({
  /** Open intervals per weekday in the team's time zone, e.g. { mon: [["08:00", "16:00"]] }. */
  weekly: z.partialRecord(z.enum(weekdays), dayHours),
  /** Days off the weekly pattern: closed, or open only during `hours` (e.g. Christmas Eve 09:00–12:00). */
  holidays: z
    .array(z.strictObject({ day: teamLocalDate, name: z.string().min(1).max(calendarLimits.nameLength), hours: dayHours.default([]) }))
    .max(calendarLimits.holidays)
    .superRefine((holidays, context) => {
      // One row per day: a second entry for a day would say two things about it.
      const seen = new Map<string, number>();
      holidays.forEach(({ day }, i) => {
        if (seen.has(day)) context.addIssue({ code: 'custom', path: [i, 'day'], message: `${day} is listed twice (also at holidays.${seen.get(day)})` });
        else seen.set(day, i);
      });
    })
    .default([]),
});

export type Calendar = z.infer<typeof calendarSchema>;

export const teamSchema = z.strictObject({
  team_id: z.string().min(1).meta({ description: 'The id tickets and event logs name the team by (they may also use its name).' }),
  name: z.string().min(1).meta({ description: 'Unique among teams.' }),
  time_zone: z.string().min(1).meta({ description: 'IANA zone (Europe/Zagreb) of its calendar and holidays.' }),
  provider_kind: z.enum(['in_house', 'outsourced', 'independent']).meta({ description: 'Who provides the team: the `provider` dimension.' }),
  provider_name: z.string().nullable().default(null).meta({ description: "The vendor's name, for an outsourced or independent team." }),
  support_level: z.number().int().min(1).max(3).default(1).meta({ description: 'Support level (tier) 1–3: a move to a team of a higher level is an escalation.' }),
  is_escalation_team: z.boolean().default(false).meta({ description: 'A move to this team is an escalation whatever its level.' }),
  calendar: calendarSchema.meta({ description: 'Business hours: weekly open intervals and holidays, in the team’s time zone. `{"weekly": {}}` is never open.' }),
});

export const agentSchema = z.strictObject({
  agent_id: z.string().min(1).meta({ description: 'The id exports name the agent by (a ticket’s assignee, an event’s actor; or its name).' }),
  name: z.string().min(1),
  email: z.string().nullable().default(null),
  team_id: z.string().min(1),
  support_level: z.number().int().min(1).max(3).default(1),
  is_bot: z.boolean().default(false).meta({ description: 'Its replies never count as a response.' }),
});

export const customerSchema = z.strictObject({
  customer_id: z.string().min(1),
  name: z.string().nullable().default(null),
  email: z.string().nullable().default(null),
  kind: z.enum(['external', 'internal']).meta({ description: 'An internal customer is a colleague (the `requester_kind` dimension).' }),
  organization: z.string().nullable().default(null),
  flags: z
    .array(
      z.strictObject({
        flag: z.enum(['abusive', 'legal_threat', 'vip']).meta({ description: 'Shown on the customer’s tickets; a lead may clear or set flags too.' }),
        set_by: z.string().min(1),
        set_at: isoInstant,
        note: z.string().nullable().default(null),
      }),
    )
    .default([]),
});

export const slaPolicySchema = z.strictObject({
  policy_id: z.string().min(1),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  target: z.enum(['first_response', 'resolution']),
  target_minutes: z.number().int().positive(),
  hours: z.enum(['business', 'calendar']).meta({ description: 'Whether the target counts the team’s business minutes or every minute.' }),
});

export const userSchema = z.strictObject({
  user_id: z.string().min(1),
  display_name: z.string().min(1),
  email: z.string().nullable().default(null),
  role: z.enum(['admin', 'manager', 'lead', 'agent']).meta({ description: 'What the person may do and see (docs/accounts.md); the account gets no password from the file.' }),
  team_id: z.string().nullable().default(null),
  agent_id: z.string().nullable().default(null),
});

const suggestionStatus = z.enum(['new', 'under_review', 'accepted', 'in_progress', 'implemented', 'declined']);

export const suggestionSchema = z.strictObject({
  /** Stable within the file; becomes the suggestion's id. */
  suggestion_id: z.number().int().positive(),
  title: z.string().min(1),
  description: z.string().min(1),
  author_id: z.string().min(1),
  anonymous: z.boolean().default(false),
  status: suggestionStatus,
  response: z.string().nullable().default(null),
  decline_reason: z.string().nullable().default(null),
  implemented_on: isoDate.nullable().default(null),
  issue_key: z.string().nullable().default(null),
  created_at: isoInstant,
  votes: z.array(z.strictObject({ user_id: z.string().min(1), voted_at: isoInstant })).default([]),
  comments: z.array(z.strictObject({ author_id: z.string().min(1), body: z.string().min(1), created_at: isoInstant })).default([]),
  /** Status history after creation, oldest first. */
  history: z
    .array(z.strictObject({ at: isoInstant, actor_id: z.string().min(1), from: suggestionStatus, to: suggestionStatus, note: z.string().nullable().default(null) }))
    .default([]),
});

export const organisationSchema = z.strictObject({
  teams: z.array(teamSchema).min(1).meta({ description: 'Teams the file names replace the stored ones of the same id or name; others stay.' }),
  agents: z.array(agentSchema).default([]).meta({ description: 'Agents the file names replace the stored ones of the same id; others stay.' }),
  customers: z.array(customerSchema).default([]).meta({ description: 'Replaced as a whole; flags a lead set stay.' }),
  sla_policies: z.array(slaPolicySchema).default([]).meta({ description: 'Replaced as a whole. A ticket without a policy follows the only one, when there is one.' }),
  users: z.array(userSchema).default([]).meta({ description: 'Accounts the database does not have yet are added; existing ones are left as they are.' }),
  suggestions: z.array(suggestionSchema).default([]).meta({ description: 'Suggestions the database does not have yet are added, with their votes, comments and history.' }),
});

export type Organisation = z.infer<typeof organisationSchema>;
export type OrganisationInput = z.input<typeof organisationSchema>;
