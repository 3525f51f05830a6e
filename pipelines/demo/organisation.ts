// Builds the demo organisation: teams with calendars, agents, customers (with flags), SLA policies, users and
// suggestions, both as the organisation.json document and as the runtime model the ticket simulation uses.
import type { OrganisationInput } from '../organisation/schema.ts';
import { holidaysBetween, type Holiday } from './holidays.ts';
import {
  bot, companyParts, departments, freeMailDomains, managers, names, segments, teamSpecs, userIdOf,
  type Segment, type SegmentSpec, type TeamSpec,
} from './people.ts';
import { Rng, WeightedIndex } from './random.ts';
import { buildSuggestions, type Impact, type UserRef } from './suggestions.ts';
import { BusinessClock, DAY, HOUR, MINUTE, Zone, isoUtc } from './time.ts';
import type { Lang } from './vocabulary.ts';

export type Flag = 'abusive' | 'legal_threat' | 'vip';

export interface TeamModel extends TeamSpec {
  zone: Zone;
  clock: BusinessClock;
  holidaySet: Set<string>;
  agents: AgentModel[];
  byLevel: [AgentModel[], AgentModel[], AgentModel[]];
  /** Relative pick weight of each agent (leads take fewer tickets). */
  pick: WeightedIndex;
  lead: AgentModel;
}

export interface AgentModel {
  agent_id: string;
  name: string;
  first: string;
  team: TeamModel;
  level: number;
  /** Multiplier on reply delays (lower is faster). */
  speed: number;
  /** Around 1; better agents get fewer reopens and better scores. */
  quality: number;
  isLead: boolean;
  userId: string;
}

export interface CustomerModel {
  customer_id: string;
  name: string;
  first: string;
  email: string;
  kind: 'external' | 'internal';
  organization: string;
  /** Another company in the same region, for internal requests about a customer. */
  domain: string;
  segment: SegmentSpec;
  homeTeam: TeamModel;
  lang: Lang;
  ownLanguage: number;
  weight: number;
  flags: Set<Flag>;
  /** Personal baseline satisfaction offset. */
  mood: number;
}

export interface Timeline {
  start: number;
  end: number;
  firstDay: number;
  /** Last day with tickets (the day of `end - 1 ms`). */
  lastDay: number;
  /** App release 5.2.0 that crashes on login, its hotfix, and the payment provider outage. */
  releaseAt: number;
  hotfixAt: number;
  outageAt: number;
  outageSecondWaveAt: number;
}

export interface World {
  seed: number;
  timeline: Timeline;
  teams: Map<string, TeamModel>;
  teamList: TeamModel[];
  escalationTeam: TeamModel;
  botId: string;
  customers: CustomerModel[];
  customerPick: WeightedIndex;
  impacts: Impact[];
  organisation: OrganisationInput;
}

const flagNotes: Record<Flag, string[]> = {
  abusive: [
    'Shouted at and insulted two agents on the phone; final warning given. Leads handle calls.',
    'Repeated abusive language in e-mails and social posts about named agents.',
    'Threatening and insulting messages to the Manila team; escalate to a lead before replying.',
  ],
  legal_threat: [
    'Threatened legal action over the double charge refund; route anything about money to Finance.',
    'Says their lawyer will contact us about data deletion (GDPR). Do not promise dates; involve Legal.',
  ],
  vip: [
    'Enterprise account, 300 seats; named account manager in Sales.',
    'Strategic partner – integration reseller. Priority handling.',
    'Key account in renewal negotiations this quarter.',
  ],
};

const translit: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e',
  ю: 'yu', я: 'ya',
};

/** ASCII local part for an e-mail address. */
export function emailPart(s: string): string {
  return [...s.toLowerCase()]
    .map((c) => translit[c] ?? c)
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z]/g, '');
}

const isCyrillic = (s: string) => /[\u0400-\u04ff]/.test(s);

export interface WorldOptions {
  seed: number;
  tickets: number;
  months: number;
  end: Date;
}

export function buildTimeline(end: Date, months: number): Timeline {
  const endMs = end.getTime();
  const startDate = new Date(endMs);
  startDate.setUTCMonth(startDate.getUTCMonth() - months);
  const start = startDate.getTime();
  const lastDay = Math.floor((endMs - 1) / DAY);
  const dayStart = (d: number) => d * DAY;
  const weekday = (day: number) => ((day + 4) % 7 + 7) % 7; // 0 Sunday … 6 Saturday
  // The release goes out on a Tuesday 14–20 days before the end: by the end it is a lasting rise, no longer news.
  let releaseDay = lastDay - 20;
  while (weekday(releaseDay) !== 2) releaseDay++;
  // The outage hits in the week holding the last day (from Monday, as the flags count weeks), so that on the first
  // start it is this week's rising problem on the Recurring problems page, whose default range ends with the last
  // day of data: a weekday two to four days before the end where the week has one, else its Monday (the last day
  // itself when that is a Monday: only the outage's first afternoon is in the data then).
  const monday = lastDay - ((weekday(lastDay) + 6) % 7);
  let outageDay = Math.max(monday, lastDay - 2);
  while (outageDay > monday && (weekday(outageDay) === 0 || weekday(outageDay) === 6)) outageDay--;
  return {
    start,
    end: endMs,
    firstDay: Math.floor(start / DAY),
    lastDay,
    releaseAt: dayStart(releaseDay) + 7 * HOUR,
    hotfixAt: dayStart(releaseDay + 6) + 15 * HOUR,
    outageAt: dayStart(outageDay) + 13 * HOUR + 20 * MINUTE,
    outageSecondWaveAt: dayStart(outageDay + 1) + 8 * HOUR + 45 * MINUTE,
  };
}

export function buildWorld(opts: WorldOptions): World {
  const rng = new Rng(opts.seed, 'organisation');
  const timeline = buildTimeline(opts.end, opts.months);
  const { firstDay, lastDay } = timeline;
  // Clocks run well past the end: tickets created near it are simulated to completion and cut at the end.
  const clockFrom = firstDay - 7;
  const clockTo = lastDay + 400;
  const listedUntil = Math.floor(Date.UTC(new Date(lastDay * DAY).getUTCFullYear(), 11, 31) / DAY);

  // Teams and agents.
  const teams = new Map<string, TeamModel>();
  const holidaysByTeam = new Map<string, Holiday[]>();
  let agentNo = 0;
  for (const spec of teamSpecs) {
    const zone = new Zone(spec.time_zone, clockFrom, clockTo);
    const allHolidays = holidaysBetween(spec.country, clockFrom, clockTo);
    const holidaySet = new Set(allHolidays.map((h) => h.day));
    holidaysByTeam.set(spec.team_id, allHolidays.filter((h) => h.day >= isoDay(firstDay) && h.day <= isoDay(listedUntil)));
    const team = { ...spec, zone, clock: new BusinessClock(zone, spec.weekly, holidaySet), holidaySet, agents: [], byLevel: [[], [], []] } as unknown as TeamModel;
    spec.roster.forEach(([first, last, level], i) => {
      agentNo++;
      const agent: AgentModel = {
        agent_id: `A${String(agentNo).padStart(3, '0')}`,
        name: `${first} ${last}`,
        first: first.split(' ')[0]!,
        team,
        level,
        speed: Math.exp(0.25 * rng.normal()),
        quality: Math.min(1.15, Math.max(0.82, 1 + 0.07 * rng.normal())),
        isLead: i === 0,
        userId: userIdOf(first, last),
      };
      team.agents.push(agent);
      team.byLevel[level - 1]!.push(agent);
    });
    team.lead = team.agents[0]!;
    team.pick = new WeightedIndex(team.agents.map((a) => (a.isLead ? 0.4 : a.level >= 2 ? 0.8 : 1)));
    teams.set(spec.team_id, team);
  }
  const teamList = [...teams.values()];
  const escalationTeam = teamList.find((t) => t.is_escalation_team)!;
  const agentNames = new Set(teamList.flatMap((t) => t.agents.map((a) => a.name)).concat(bot.name));

  // Customers: ~8 % internal, the rest in ~200 companies (at 60 000 tickets); counts scale with the ticket count.
  const customerCount = Math.max(60, Math.round(opts.tickets * 0.11));
  const internalCount = Math.round(customerCount * 0.08);
  const externalCount = customerCount - internalCount;
  const orgCount = Math.min(220, Math.max(10, Math.round(externalCount / 30)));
  interface Org { name: string; domain: string; segment: SegmentSpec }
  const orgsBySegment = new Map<Segment, Org[]>();
  const orgWeights = new Map<Segment, number[]>();
  const orgNames = new Set<string>();
  const segmentPick = new WeightedIndex(segments.map((s) => s.share));
  for (let i = 0; i < orgCount; i++) {
    const segment = i < segments.length ? segments[i]! : segments[segmentPick.pick(rng)]!;
    const parts = companyParts[segment.segment];
    let name: string;
    let word: string;
    let kind: string;
    do {
      word = rng.pick(parts.words);
      kind = rng.pick(parts.kinds);
      name = `${word} ${kind} ${rng.pick(parts.suffixes)}`;
    } while (orgNames.has(name));
    orgNames.add(name);
    let domain = `${emailPart(word)}${emailPart(kind)}.${segment.tld}`;
    while ([...orgsBySegment.values()].flat().some((o) => o.domain === domain)) domain = `${emailPart(word)}-${emailPart(kind)}${rng.int(2, 99)}.${segment.tld}`;
    const list = orgsBySegment.get(segment.segment) ?? [];
    list.push({ name, domain, segment });
    orgsBySegment.set(segment.segment, list);
    const weights = orgWeights.get(segment.segment) ?? [];
    weights.push(Math.exp(1.0 * rng.normal()));
    orgWeights.set(segment.segment, weights);
  }
  const orgPick = new Map([...orgWeights.entries()].map(([s, w]) => [s, new WeightedIndex(w)]));

  const emails = new Set<string>();
  const uniqueEmail = (local: string, domain: string) => {
    let email = `${local}@${domain}`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${domain}`;
    emails.add(email);
    return email;
  };
  const personName = (segment: Segment): { first: string; last: string } => {
    const pool = names[segment];
    for (;;) {
      const female = rng.chance(0.5);
      const cyrillic = segment === 'ru' && rng.chance(0.35);
      const firsts = (female ? pool.female : pool.male).filter((n) => isCyrillic(n) === cyrillic);
      const lasts = pool.last.filter((l) => isCyrillic(typeof l === 'string' ? l : l[0]) === cyrillic);
      const first = rng.pick(firsts);
      const lastEntry = rng.pick(lasts);
      const last = typeof lastEntry === 'string' ? lastEntry : female ? lastEntry[1] : lastEntry[0];
      if (!agentNames.has(`${first} ${last}`)) return { first, last };
    }
  };

  const customers: CustomerModel[] = [];
  const idBase = 360_001_000_000;
  for (let i = 0; i < customerCount; i++) {
    const internal = i >= externalCount;
    const customer_id = String(idBase + i * 17 + rng.int(0, 16));
    if (internal) {
      const zagreb = rng.chance(0.5);
      const segment = segments.find((s) => s.segment === (zagreb ? 'hr' : 'uk'))!;
      const { first, last } = personName(segment.segment);
      const dept = rng.pick(departments);
      customers.push({
        customer_id, name: `${first} ${last}`, first, email: uniqueEmail(`${emailPart(first)}.${emailPart(last)}`, 'ledgerly.io'),
        kind: 'internal', organization: `Internal – ${dept}`, domain: 'ledgerly.io', segment, homeTeam: teams.get(segment.homeTeam)!,
        lang: segment.lang, ownLanguage: zagreb ? 0.5 : 0, weight: 0.8 * Math.exp(0.9 * rng.normal()), flags: new Set(),
        mood: 0.1 * rng.normal(),
      });
      continue;
    }
    const segment = segments[segmentPick.pick(rng)]!;
    const orgs = orgsBySegment.get(segment.segment)!;
    const org = orgs[orgPick.get(segment.segment)!.pick(rng)]!;
    const { first, last } = personName(segment.segment);
    const free = rng.chance(0.15);
    const local = free
      ? `${emailPart(first)}.${emailPart(last)}${rng.chance(0.5) ? rng.int(1, 99) : ''}`
      : rng.chance(0.8) ? `${emailPart(first)}.${emailPart(last)}` : `${emailPart(first)[0]}${emailPart(last)}`;
    customers.push({
      customer_id, name: `${first} ${last}`, first,
      email: uniqueEmail(local, free ? rng.pick(freeMailDomains[segment.segment]) : org.domain),
      kind: 'external', organization: org.name, domain: org.domain, segment, homeTeam: teams.get(segment.homeTeam)!,
      lang: segment.lang, ownLanguage: segment.ownLanguage, weight: Math.exp(1.1 * rng.normal()), flags: new Set(),
      mood: 0.12 * rng.normal(),
    });
  }

  // Flagged customers (5–10): abusive, legal threat, VIP. They contact often.
  const flaggedCount = Math.min(10, Math.max(5, Math.round(customerCount / 800)));
  const flagPlan: Flag[] = ['abusive', 'vip', 'legal_threat', 'abusive', 'vip', 'legal_threat', 'abusive', 'vip', 'vip', 'abusive'].slice(0, flaggedCount) as Flag[];
  // Each flagged customer sends about 0.1–0.2 % of all tickets (≈ 60–120 a year at 60 000): they contact often.
  const totalWeight = customers.reduce((sum, c) => sum + c.weight, 0);
  const flagged = rng.sample(customers.slice(0, externalCount), flaggedCount);
  const flagRecords = new Map<string, { flag: Flag; set_by: string; set_at: string; note: string }[]>();
  flagged.forEach((customer, i) => {
    const flag = flagPlan[i]!;
    const records = [{ flag, set_by: customer.homeTeam.lead.userId, set_at: '', note: rng.pick(flagNotes[flag]) }];
    // The first abusive customer has also threatened legal action, later.
    if (i === 0) records.push({ flag: 'legal_threat', set_by: customer.homeTeam.lead.userId, set_at: '', note: flagNotes.legal_threat[0]! });
    records.forEach((r, k) => {
      const t = timeline.start + (0.05 + 0.4 * rng.float() + 0.3 * k) * (timeline.end - timeline.start);
      r.set_at = isoUtc(Math.floor(t / MINUTE) * MINUTE);
      customer.flags.add(r.flag);
    });
    customer.weight = totalWeight * 0.0012 * (flag === 'vip' ? 1.1 : flag === 'abusive' ? 1.5 : 1) * (0.8 + 0.4 * rng.float());
    flagRecords.set(customer.customer_id, records);
  });

  // Users: one admin, two managers, one lead per team, and every other agent.
  const users: (UserRef & { display_name: string; email: string | null; agent_id: string | null })[] = [
    { user_id: 'admin', display_name: 'ServicePulse Admin', email: 'admin@ledgerly.io', role: 'admin', team_id: null, agent_id: null },
    ...managers.map(([user_id, display_name, team]) => ({
      user_id, display_name, email: `${user_id}@ledgerly.io`, role: 'manager' as const, team_id: team, agent_id: null,
    })),
    ...teamList.flatMap((team) =>
      team.agents.map((a) => ({
        user_id: a.userId, display_name: a.name, email: `${a.userId}@${team.emailDomain}`,
        role: a.isLead ? ('lead' as const) : ('agent' as const), team_id: team.team_id, agent_id: a.agent_id,
      })),
    ),
  ];
  const userIds = new Set<string>();
  for (const u of users) {
    if (userIds.has(u.user_id)) throw new Error(`duplicate demo user id ${u.user_id}`);
    userIds.add(u.user_id);
  }

  const { suggestions, impacts } = buildSuggestions(new Rng(opts.seed, 'suggestions'), users, {
    start: timeline.start, end: timeline.end, releaseAt: timeline.releaseAt, outageAt: timeline.outageAt,
  });

  const slaTargets: [('urgent' | 'high' | 'normal' | 'low'), number, number][] = [
    ['urgent', 60, 240], ['high', 120, 960], ['normal', 480, 2880], ['low', 1440, 7200],
  ];

  const organisation: OrganisationInput = {
    teams: teamList.map((t) => ({
      team_id: t.team_id, name: t.name, time_zone: t.time_zone, provider_kind: t.provider_kind, provider_name: t.provider_name,
      support_level: t.support_level, is_escalation_team: t.is_escalation_team,
      calendar: { weekly: t.weekly, holidays: holidaysByTeam.get(t.team_id)! },
    })),
    agents: [
      ...teamList.flatMap((t) =>
        t.agents.map((a) => ({ agent_id: a.agent_id, name: a.name, email: `${a.userId}@${t.emailDomain}`, team_id: t.team_id, support_level: a.level, is_bot: false })),
      ),
      { agent_id: bot.agent_id, name: bot.name, email: null, team_id: bot.team_id, support_level: 1, is_bot: true },
    ],
    customers: customers.map((c) => ({
      customer_id: c.customer_id, name: c.name, email: c.email, kind: c.kind, organization: c.organization,
      flags: flagRecords.get(c.customer_id) ?? [],
    })),
    sla_policies: slaTargets.flatMap(([priority, firstResponse, resolution]) => [
      { policy_id: 'standard', priority, target: 'first_response' as const, target_minutes: firstResponse, hours: 'business' as const },
      { policy_id: 'standard', priority, target: 'resolution' as const, target_minutes: resolution, hours: 'business' as const },
    ]),
    users: users.map((u) => ({ user_id: u.user_id, display_name: u.display_name, email: u.email, role: u.role, team_id: u.team_id, agent_id: u.agent_id })),
    suggestions,
  };

  return {
    seed: opts.seed,
    timeline,
    teams,
    teamList,
    escalationTeam,
    botId: bot.agent_id,
    customers,
    customerPick: new WeightedIndex(customers.map((c) => c.weight)),
    impacts,
    organisation,
  };
}

function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
