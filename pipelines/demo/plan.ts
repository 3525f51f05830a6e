// Plans every ticket before simulating any: when it is created (trend, weekdays, December, holidays, the two
// spikes), who asks (weighted customers, repeat contacts on the same issue within a week), about what, in which
// language, through which channel, which team gets it, its priority and type.
import type { CustomerModel, TeamModel, World } from './organisation.ts';
import type { Rng } from './random.ts';
import { WeightedIndex } from './random.ts';
import { DAY, HOUR, MINUTE, dayString, weekdayOf } from './time.ts';
import { issues, type Channel, type Issue, type Lang, type TicketType } from './vocabulary.ts';

export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export interface Plan {
  /** Zendesk ticket ID, assigned in creation order once all plans are made. */
  id: number;
  created: number;
  customer: CustomerModel;
  issue: Issue;
  lang: Lang;
  channel: Channel;
  /** Team that should handle it; `firstTeam` differs when the ticket is misrouted first. */
  team: TeamModel;
  firstTeam: TeamModel;
  priority: Priority;
  type: TicketType;
  /** The earlier ticket this one repeats (same customer, same issue, within a week). */
  repeatOf: Plan | null;
  /** Created while its issue was spiking (outage or bad release). */
  inSpike: boolean;
  order: number;
}

const weekdayFactor = [0.33, 1.22, 1.12, 1.08, 1.04, 0.94, 0.42]; // Sunday … Saturday

/** Relative local-hour profile of when customers write (e-mail, web, social). */
const hourProfile = [0.12, 0.08, 0.06, 0.05, 0.06, 0.12, 0.3, 0.65, 1.25, 1.6, 1.65, 1.5, 1.15, 1.35, 1.45, 1.35, 1.15, 0.9, 0.65, 0.55, 0.5, 0.42, 0.3, 0.2];
const hourPick = new WeightedIndex(hourProfile);

const priorityProfiles: Record<Issue['priority'], [number, number, number, number]> = {
  // urgent, high, normal, low
  critical: [0.42, 0.38, 0.17, 0.03],
  high: [0.15, 0.45, 0.35, 0.05],
  normal: [0.08, 0.21, 0.59, 0.12],
  low: [0.01, 0.08, 0.5, 0.41],
};
const priorities: Priority[] = ['urgent', 'high', 'normal', 'low'];
const bump: Record<Priority, Priority> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };

const externalChannels: Record<Channel, number> = { email: 0.34, web: 0.2, chat: 0.2, phone: 0.14, social: 0.1, desk: 0.012 };
const internalChannels: Record<Channel, number> = { desk: 0.32, email: 0.3, chat: 0.28, web: 0.1, phone: 0, social: 0 };
const channelList: Channel[] = ['email', 'web', 'chat', 'phone', 'social', 'desk'];
export const synchronous = (c: Channel) => c === 'phone' || c === 'chat' || c === 'desk';

/** Where a misrouted ticket lands first, by the customer's segment. */
const misroute: Record<string, string[]> = {
  hr: ['london'], ru: ['london', 'zagreb'], ph: ['new_york'], uk: ['new_york', 'zagreb'], us: ['london', 'manila'],
};

/** Volume multiplier of an issue on a day: the spikes, and the lasting effect of implemented suggestions. */
export function issueFactor(world: World, issue: Issue, day: number): number {
  const tl = world.timeline;
  let f = 1;
  if (issue.spike === 'release') {
    const k = day - Math.floor(tl.releaseAt / DAY);
    if (k >= 0) f = 3 + 30 * Math.exp(-k / 3.5);
  } else if (issue.spike === 'outage') {
    const k = day - Math.floor(tl.outageAt / DAY);
    if (k === 0) f = 110;
    else if (k === 1) f = 40;
    else if (k === 2) f = 7;
    else if (k >= 3) f = 1 + 2.5 * Math.exp(-(k - 3) / 3);
  }
  for (const impact of world.impacts) {
    if (impact.issueKey !== issue.key) continue;
    const ramp = Math.min(1, Math.max(0, (day * DAY - impact.from) / (14 * DAY)));
    f *= 1 - (1 - impact.factor) * ramp;
  }
  return f;
}

export function isSpiking(world: World, issue: Issue, t: number): boolean {
  const tl = world.timeline;
  if (issue.spike === 'release') return t >= tl.releaseAt && t < tl.hotfixAt + 2 * DAY;
  if (issue.spike === 'outage') return t >= tl.outageAt && t < tl.outageSecondWaveAt + DAY;
  return false;
}

function hasText(issue: Issue, lang: Lang): boolean {
  return Boolean(issue.text[lang] ?? issue.pairs?.[lang]);
}

export function planTickets(world: World, count: number, rng: Rng): Plan[] {
  const tl = world.timeline;
  const days = tl.lastDay - tl.firstDay + 1;
  const externalTotal = issues.reduce((s, i) => s + i.weight, 0);
  const teams = world.teams;
  const manila = teams.get('manila')!;

  // Day weights: trend, weekday, December dip, holidays of each region, and the extra volume of the spikes.
  const dayWeights = new Float64Array(days);
  for (let i = 0; i < days; i++) {
    const day = tl.firstDay + i;
    const date = new Date(day * DAY);
    const month = date.getUTCMonth();
    const dom = date.getUTCDate();
    let w = (0.85 + 0.3 * (i / days)) * weekdayFactor[weekdayOf(day)]! * Math.exp(0.08 * rng.normal());
    if ((month === 11 && dom >= 20) || (month === 0 && dom <= 2)) w *= 0.55;
    else if (month === 11) w *= 0.88;
    const iso = dayString(day);
    for (const team of world.teamList) {
      if (!team.holidaySet.has(iso)) continue;
      const share = world.customers.length ? customerShare(world, team) : 0;
      w *= 1 - 0.6 * share;
    }
    let extra = 0;
    for (const issue of issues) if (issue.spike || world.impacts.some((m) => m.issueKey === issue.key)) extra += (issue.weight / externalTotal) * (issueFactor(world, issue, day) - 1);
    w *= Math.max(0.05, 1 + extra);
    // Partial first and last days.
    const from = Math.max(day * DAY, tl.start);
    const to = Math.min((day + 1) * DAY, tl.end);
    dayWeights[i] = w * Math.max(0, (to - from) / DAY);
  }
  const dayPick = new WeightedIndex(dayWeights);
  const perDay = new Int32Array(days);
  for (let n = 0; n < count; n++) perDay[dayPick.pick(rng)]!++;

  const externalIssues = issues.filter((i) => i.weight > 0);
  const internalIssues = issues.filter((i) => i.internalWeight > 0);
  const plans: Plan[] = [];
  const dayStart = new Int32Array(days + 1);

  for (let i = 0; i < days; i++) {
    const day = tl.firstDay + i;
    dayStart[i] = plans.length;
    if (perDay[i] === 0) continue;
    const iso = dayString(day);
    const extPick = new WeightedIndex(externalIssues.map((issue) => issue.weight * issueFactor(world, issue, day)));
    const intPick = new WeightedIndex(internalIssues.map((issue) => issue.internalWeight * issueFactor(world, issue, day)));

    for (let k = 0; k < perDay[i]!; k++) {
      let customer: CustomerModel;
      let issue: Issue;
      let lang: Lang;
      let repeatOf: Plan | null = null;
      const lo = dayStart[Math.max(0, i - 6)]!;
      const hi = dayStart[i]!;
      if (hi > lo && rng.chance(0.055)) {
        repeatOf = plans[rng.int(lo, hi - 1)]!;
        customer = repeatOf.customer;
        issue = repeatOf.issue;
        lang = repeatOf.lang;
      } else {
        customer = world.customers[world.customerPick.pick(rng)]!;
        if (customer.homeTeam.holidaySet.has(iso) && rng.chance(0.6)) customer = world.customers[world.customerPick.pick(rng)]!;
        issue = customer.kind === 'internal' ? internalIssues[intPick.pick(rng)]! : externalIssues[extPick.pick(rng)]!;
        lang = rng.chance(customer.ownLanguage) ? customer.lang : 'en';
        if (!hasText(issue, lang)) lang = 'en';
      }

      // Channel: the segment's mix, shaped by the issue; repeaters and abusive customers call more.
      const base = customer.kind === 'internal' ? internalChannels : externalChannels;
      const weights = channelList.map((c) => {
        let w = base[c] * (issue.channels?.[c] ?? 1);
        if (c === 'phone' && (repeatOf || customer.flags.has('abusive'))) w *= 2;
        if (c === 'social' && customer.flags.has('abusive')) w *= 2;
        return w;
      });
      let channel = rng.weighted(channelList, weights);
      const seg = customer.segment.segment;
      if (channel === 'desk' && customer.kind === 'external' && seg !== 'hr' && seg !== 'uk') channel = 'phone';

      // Routing: US overflow and social media go partly to the Manila vendor.
      let team = customer.homeTeam;
      if (customer.kind === 'external') {
        if (seg === 'us' && ((channel === 'chat' || channel === 'social' || channel === 'web') ? rng.chance(0.35) : channel === 'email' && rng.chance(0.25))) team = manila;
        if (seg === 'uk' && channel === 'social' && rng.chance(0.6)) team = manila;
      }

      // Creation time: phone, chat and desk only while the team is open; the rest in the customer's waking hours.
      let created = -1;
      if (synchronous(channel)) {
        let intervals = team.clock.intervalsOn(day);
        if (intervals.length === 0 && channel !== 'desk' && (seg === 'us' || seg === 'uk' || seg === 'ph') && customer.kind === 'external') {
          intervals = manila.clock.intervalsOn(day);
          if (intervals.length) team = manila;
        }
        if (intervals.length) created = timeInIntervals(rng, intervals, team);
        else channel = channel === 'chat' ? 'web' : 'email';
      }
      if (created < 0) {
        const minute = hourPick.pick(rng) * 60 + rng.int(0, 59);
        created = customer.homeTeam.zone.toUtc(day, minute);
      }
      created += rng.int(0, 59) * 1000;

      // The spikes start at a known moment: the release in the morning, the outage in the afternoon.
      if (issue.spike === 'outage' && !repeatOf) {
        const k = day - Math.floor(tl.outageAt / DAY);
        if (k === 0) created = tl.outageAt + Math.min(rng.exponential(150 * MINUTE), 9 * HOUR) + rng.int(0, 59) * 1000;
        if (k === 1) created = tl.outageSecondWaveAt + Math.min(rng.exponential(120 * MINUTE), 8 * HOUR) + rng.int(0, 59) * 1000;
      }
      if (issue.spike === 'release' && day === Math.floor(tl.releaseAt / DAY) && created < tl.releaseAt) {
        created = tl.releaseAt + Math.min(rng.exponential(90 * MINUTE), 12 * HOUR) + rng.int(0, 59) * 1000;
      }
      if (created < tl.start) created = tl.start + rng.int(1, 240) * MINUTE + rng.int(0, 59) * 1000;
      if (created >= tl.end) created = tl.end - rng.int(1, 240) * MINUTE - rng.int(0, 59) * 1000;
      if (repeatOf && created <= repeatOf.created) created = repeatOf.created + rng.int(30, 600) * MINUTE;
      if (created >= tl.end) continue; // a repeat that would fall after the end: topped up below
      if (synchronous(channel) && !team.clock.isOpen(created)) channel = channel === 'chat' ? 'web' : 'email';

      // Priority and type.
      let priority = rng.weighted(priorities, priorityProfiles[issue.priority]);
      const inSpike = isSpiking(world, issue, created);
      if (inSpike && issue.spike === 'outage') priority = rng.chance(0.6) ? 'urgent' : 'high';
      if (customer.flags.has('vip') && rng.chance(0.5)) priority = bump[priority];
      if (repeatOf && rng.chance(0.25)) priority = bump[priority];
      if (customer.kind === 'internal' && priority === 'urgent') priority = 'high';
      const types = Object.keys(issue.types) as TicketType[];
      const type = rng.weighted(types, types.map((t) => issue.types[t]!));

      // Some tickets land in the wrong queue first and are transferred (same support level).
      let firstTeam = team;
      if (!synchronous(channel) && customer.kind === 'external' && rng.chance(0.1)) {
        const options = misroute[seg]!.filter((t) => t !== team.team_id);
        if (options.length) firstTeam = teams.get(rng.pick(options))!;
      }

      created = Math.floor(created / 1000) * 1000;
      plans.push({ id: 0, created, customer, issue, lang, channel, team, firstTeam, priority, type, repeatOf, inSpike, order: plans.length });
    }
  }
  dayStart[days] = plans.length;

  // Top up tickets dropped at the very end so the count is exact, then number them in creation order.
  while (plans.length < count) {
    const customer = world.customers[world.customerPick.pick(rng)]!;
    const issue = customer.kind === 'internal' ? issues.find((i) => i.key === 'internal/report-request')! : issues.find((i) => i.key === 'general/how-to')!;
    const created = tl.end - rng.int(2, 600) * MINUTE - rng.int(0, 59) * 1000;
    plans.push({
      id: 0, created, customer, issue, lang: 'en', channel: 'email', team: customer.homeTeam, firstTeam: customer.homeTeam,
      priority: 'normal', type: 'question', repeatOf: null, inSpike: false, order: plans.length,
    });
  }
  plans.sort((a, b) => a.created - b.created || a.order - b.order);
  plans.forEach((p, i) => (p.id = 10001 + i));
  return plans;
}

/** A time inside the open intervals, weighted by the hour profile (calls and chats follow office hours). */
function timeInIntervals(rng: Rng, intervals: [number, number][], team: TeamModel): number {
  const lengths = intervals.map(([o, c]) => c - o);
  for (let attempt = 0; attempt < 12; attempt++) {
    const [o, c] = intervals[new WeightedIndex(lengths).pick(rng)]!;
    const t = o + rng.float() * (c - o - MINUTE);
    const hour = Math.floor(team.zone.toLocal(t).minutes / 60);
    if (rng.float() * 1.65 < hourProfile[hour]!) return Math.floor(t / 1000) * 1000;
  }
  const [o, c] = intervals[0]!;
  return Math.floor((o + rng.float() * (c - o - MINUTE)) / 1000) * 1000;
}

const shareCache = new WeakMap<World, Map<string, number>>();
/** Share of customers (by weight) whose home team is `team`. */
function customerShare(world: World, team: TeamModel): number {
  let cache = shareCache.get(world);
  if (!cache) {
    cache = new Map();
    let total = 0;
    for (const c of world.customers) total += c.weight;
    for (const c of world.customers) cache.set(c.homeTeam.team_id, (cache.get(c.homeTeam.team_id) ?? 0) + c.weight / total);
    shareCache.set(world, cache);
  }
  return cache.get(team.team_id) ?? 0;
}
