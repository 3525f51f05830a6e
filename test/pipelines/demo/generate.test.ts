import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoManifest } from '../../../pipelines/demo/generate.ts';
import { buildTimeline } from '../../../pipelines/demo/organisation.ts';
import { issues as demoProblems } from '../../../pipelines/demo/vocabulary.ts';
import { organisationSchema, type Organisation } from '../../../pipelines/organisation/schema.ts';

// An independent RFC 4180 reader (quoted fields with commas, doubled quotes and line breaks), so the test
// does not trust the generator's own writer.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function readTable(file: string): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const [header, ...body] = parseCsv(await readFile(file, 'utf8'));
  return { header: header!, rows: body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? '']))) };
}

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');
const fromZendesk = (s: string) => (s ? s.replace(' ', 'T') + 'Z' : '');
const DAY = 86_400_000;

const ticketHeader = 'ID,Requester,Requester ID,Requester email,Organization,Submitter,Assignee,Group,Subject,Description,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Assigned at,Due date,Solved at,Group stations,Assignee stations,Reopens,Replies,Category,Subcategory,Customer type';
const eventHeader = 'ticket_id,occurred_at,kind,actor_id,actor_kind,from_value,to_value';
const feedbackHeader = 'feedback_id,ticket_id,submitted_at,kind,score,scale_max,comment,channel';
const statusOf: Record<string, string> = { New: 'new', Open: 'open', Pending: 'pending', 'On-hold': 'on_hold', Solved: 'solved', Closed: 'closed' };

const SIZE = 2000;
let root: string;
let manifest: DemoManifest;
let org: Organisation;
let tickets: Record<string, string>[];
let events: Record<string, string>[];
let feedback: Record<string, string>[];
let headers: { tickets: string[]; events: string[]; feedback: string[] };
const eventsByTicket = new Map<string, Record<string, string>[]>();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'servicepulse-demo-'));
  manifest = await generateDemo({ tickets: SIZE, seed: 7, outDir: join(root, 'a') });
  org = organisationSchema.parse(JSON.parse(await readFile(manifest.files.organisation, 'utf8')));
  const t = await readTable(manifest.files.tickets);
  const e = await readTable(manifest.files.events);
  const f = await readTable(manifest.files.feedback);
  headers = { tickets: t.header, events: e.header, feedback: f.header };
  tickets = t.rows;
  events = e.rows;
  feedback = f.rows;
  for (const ev of events) {
    const list = eventsByTicket.get(ev.ticket_id!) ?? [];
    list.push(ev);
    eventsByTicket.set(ev.ticket_id!, list);
  }
}, 60_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('determinism', () => {
  it('writes byte-identical files for the same seed and options, different ones for another seed', async () => {
    const again = await generateDemo({ tickets: SIZE, seed: 7, outDir: join(root, 'b') });
    const other = await generateDemo({ tickets: SIZE, seed: 8, outDir: join(root, 'c') });
    for (const kind of ['organisation', 'tickets', 'events', 'feedback'] as const) {
      const first = await sha256(manifest.files[kind]);
      expect(await sha256(again.files[kind]), kind).toBe(first);
      expect(await sha256(other.files[kind]), kind).not.toBe(first);
    }
    expect(again.counts).toEqual(manifest.counts);
  }, 60_000);
});

describe('organisation.json', () => {
  it('passes the organisation schema with the teams the demo needs', () => {
    expect(org.teams).toHaveLength(6);
    expect(new Set(org.teams.map((t) => t.time_zone)).size).toBe(6);
    const escalation = org.teams.filter((t) => t.is_escalation_team);
    expect(escalation).toHaveLength(1);
    expect(escalation[0]!.support_level).toBe(2);
    const vendor = org.teams.find((t) => t.provider_kind === 'outsourced')!;
    expect(vendor).toMatchObject({ time_zone: 'Asia/Manila', provider_name: 'Manila Contact Partners' });
    expect(vendor.calendar.weekly.sat?.length).toBeGreaterThan(0);
    expect(org.teams.filter((t) => t.provider_kind === 'independent')).toHaveLength(1);
    // Real holidays of the country, inside the range: Christmas in Zagreb, Thanksgiving 2025 in New York.
    expect(org.teams.find((t) => t.team_id === 'zagreb')!.calendar.holidays).toContainEqual({ day: '2025-12-25', name: 'Božić', hours: [] });
    expect(org.teams.find((t) => t.team_id === 'new_york')!.calendar.holidays).toContainEqual({ day: '2025-11-27', name: 'Thanksgiving Day', hours: [] });
  });

  it('has ~60 uniquely named agents with levels 1–3, one bot, and users linked to agents', () => {
    const humans = org.agents.filter((a) => !a.is_bot);
    expect(humans.length).toBeGreaterThanOrEqual(55);
    expect(org.agents.filter((a) => a.is_bot)).toHaveLength(1);
    expect(new Set(org.agents.map((a) => a.name)).size).toBe(org.agents.length);
    expect(new Set(humans.map((a) => a.support_level))).toEqual(new Set([1, 2, 3]));
    const roles = org.users.map((u) => u.role);
    expect(roles.filter((r) => r === 'admin')).toHaveLength(1);
    expect(roles.filter((r) => r === 'manager')).toHaveLength(2);
    expect(roles.filter((r) => r === 'lead')).toHaveLength(org.teams.length);
    const agentIds = new Set(org.agents.map((a) => a.agent_id));
    for (const u of org.users.filter((u) => u.role === 'agent')) expect(agentIds.has(u.agent_id!)).toBe(true);
    expect(org.users.map((u) => u.user_id)).toContain('ana.kovac');
  });

  it('has internal and external customers, and 5–10 flagged ones flagged by a lead', () => {
    const internal = org.customers.filter((c) => c.kind === 'internal');
    expect(internal.length / org.customers.length).toBeCloseTo(0.08, 2);
    for (const c of internal) expect(c.organization).toMatch(/^Internal – /);
    const flagged = org.customers.filter((c) => c.flags.length > 0);
    expect(flagged.length).toBeGreaterThanOrEqual(5);
    expect(flagged.length).toBeLessThanOrEqual(10);
    const leads = new Set(org.users.filter((u) => u.role === 'lead').map((u) => u.user_id));
    for (const f of flagged.flatMap((c) => c.flags)) expect(leads.has(f.set_by)).toBe(true);
    expect(new Set(flagged.flatMap((c) => c.flags.map((f) => f.flag)))).toEqual(new Set(['abusive', 'legal_threat', 'vip']));
  });

  it('has an SLA target for every priority and target kind', () => {
    expect(org.sla_policies).toHaveLength(8);
    expect(org.sla_policies.find((p) => p.priority === 'urgent' && p.target === 'first_response')!.target_minutes).toBe(60);
  });

  it('has ~30 suggestions across the lifecycle with consistent history, votes and reasons', () => {
    expect(org.suggestions.length).toBeGreaterThanOrEqual(25);
    expect(new Set(org.suggestions.map((s) => s.status))).toEqual(new Set(['new', 'under_review', 'accepted', 'in_progress', 'implemented', 'declined']));
    const userIds = new Set(org.users.map((u) => u.user_id));
    for (const s of org.suggestions) {
      expect(userIds.has(s.author_id)).toBe(true);
      expect(s.history.at(-1)?.to ?? 'new').toBe(s.status);
      s.history.forEach((h, i) => expect(h.from).toBe(i === 0 ? 'new' : s.history[i - 1]!.to));
      expect(new Set(s.votes.map((v) => v.user_id)).size).toBe(s.votes.length);
      expect(s.votes.map((v) => v.user_id)).not.toContain(s.author_id);
      if (s.status === 'declined') expect(s.decline_reason).toBeTruthy();
      if (s.status === 'implemented') expect(s.implemented_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(org.suggestions.filter((s) => s.issue_key).length).toBeGreaterThanOrEqual(10);
  });
});

describe('CSV files', () => {
  it('have exactly the contracted headers', () => {
    expect(headers.tickets.join(',')).toBe(ticketHeader);
    expect(headers.events.join(',')).toBe(eventHeader);
    expect(headers.feedback.join(',')).toBe(feedbackHeader);
  });

  it('have the requested number of tickets, numbered from 10001 in creation order', () => {
    expect(tickets).toHaveLength(SIZE);
    expect(manifest.counts).toEqual({ tickets: SIZE, events: events.length, feedback: feedback.length });
    tickets.forEach((t, i) => expect(t.ID).toBe(String(10001 + i)));
    for (let i = 1; i < tickets.length; i++) expect(tickets[i]!['Created at']! >= tickets[i - 1]!['Created at']!).toBe(true);
  });

  it('use the vocabularies and formats of the contract', () => {
    const zendeskTime = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    const teamNames = new Set(org.teams.map((t) => t.name));
    const agentNames = new Set(org.agents.map((a) => a.name));
    const customers = new Map(org.customers.map((c) => [c.customer_id, c]));
    for (const t of tickets) {
      expect(Object.keys(statusOf)).toContain(t.Status);
      expect(['Low', 'Normal', 'High', 'Urgent']).toContain(t.Priority);
      expect(['Mail', 'Web form', 'Phone call (incoming)', 'Chat', 'Twitter', 'Facebook', 'In person']).toContain(t.Via);
      expect(['question', 'incident', 'problem', 'task']).toContain(t['Ticket type']);
      expect(t['Created at']).toMatch(zendeskTime);
      for (const col of ['Updated at', 'Assigned at', 'Due date', 'Solved at']) if (t[col]) expect(t[col]).toMatch(zendeskTime);
      expect(teamNames.has(t.Group!)).toBe(true);
      if (t.Assignee) expect(agentNames.has(t.Assignee)).toBe(true);
      const customer = customers.get(t['Requester ID']!)!;
      expect(customer.name).toBe(t.Requester);
      expect(customer.kind).toBe(t['Customer type']);
      expect(t.Tags).toMatch(/^[a-z0-9_ ]+$/);
      const agentCreated = t.Via === 'Phone call (incoming)' || t.Via === 'In person';
      expect(agentNames.has(t.Submitter!)).toBe(agentCreated);
    }
    // Multi-line descriptions survive the quoting.
    expect(tickets.some((t) => t.Description!.includes('\n'))).toBe(true);
  });
});

describe('events.csv', () => {
  it('belongs to existing tickets, in ticket then time order, each starting with `created` at Created at', () => {
    const ids = new Set(tickets.map((t) => t.ID));
    for (const e of events) expect(ids.has(e.ticket_id)).toBe(true);
    expect(eventsByTicket.size).toBe(tickets.length);
    for (let i = 1; i < events.length; i++) {
      const [a, b] = [events[i - 1]!, events[i]!];
      if (a.ticket_id === b.ticket_id) expect(b.occurred_at! >= a.occurred_at!).toBe(true);
      else expect(Number(b.ticket_id)).toBeGreaterThan(Number(a.ticket_id));
    }
    for (const t of tickets) {
      const first = eventsByTicket.get(t.ID!)![0]!;
      expect(first.kind).toBe('created');
      expect(first.occurred_at).toBe(fromZendesk(t['Created at']!));
      expect(first.actor_kind).toBe(t.Via === 'Phone call (incoming)' || t.Via === 'In person' ? 'agent' : 'customer');
    }
    for (const e of events) {
      expect(e.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(e.occurred_at! < '2026-11-16T00:00:00Z').toBe(true);
    }
  });

  it('agrees with the summary columns of tickets.csv (recounted here)', () => {
    for (const t of tickets) {
      const list = eventsByTicket.get(t.ID!)!;
      const solved = list.filter((e) => e.kind === 'solved').map((e) => e.occurred_at!);
      if (solved.length) expect(fromZendesk(t['Solved at']!), t.ID).toBe(solved.at(-1));
      else expect(t['Solved at'], t.ID).toBe('');
      expect(Number(t.Reopens)).toBe(list.filter((e) => e.kind === 'reopened').length);
      expect(Number(t.Replies)).toBe(list.filter((e) => e.kind === 'agent_reply' && e.actor_kind === 'agent').length);
      expect(Number(t['Group stations'])).toBe(1 + list.filter((e) => e.kind === 'team_change').length);
      expect(Number(t['Assignee stations'])).toBe(list.filter((e) => e.kind === 'assign').length);
      const lastStatus = list.filter((e) => e.kind === 'status_change').at(-1)?.to_value ?? 'new';
      expect(statusOf[t.Status!]).toBe(lastStatus);
      expect(fromZendesk(t['Updated at']!)).toBe(list.at(-1)!.occurred_at);
    }
  });

  it('is internally consistent: solves, reopens, waits, closes, escalations', () => {
    let closed = 0;
    let closedLate = 0;
    for (const [id, list] of eventsByTicket) {
      let status = 'new';
      let level = 1;
      let lastSolved = 0;
      for (const e of list) {
        if (e.kind === 'solved') {
          expect(list.some((x) => x.kind === 'status_change' && x.to_value === 'solved' && x.occurred_at === e.occurred_at), id).toBe(true);
          lastSolved = Date.parse(e.occurred_at!);
        }
        if (e.kind === 'reopened') expect([e.from_value, e.to_value]).toEqual(['solved', 'open']);
        if (e.kind === 'status_change') {
          expect(e.from_value, id).toBe(status);
          const waitKind = e.to_value === 'pending' ? 'wait_start' : e.from_value === 'pending' ? 'wait_end' : null;
          if (waitKind) expect(list.some((x) => x.kind === waitKind && x.occurred_at === e.occurred_at), id).toBe(true);
          status = e.to_value!;
        }
        if (e.kind === 'escalate' || e.kind === 'deescalate') {
          expect(Number(e.from_value)).toBe(level);
          level = Number(e.to_value);
          expect(e.kind === 'escalate' ? level > Number(e.from_value) : level < Number(e.from_value)).toBe(true);
        }
        if (e.kind === 'closed') {
          closed++;
          if (Date.parse(e.occurred_at!) - lastSolved >= DAY) closedLate++;
        }
        if (e.kind === 'agent_reply') expect(['agent', 'bot']).toContain(e.actor_kind);
      }
    }
    expect(closedLate / closed).toBeGreaterThan(0.9);
    const kinds = new Set(events.map((e) => e.kind));
    for (const k of ['internal_note', 'escalate', 'deescalate', 'team_change', 'priority_change', 'reopened', 'wait_start', 'wait_end']) expect(kinds.has(k), k).toBe(true);
    expect(events.some((e) => e.kind === 'agent_reply' && e.actor_kind === 'bot')).toBe(true);
  });

  it('has realistic rates: escalations 6–14 %, reopens 3–10 % of solved, phone often solved in the call', () => {
    const escalated = tickets.filter((t) => eventsByTicket.get(t.ID!)!.some((e) => e.kind === 'escalate')).length;
    expect(escalated / tickets.length).toBeGreaterThan(0.06);
    expect(escalated / tickets.length).toBeLessThan(0.14);
    const solved = tickets.filter((t) => t['Solved at']);
    const reopened = solved.filter((t) => Number(t.Reopens) > 0).length;
    expect(reopened / solved.length).toBeGreaterThan(0.03);
    expect(reopened / solved.length).toBeLessThan(0.1);
    const phone = tickets.filter((t) => t.Via === 'Phone call (incoming)');
    const inCall = phone.filter((t) => t.Replies === '1' && Date.parse(fromZendesk(t['Solved at']!)) - Date.parse(fromZendesk(t['Created at']!)) < 20 * 60_000);
    expect(inCall.length / phone.length).toBeGreaterThan(0.3);
  });
});

describe('spikes', () => {
  it.each([
    ['Mobile app', 'Crash on login after update'],
    ['Payments', 'Payment provider outage'],
  ])('%s / %s has far more tickets in the last 3 weeks than its prior weekly mean', (category, subcategory) => {
    const end = Date.parse('2026-11-16T00:00:00Z');
    const cut = end - 21 * DAY;
    const start = Date.parse(fromZendesk(tickets[0]!['Created at']!));
    // The problem's own tags start a ticket's Tags (vocabulary.ts): the agents' Category is often still empty on
    // tickets opened in the last days, as the outage's are.
    const tags = demoProblems.find((p) => p.category === category && p.subcategory === subcategory)!.tags.join(' ');
    const issue = tickets.filter((t) => t.Tags === tags || t.Tags!.startsWith(`${tags} `));
    const recent = issue.filter((t) => Date.parse(fromZendesk(t['Created at']!)) >= cut).length;
    const before = issue.length - recent;
    const priorWeeklyMean = before / ((cut - start) / (7 * DAY));
    // 2,000 tickets over a year: the problem's usual weekly mean is well under one ticket, and the outage's days in
    // the data (it hits on the Friday before this Monday end) bring 4 here.
    expect(recent).toBeGreaterThanOrEqual(4);
    expect(recent / 3).toBeGreaterThan(4 * priorWeeklyMean);
  });
});

describe('the spikes’ days (buildTimeline)', () => {
  // Ends on each day of a week, Monday 16 Nov 2026 to Sunday 22 Nov (each the midnight starting that day, so the last
  // day of data is the day before). The outage must fall in the week (from Monday) holding the last day, before the
  // end, on a weekday when that week has one before the end; the release on a Tuesday 14–20 days before the end.
  const weekday = (ms: number) => new Date(ms).getUTCDay(); // 0 Sunday
  const mondayOf = (ms: number) => ms - ((weekday(ms) + 6) % 7) * DAY;
  it.each([16, 17, 18, 19, 20, 21, 22])('ending at midnight on 2026-11-%i: the outage is in the last day’s week', (date) => {
    const end = Date.UTC(2026, 10, date);
    const lastDay = end - DAY;
    const timeline = buildTimeline(new Date(end), 12);
    const outageDay = Math.floor(timeline.outageAt / DAY) * DAY;
    expect(outageDay).toBeGreaterThanOrEqual(mondayOf(lastDay));
    expect(timeline.outageAt).toBeLessThan(end);
    expect(outageDay).toBeLessThanOrEqual(lastDay);
    // Never on a weekend day: the week's Monday is always there to fall back on.
    expect([0, 6]).not.toContain(weekday(outageDay));
    expect(weekday(timeline.releaseAt)).toBe(2);
    expect((end - timeline.releaseAt) / DAY).toBeGreaterThan(13);
    expect((end - timeline.releaseAt) / DAY).toBeLessThan(21);
  });
  it('puts the outage two to four days before the end when the last day’s week allows it', () => {
    // End Monday 16 Nov: last day Sunday 15, the outage on Friday 13 (Sunday − 2). End Saturday 21: last day Friday
    // 20, the outage on Wednesday 18. End Tuesday 17: last day Monday 16, the week's only day: the outage that Monday.
    const day = (end: number) => new Date(buildTimeline(new Date(end), 12).outageAt).toISOString().slice(0, 10);
    expect(day(Date.UTC(2026, 10, 16))).toBe('2026-11-13');
    expect(day(Date.UTC(2026, 10, 21))).toBe('2026-11-18');
    expect(day(Date.UTC(2026, 10, 17))).toBe('2026-11-16');
  });
});

describe('feedback.csv', () => {
  it('refers to existing tickets, after they were solved, with scores inside their scale', () => {
    const solvedAt = new Map(tickets.map((t) => [t.ID, t['Solved at'] ? Date.parse(fromZendesk(t['Solved at'])) : null]));
    expect(new Set(feedback.map((f) => f.feedback_id)).size).toBe(feedback.length);
    for (const f of feedback) {
      expect(solvedAt.has(f.ticket_id)).toBe(true);
      expect(solvedAt.get(f.ticket_id)).not.toBeNull();
      expect(Date.parse(f.submitted_at!)).toBeGreaterThanOrEqual(solvedAt.get(f.ticket_id)!);
      const scale = { csat: ['1', '5'], nps: ['10'], ces: ['7'] }[f.kind as 'csat' | 'nps' | 'ces'];
      expect(scale).toContain(f.scale_max);
      if (f.score !== '') {
        const score = Number(f.score);
        expect(score).toBeGreaterThanOrEqual(f.kind === 'ces' ? 1 : f.kind === 'csat' && f.scale_max === '5' ? 1 : 0);
        expect(score).toBeLessThanOrEqual(Number(f.scale_max));
      } else expect(f.comment).toBe('');
    }
    for (const kind of ['csat', 'nps', 'ces']) expect(feedback.some((f) => f.kind === kind && f.score !== ''), kind).toBe(true);
    expect(feedback.some((f) => f.score === '')).toBe(true);
    expect(feedback.some((f) => f.kind === 'csat' && f.scale_max === '1')).toBe(true);
  });

  it('scores worse after reopens and slow first replies', () => {
    const byId = new Map(tickets.map((t) => [t.ID, t]));
    const csat = feedback.filter((f) => f.kind === 'csat' && f.scale_max === '5' && f.score !== '');
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const reopened = csat.filter((f) => byId.get(f.ticket_id)!.Reopens !== '0').map((f) => Number(f.score));
    const clean = csat.filter((f) => byId.get(f.ticket_id)!.Reopens === '0').map((f) => Number(f.score));
    expect(reopened.length).toBeGreaterThan(5);
    expect(mean(reopened)).toBeLessThan(mean(clean) - 0.5);
    const satisfied = csat.filter((f) => Number(f.score) >= 4).length / csat.length;
    expect(satisfied).toBeGreaterThan(0.65);
    expect(satisfied).toBeLessThan(0.95);
  });
});
