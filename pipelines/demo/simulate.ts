// Simulates one ticket's life as an event log: first response in the team's business hours (or at once on
// chat and phone), back and forth with pending periods waiting on the customer, transfers, escalations to level
// 2/3 and back, priority changes, internal notes and bot replies, solving, reopening and the automatic close.
// The whole life is simulated, then cut at the export moment (`end`), which leaves a realistic backlog.
import type { AgentModel, TeamModel, World } from './organisation.ts';
import type { Plan, Priority } from './plan.ts';
import type { Rng } from './random.ts';
import { DAY, HOUR, MINUTE, weekdayOf } from './time.ts';

export type Status = 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
export type EventKind =
  | 'created' | 'agent_reply' | 'customer_reply' | 'internal_note' | 'status_change' | 'assign' | 'team_change'
  | 'priority_change' | 'escalate' | 'deescalate' | 'solved' | 'reopened' | 'closed' | 'wait_start' | 'wait_end';
export type ActorKind = 'agent' | 'customer' | 'bot' | 'system';

export interface TicketEvent {
  t: number;
  kind: EventKind;
  actor: string;
  actorKind: ActorKind;
  from: string;
  to: string;
}

export interface SimResult {
  /** Events up to the export moment, in time order. */
  events: TicketEvent[];
  status: Status;
  priority: Priority;
  team: TeamModel;
  assignee: AgentModel | null;
  assignedAt: number | null;
  updatedAt: number;
  solvedAt: number | null;
  /** Per Zendesk's rule (second public comment on agent-created tickets; creation when solved in the call). */
  firstResponseAt: number | null;
  dueAt: number | null;
  replies: number;
  customerReplies: number;
  reopens: number;
  groupStations: number;
  assigneeStations: number;
  escalations: number;
  maxLevel: number;
  /** The agent who last replied in public (thanked or blamed in feedback). */
  lastReplier: AgentModel | null;
  /** Solved by the automation after the customer did not answer a pending question. */
  autoSolved: boolean;
}

const priorityFactor: Record<Priority, number> = { urgent: 0.25, high: 0.45, normal: 1, low: 1.5 };
const channelFactor: Record<string, number> = { email: 1, web: 0.9, social: 0.5, chat: 1, phone: 1, desk: 1 };
const up: Record<Priority, Priority> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };
const down: Record<Priority, Priority> = { low: 'low', normal: 'low', high: 'normal', urgent: 'high' };

const ceilSecond = (t: number) => Math.ceil(t / 1000) * 1000;

class TicketSim {
  readonly ev: TicketEvent[] = [];
  status: Status = 'new';
  team: TeamModel;
  agent: AgentModel | null = null;
  level = 1;
  priority: Priority;
  last = 0;
  autoSolved = false;
  /** Bad-release tickets wait on hold for the fix (iOS hotfix, or an Android fix due after the export). */
  holdUntil = 0;
  private readonly customerId: string;

  constructor(
    private readonly world: World,
    private readonly plan: Plan,
    private readonly rng: Rng,
  ) {
    this.team = plan.firstTeam;
    this.priority = plan.priority;
    this.customerId = plan.customer.customer_id;
  }

  push(t: number, kind: EventKind, actor: string, actorKind: ActorKind, from = '', to = ''): number {
    t = Math.max(ceilSecond(t), this.last);
    this.last = t;
    this.ev.push({ t, kind, actor, actorKind, from, to });
    return t;
  }

  setStatus(t: number, to: Status, actor: string, actorKind: ActorKind): void {
    if (to === this.status) return;
    const from = this.status;
    t = this.push(t, 'status_change', actor, actorKind, from, to);
    if (from === 'pending') this.push(t, 'wait_end', actor, actorKind);
    if (to === 'pending') this.push(t, 'wait_start', actor, actorKind);
    this.status = to;
  }

  assign(t: number, agent: AgentModel, by: AgentModel): number {
    if (this.agent === agent) return t;
    t = this.push(t, 'assign', by.agent_id, 'agent', this.agent?.agent_id ?? '', agent.agent_id);
    this.agent = agent;
    return t;
  }

  changeTeam(t: number, team: TeamModel, by: AgentModel): number {
    t = this.push(t, 'team_change', by.agent_id, 'agent', this.team.team_id, team.team_id);
    this.team = team;
    return t;
  }

  reply(t: number, agent: AgentModel): number {
    return this.push(t, 'agent_reply', agent.agent_id, 'agent');
  }

  note(t: number, agent: AgentModel): number {
    return this.push(t, 'internal_note', agent.agent_id, 'agent');
  }

  customerReply(t: number): number {
    return this.push(t, 'customer_reply', this.customerId, 'customer');
  }

  solve(t: number, agent: AgentModel | null): number {
    const actor = agent?.agent_id ?? '';
    const kind: ActorKind = agent ? 'agent' : 'system';
    this.setStatus(t, 'solved', actor, kind);
    return this.push(t, 'solved', actor, kind);
  }

  // ── timing ──────────────────────────────────────────────────────────────────────────────────────────────
  /** Queue pressure: the outage and the bad release flood every team; Mondays carry the weekend's backlog. */
  load(t: number): number {
    const tl = this.world.timeline;
    if (t >= tl.outageAt - HOUR && t < tl.outageAt + 3 * DAY) return 1.9;
    if (t >= tl.releaseAt && t < tl.releaseAt + 7 * DAY) return 1.4;
    return weekdayOf(Math.floor(t / DAY)) === 1 ? 1.15 : 1;
  }

  /** When `agent` acts after roughly `median` business minutes of the team's open time from t. */
  agentTime(t: number, team: TeamModel, agent: AgentModel, median: number, sigma = 0.9): number {
    const minutes = Math.max(0.5, this.rng.lognormal(median * agent.speed * this.load(t), sigma));
    if (this.rng.chance(0.04)) return t + minutes * MINUTE; // answered out of hours (overtime, a quiet evening)
    return team.clock.add(t, minutes);
  }

  /** When the customer answers: hours later, and not in the middle of their night. */
  customerTime(t: number): number {
    const zone = this.plan.customer.homeTeam.zone;
    // Most answer within hours, some take days; urgent problems get answered quickly.
    const hurry = this.priority === 'urgent' ? 0.35 : this.priority === 'high' ? 0.6 : 1;
    const delay = this.rng.chance(0.15) ? this.rng.lognormal(1.5 * DAY, 0.7) : this.rng.lognormal(4 * HOUR, 1.1);
    let r = t + Math.max(5 * MINUTE, delay * hurry);
    const { day, minutes } = zone.toLocal(r);
    if (minutes >= 22 * 60) r = zone.toUtc(day + 1, 420 + this.rng.int(0, 150));
    else if (minutes < 7 * 60) r = zone.toUtc(day, 420 + this.rng.int(0, 150));
    return Math.max(r, t + MINUTE) + this.rng.int(0, 59) * 1000;
  }

  firstMedian(team: TeamModel): number {
    const internal = this.plan.customer.kind === 'internal' ? 1.3 : 1;
    const vip = this.plan.customer.flags.has('vip') ? 0.6 : 1;
    return team.firstReplyMedian * channelFactor[this.plan.channel]! * priorityFactor[this.priority] * internal * vip * (this.plan.repeatOf ? 0.8 : 1);
  }

  nextMedian(team: TeamModel): number {
    return team.firstReplyMedian * 0.8 * Math.pow(priorityFactor[this.priority], 0.7);
  }

  pick(team: TeamModel, exclude: AgentModel | null = null): AgentModel {
    // Leads take the tickets of abusive customers themselves half of the time.
    if (this.plan.customer.flags.has('abusive') && team.lead !== exclude && this.rng.chance(0.5)) return team.lead;
    for (;;) {
      const a = team.agents[team.pick.pick(this.rng)]!;
      if (a !== exclude || team.agents.length === 1) return a;
    }
  }

  // ── the life of a ticket ────────────────────────────────────────────────────────────────────────────────
  run(): void {
    const { plan, rng, world } = this;
    const t0 = plan.created;
    const complexity = plan.issue.complexity;
    const flags = plan.customer.flags;

    const tl = world.timeline;
    if (plan.issue.spike === 'release' && t0 >= tl.releaseAt) {
      if (rng.chance(0.45)) {
        if (rng.chance(0.6)) this.holdUntil = tl.end + 3 * DAY; // Android: the fix ships after the export
      } else if (t0 < tl.hotfixAt) this.holdUntil = tl.hotfixAt; // iOS: solved by the 5.2.1 hotfix
    }

    // How much back and forth it needs, and whether and when it is escalated or handed to a colleague.
    let rounds = Math.min(8, rng.geometric(0.68 - 0.45 * complexity));
    if (this.holdUntil) rounds = Math.max(rounds, 1);
    let escalationChance = plan.issue.escalation * 1.15;
    if (flags.has('legal_threat')) escalationChance += 0.45;
    if (flags.has('abusive')) escalationChance += 0.12;
    if (flags.has('vip')) escalationChance += 0.1;
    if (this.priority === 'urgent') escalationChance *= 1.4;
    const escalate = rng.chance(Math.min(0.9, escalationChance));
    if (escalate) rounds = Math.max(rounds, 1) + 1;
    const escalateAt = escalate ? rng.int(1, Math.min(2, rounds)) : -1;
    const reassignAt = rounds >= 1 && rng.chance(0.09) ? rng.int(1, rounds) : -1;

    let agent: AgentModel;
    let t = t0;

    if (plan.channel === 'phone' || plan.channel === 'desk') {
      // An agent takes the call (or the walk-in) and opens the ticket with a public comment.
      agent = this.pick(this.team);
      this.push(t0, 'created', agent.agent_id, 'agent');
      this.assign(t0, agent, agent);
      this.reply(t0, agent);
      if (flags.size && rng.chance(0.6)) this.note(t0 + rng.int(20, 90) * 1000, agent);
      const inCall = (plan.channel === 'desk' ? 0.72 : 0.62) * (1 - complexity) + 0.08;
      if (!escalate && !this.holdUntil && rng.chance(inCall)) {
        const solvedAt = t0 + rng.range(2, plan.channel === 'desk' ? 20 : 12) * MINUTE;
        this.solve(solvedAt, agent);
        this.afterSolve(solvedAt, agent);
        return;
      }
      this.setStatus(t0, rng.chance(0.45) ? 'pending' : 'open', agent.agent_id, 'agent');
      rounds += 1; // the next public reply is the first response (Zendesk's rule for agent-created tickets)
    } else {
      this.push(t0, 'created', this.customerId, 'customer');
      const botChance = plan.channel === 'chat' ? 0.6 : plan.channel === 'web' ? 0.45 : plan.channel === 'email' ? 0.12 : 0;
      if (rng.chance(botChance)) this.push(t0 + rng.int(4, 40) * 1000, 'agent_reply', world.botId, 'bot');

      if (plan.channel === 'chat') {
        agent = this.pick(this.team);
        const accepted = this.assign(t0 + rng.lognormal(90, 0.7) * 1000 * this.load(t0), agent, agent);
        t = this.reply(accepted + rng.int(10, 60) * 1000, agent);
        this.setStatus(t, 'open', agent.agent_id, 'agent');
        const exchanges = rng.weighted([0, 1, 2], [0.4, 0.4, 0.2]);
        for (let i = 0; i < exchanges; i++) {
          t = this.customerReply(t + rng.int(30, 180) * 1000);
          t = this.reply(t + rng.int(30, 150) * 1000, agent);
        }
        const inSession = 0.75 * (1 - complexity) + 0.1;
        if (!escalate && !this.holdUntil && rng.chance(inSession)) {
          this.solve(t, agent);
          this.afterSolve(t, agent);
          return;
        }
        rounds = Math.max(rounds, 1);
        this.setStatus(t, rng.chance(0.6) ? 'pending' : 'open', agent.agent_id, 'agent');
      } else {
        // E-mail, web form, social: the ticket waits in the queue until an agent picks it up.
        if (plan.firstTeam !== plan.team) {
          const wrong = this.pick(this.team);
          const looked = this.assign(this.agentTime(t0, this.team, wrong, this.firstMedian(this.team) * 0.5), wrong, wrong);
          this.note(looked + rng.int(1, 3) * MINUTE, wrong);
          const moved = this.changeTeam(this.last + rng.int(1, 4) * MINUTE, plan.team, wrong);
          agent = this.pick(plan.team);
          t = this.assign(moved, agent, wrong);
        } else {
          agent = this.pick(this.team);
        }
        const answered = this.agentTime(t, this.team, agent, this.firstMedian(this.team), this.priority === 'urgent' ? 0.7 : this.priority === 'high' ? 0.8 : 1);
        this.assign(Math.max(t, answered - rng.range(1, 10) * MINUTE), agent, agent);
        if (flags.size && rng.chance(0.6)) this.note(answered - rng.int(1, 30) * 1000, agent);
        this.maybeChangePriority(answered, agent);
        t = this.reply(answered, agent);
        if (rounds === 0) {
          this.solve(t, agent);
          this.afterSolve(t, agent);
          return;
        }
        this.setStatus(t, rng.chance(0.62) ? 'pending' : 'open', agent.agent_id, 'agent');
      }
    }

    const result = this.converse(t, agent, rounds, escalateAt, reassignAt);
    this.afterSolve(result.t, result.agent);
  }

  /** After an agent's public reply at t: `rounds` more replies, the last one solving the ticket. */
  converse(t: number, agent: AgentModel, rounds: number, escalateAt = -1, reassignAt = -1): { t: number; agent: AgentModel | null } {
    const rng = this.rng;
    for (let i = 1; i <= rounds; i++) {
      const waitedOnCustomer = this.status === 'pending';
      if (waitedOnCustomer) {
        if (rng.chance(0.06)) {
          // No answer: the automation solves the ticket after 7 days.
          const at = Math.ceil((t + 7 * DAY) / HOUR) * HOUR + rng.int(0, 9) * MINUTE;
          this.solve(at, null);
          this.autoSolved = true;
          return { t: this.last, agent: null };
        }
        t = this.customerReply(this.customerTime(t));
        this.setStatus(t, 'open', this.customerId, 'customer');
      }
      if (i === escalateAt) ({ t, agent } = this.escalate(t, agent));
      if (i === reassignAt) {
        const other = this.pick(this.team, agent);
        t = this.assign(t + rng.int(5, 120) * MINUTE, other, this.team.lead);
        agent = other;
      }
      let replyAt = this.agentTime(t, this.team, agent, this.nextMedian(this.team) * (waitedOnCustomer ? 1 : 1.6));
      if (i === rounds && this.holdUntil > t) {
        // Known bug: on hold until the fix ships, then the agent confirms and solves.
        t = this.push(t + rng.int(1, 20) * MINUTE, 'internal_note', agent.agent_id, 'agent');
        this.setStatus(t, 'on_hold', agent.agent_id, 'agent');
        replyAt = Math.max(replyAt, this.team.clock.add(this.holdUntil, rng.lognormal(90, 0.8)));
      }
      if (!waitedOnCustomer && replyAt - t > 20 * HOUR && rng.chance(0.35)) this.customerReply(t + rng.range(0.3, 0.9) * (replyAt - t));
      if (rng.chance(0.12)) this.note(replyAt - rng.int(1, 15) * MINUTE, agent);
      t = this.reply(replyAt, agent);
      if (i === rounds) {
        this.solve(t, agent);
        return { t, agent };
      }
      this.setStatus(t, rng.chance(0.6) ? 'pending' : 'open', agent.agent_id, 'agent');
    }
    this.solve(t, agent);
    return { t, agent };
  }

  /** Escalates to level 2 (the escalation team, or a senior in the team), maybe on to level 3, maybe back. */
  escalate(t: number, agent: AgentModel): { t: number; agent: AgentModel } {
    const rng = this.rng;
    const c = this.plan.issue.complexity;
    const original = agent;
    const home = this.team;
    const looked = this.note(this.agentTime(t, home, agent, 25, 0.8), agent);
    const seniors = home.byLevel[1].filter((a) => a !== agent);
    if (seniors.length && !home.is_escalation_team && rng.chance(0.35)) {
      // A senior in the same team takes over.
      const senior = rng.pick(seniors);
      const at = this.push(looked + rng.int(1, 3) * MINUTE, 'escalate', agent.agent_id, 'agent', String(this.level), '2');
      this.level = 2;
      this.assign(at, senior, agent);
      const worked = this.agentTime(at, home, senior, 90 * (0.6 + c));
      if (rng.chance(0.3)) {
        this.note(worked, senior);
        const back = this.push(worked + rng.int(1, 3) * MINUTE, 'deescalate', senior.agent_id, 'agent', '2', '1');
        this.level = 1;
        this.assign(back, original, senior);
        return { t: back, agent: original };
      }
      return { t: worked, agent: senior };
    }
    // To the escalation team: team change, escalate to level 2, assign a level-2 engineer, on hold meanwhile.
    const esc = this.world.escalationTeam;
    const l2 = rng.pick(esc.byLevel[1]);
    const at = this.changeTeam(looked + rng.int(1, 4) * MINUTE, esc, agent);
    this.push(at, 'escalate', agent.agent_id, 'agent', String(this.level), '2');
    this.level = 2;
    this.assign(at, l2, agent);
    if (rng.chance(0.6)) this.setStatus(at, 'on_hold', agent.agent_id, 'agent');
    let handler = l2;
    let worked = this.agentTime(at, esc, l2, 600 * (0.6 + c), 1);
    if (rng.chance(0.25)) {
      const l3 = rng.pick(esc.byLevel[2]);
      this.note(worked, l2);
      const at3 = this.push(worked + rng.int(1, 3) * MINUTE, 'escalate', l2.agent_id, 'agent', '2', '3');
      this.level = 3;
      this.assign(at3, l3, l2);
      handler = l3;
      worked = this.agentTime(at3, esc, l3, 1200 * (0.6 + c), 0.8);
    }
    if (rng.chance(0.55)) {
      // Root cause found: back to level 1 and the original agent, who answers the customer.
      this.note(worked, handler);
      const back = this.push(worked + rng.int(1, 3) * MINUTE, 'deescalate', handler.agent_id, 'agent', String(this.level), '1');
      this.level = 1;
      this.changeTeam(back, home, handler);
      this.assign(back, original, handler);
      if (this.status === 'on_hold') this.setStatus(back, 'open', handler.agent_id, 'agent');
      return { t: back, agent: original };
    }
    return { t: worked, agent: handler };
  }

  maybeChangePriority(t: number, agent: AgentModel): void {
    const flags = this.plan.customer.flags;
    const p = 0.035 + (this.plan.repeatOf ? 0.15 : 0) + (flags.has('abusive') ? 0.1 : 0);
    if (!this.rng.chance(p)) return;
    const to = this.rng.chance(0.7) ? up[this.priority] : down[this.priority];
    if (to === this.priority) return;
    this.push(t, 'priority_change', agent.agent_id, 'agent', this.priority, to);
    this.priority = to;
  }

  /** Reopens (the customer answers a solved ticket) and the administrative close 4 days after the last solve. */
  afterSolve(solvedAt: number, agent: AgentModel | null): void {
    const rng = this.rng;
    const flags = this.plan.customer.flags;
    let reopens = 0;
    for (;;) {
      let p = 0.032 + 0.07 * this.plan.issue.complexity + Math.max(0, 1 - (agent?.quality ?? 0.9)) * 0.4;
      if (flags.has('abusive')) p += 0.08;
      if (this.autoSolved) p += 0.05;
      if (reopens > 0) p *= 0.35;
      if (!rng.chance(p)) break;
      const at = solvedAt + rng.lognormal(18 * HOUR, 0.9);
      if (at >= solvedAt + 4 * DAY - HOUR) break;
      const t = this.customerReply(at);
      this.setStatus(t, 'open', this.customerId, 'customer');
      this.push(t, 'reopened', this.customerId, 'customer', 'solved', 'open');
      reopens++;
      const handler = agent ?? this.pick(this.team);
      if (this.agent !== handler) this.assign(t, handler, handler);
      this.autoSolved = false;
      const result = this.converse(t, handler, 1 + (rng.chance(0.35) ? 1 : 0));
      solvedAt = result.t;
      agent = result.agent;
    }
    if (rng.chance(0.03) && agent) {
      this.setStatus(solvedAt + rng.range(1, 6) * HOUR, 'closed', agent.agent_id, 'agent');
      this.push(this.last, 'closed', agent.agent_id, 'agent');
      return;
    }
    const closeAt = Math.ceil((solvedAt + 4 * DAY) / HOUR) * HOUR + rng.int(0, 9) * MINUTE + rng.int(0, 59) * 1000;
    this.setStatus(closeAt, 'closed', '', 'system');
    this.push(closeAt, 'closed', '', 'system');
  }

  dueAt(): number | null {
    const { plan, rng } = this;
    if (plan.type !== 'incident' && plan.type !== 'task') return null;
    if (!rng.chance(plan.type === 'task' ? 0.92 : 0.7)) return null;
    const minutes = { urgent: 300, high: 1200, normal: 2700, low: 5400 }[plan.priority] * rng.range(0.6, 1.4);
    return Math.ceil(plan.team.clock.add(plan.created, minutes) / HOUR) * HOUR;
  }
}

export function simulateTicket(world: World, plan: Plan, rng: Rng): SimResult {
  const sim = new TicketSim(world, plan, rng);
  const dueAt = sim.dueAt();
  sim.run();
  const end = world.timeline.end;
  const events = sim.ev.filter((e) => e.t < end);

  // Recount the ticket's state at the export moment from the events kept.
  let status: Status = 'new';
  let priority = plan.priority;
  let team = plan.firstTeam;
  let assignee: AgentModel | null = null;
  let assignedAt: number | null = null;
  let solvedAt: number | null = null;
  let replies = 0;
  let customerReplies = 0;
  let reopens = 0;
  let teamChanges = 0;
  let assigns = 0;
  let escalations = 0;
  let maxLevel = 1;
  let lastReplier: AgentModel | null = null;
  const publicReplies: number[] = [];
  const agents = agentIndex(world);
  for (const e of events) {
    switch (e.kind) {
      case 'status_change': status = e.to as Status; break;
      case 'priority_change': priority = e.to as Priority; break;
      case 'team_change': team = world.teams.get(e.to)!; teamChanges++; break;
      case 'assign': assignee = agents.get(e.to)!; assignedAt = e.t; assigns++; break;
      case 'solved': solvedAt = e.t; break;
      case 'reopened': reopens++; break;
      case 'customer_reply': customerReplies++; break;
      case 'escalate': escalations++; maxLevel = Math.max(maxLevel, Number(e.to)); break;
      case 'agent_reply':
        if (e.actorKind === 'agent') {
          replies++;
          publicReplies.push(e.t);
          lastReplier = agents.get(e.actor)!;
        }
        break;
      default:
    }
  }
  const agentCreated = plan.channel === 'phone' || plan.channel === 'desk';
  const firstSolved = events.find((e) => e.kind === 'solved')?.t ?? null;
  let firstResponseAt: number | null;
  if (!agentCreated) firstResponseAt = publicReplies[0] ?? null;
  else if (publicReplies.length >= 2) firstResponseAt = publicReplies[1]!;
  else firstResponseAt = firstSolved !== null ? plan.created : null;
  const lastSolve = [...events].reverse().find((e) => e.kind === 'solved');

  return {
    events,
    status,
    priority,
    team,
    assignee,
    assignedAt,
    updatedAt: events[events.length - 1]!.t,
    solvedAt,
    firstResponseAt,
    dueAt,
    replies,
    customerReplies,
    reopens,
    groupStations: 1 + teamChanges,
    assigneeStations: assigns,
    escalations,
    maxLevel,
    lastReplier,
    autoSolved: lastSolve?.actorKind === 'system',
  };
}

const indexCache = new WeakMap<World, Map<string, AgentModel>>();
function agentIndex(world: World): Map<string, AgentModel> {
  let index = indexCache.get(world);
  if (!index) {
    index = new Map(world.teamList.flatMap((t) => t.agents.map((a) => [a.agent_id, a] as const)));
    indexCache.set(world, index);
  }
  return index;
}
