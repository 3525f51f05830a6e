// Seeded, deterministic demo data: organisation.json, a Zendesk tickets.csv export, the ServicePulse events.csv
// event log and feedback.csv. Same options and seed ⇒ byte-identical files. See README.md in this folder.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CsvWriter } from './csv.ts';
import { makeFeedback, type Outcome } from './feedback.ts';
import { buildWorld } from './organisation.ts';
import { planTickets } from './plan.ts';
import { Rng } from './random.ts';
import { simulateTicket, type Status } from './simulate.ts';
import { ticketText } from './texts.ts';
import { MINUTE, isoUtc, zendeskTime } from './time.ts';

export interface DemoOptions {
  tickets: number;
  /** Months of history ending at `end` (default 12). */
  months?: number;
  /** Default 20261123. */
  seed?: number;
  /** Export moment; default the fixed 2026-11-16T00:00:00Z so that output is reproducible. */
  end?: Date;
  outDir: string;
}

export interface DemoManifest {
  files: { organisation: string; tickets: string; events: string; feedback: string };
  counts: { tickets: number; events: number; feedback: number };
}

export const DEFAULT_SEED = 20261123;
export const DEFAULT_END = new Date('2026-11-16T00:00:00Z');

export const ticketColumns = [
  'ID', 'Requester', 'Requester ID', 'Requester email', 'Organization', 'Submitter', 'Assignee', 'Group', 'Subject',
  'Description', 'Tags', 'Status', 'Priority', 'Via', 'Ticket type', 'Created at', 'Updated at', 'Assigned at', 'Due date',
  'Solved at', 'Group stations', 'Assignee stations', 'Reopens', 'Replies', 'Category', 'Subcategory', 'Customer type',
] as const;
export const eventColumns = ['ticket_id', 'occurred_at', 'kind', 'actor_id', 'actor_kind', 'from_value', 'to_value'] as const;
export const feedbackColumns = ['feedback_id', 'ticket_id', 'submitted_at', 'kind', 'score', 'scale_max', 'comment', 'channel'] as const;

const statusLabel: Record<Status, string> = {
  new: 'New', open: 'Open', pending: 'Pending', on_hold: 'On-hold', solved: 'Solved', closed: 'Closed',
};
const priorityLabel = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const;
const viaLabel = { email: 'Mail', web: 'Web form', phone: 'Phone call (incoming)', chat: 'Chat', desk: 'In person' } as const;
const channelTag = { email: 'email', web: 'web_form', phone: 'voice', chat: 'chat', social: 'social_media', desk: 'walk_in' } as const;

const time = (t: number | null) => (t === null ? '' : zendeskTime(t));

export async function generateDemo(opts: DemoOptions): Promise<DemoManifest> {
  const tickets = opts.tickets;
  if (!Number.isInteger(tickets) || tickets < 1) throw new Error(`tickets must be a positive integer, got ${tickets}`);
  const months = opts.months ?? 12;
  if (!Number.isInteger(months) || months < 1 || months > 36) throw new Error(`months must be an integer from 1 to 36, got ${months}`);
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const end = opts.end ?? DEFAULT_END;
  if (Number.isNaN(end.getTime())) throw new Error('end is not a valid date');

  const world = buildWorld({ seed, tickets, months, end });
  await mkdir(opts.outDir, { recursive: true });
  const files = {
    organisation: join(opts.outDir, 'organisation.json'),
    tickets: join(opts.outDir, 'tickets.csv'),
    events: join(opts.outDir, 'events.csv'),
    feedback: join(opts.outDir, 'feedback.csv'),
  };
  await writeFile(files.organisation, JSON.stringify(world.organisation, null, 2) + '\n', 'utf8');

  const plans = planTickets(world, tickets, new Rng(seed, 'plan'));
  const simRng = new Rng(seed, 'simulate');
  const textRng = new Rng(seed, 'text');
  const companies = [...new Set(world.customers.filter((c) => c.kind === 'external').map((c) => c.organization))].sort();
  const ticketOut = new CsvWriter(files.tickets, ticketColumns);
  const eventOut = new CsvWriter(files.events, eventColumns);
  const outcomes: Outcome[] = [];
  const end_ = world.timeline.end;

  try {
    for (const plan of plans) {
      const sim = simulateTicket(world, plan, simRng);
      const text = ticketText(textRng, plan, companies);
      const { customer, issue } = plan;
      const agentCreated = plan.channel === 'phone' || plan.channel === 'desk';
      const creator = sim.events[0]!;
      const submitter = agentCreated ? nameOfAgent(world, creator.actor) : customer.name;

      // Tags as agents and triggers leave them: issue tags, channel, language, flags, escalation, incidents.
      const tags = [...issue.tags, channelTag[plan.channel]];
      if (plan.lang !== 'en') tags.push(`lang_${plan.lang}`);
      if (customer.kind === 'internal') tags.push('internal');
      if (customer.flags.has('vip')) tags.push('vip');
      if (customer.flags.has('abusive')) tags.push('abusive_customer');
      if (customer.flags.has('legal_threat')) tags.push('legal_threat');
      if (sim.escalations > 0) tags.push('escalated');
      if (plan.repeatOf && textRng.chance(0.5)) tags.push('repeat_contact');
      if (plan.inSpike && issue.spike === 'outage') tags.push('incident_payment_outage');
      if (plan.inSpike && issue.spike === 'release') tags.push('app_5_2_0_login_crash');
      // Agents forget the category field on some tickets: the text has to tell what they are about.
      const categorised = sim.status === 'new' ? textRng.chance(0.5) : textRng.chance(0.93);

      await ticketOut.row([
        plan.id,
        customer.name,
        customer.customer_id,
        customer.email,
        customer.organization,
        submitter,
        sim.assignee?.name ?? '',
        sim.team.name,
        text.subject,
        text.description,
        [...new Set(tags)].join(' '),
        statusLabel[sim.status],
        priorityLabel[sim.priority],
        plan.channel === 'social' ? text.social ?? 'Twitter' : viaLabel[plan.channel],
        plan.type,
        time(plan.created),
        time(sim.updatedAt),
        time(sim.assignedAt),
        time(sim.dueAt),
        time(sim.solvedAt),
        sim.groupStations,
        sim.assigneeStations,
        sim.reopens,
        sim.replies,
        categorised ? issue.category : '',
        categorised ? issue.subcategory : '',
        customer.kind,
      ]);
      // Event fields never contain a comma, quote or line break (ids, kinds, levels): no quoting needed.
      for (const e of sim.events) {
        const pending = eventOut.raw(`${plan.id},${isoUtc(e.t)},${e.kind},${e.actor},${e.actorKind},${e.from},${e.to}\n`);
        if (pending) await pending;
      }
      outcomes.push({
        plan,
        solvedAt: sim.solvedAt,
        resolved: sim.status === 'solved' || sim.status === 'closed',
        firstResponseMinutes: sim.firstResponseAt === null ? null : (sim.firstResponseAt - plan.created) / MINUTE,
        reopens: sim.reopens,
        escalations: sim.escalations,
        groupStations: sim.groupStations,
        replies: sim.replies,
        lastReplier: sim.lastReplier,
        autoSolved: sim.autoSolved,
        team: sim.team,
      });
      if (sim.updatedAt >= end_) throw new Error(`ticket ${plan.id} has an event after the end`);
    }
  } finally {
    await Promise.all([ticketOut.close(), eventOut.close()]);
  }

  const feedback = makeFeedback(world, outcomes, new Rng(seed, 'feedback'));
  const feedbackOut = new CsvWriter(files.feedback, feedbackColumns);
  try {
    let n = 0;
    for (const f of feedback) {
      n++;
      await feedbackOut.row([`F${String(n).padStart(7, '0')}`, f.ticketId, isoUtc(f.submittedAt), f.kind, f.score, f.scaleMax, f.comment, f.channel]);
    }
  } finally {
    await feedbackOut.close();
  }

  return { files, counts: { tickets: ticketOut.rows, events: eventOut.rows, feedback: feedbackOut.rows } };
}

const agentNames = new WeakMap<object, Map<string, string>>();
function nameOfAgent(world: Parameters<typeof makeFeedback>[0], agentId: string): string {
  let names = agentNames.get(world);
  if (!names) {
    names = new Map(world.teamList.flatMap((t) => t.agents.map((a) => [a.agent_id, a.name] as const)));
    agentNames.set(world, names);
  }
  return names.get(agentId) ?? '';
}
