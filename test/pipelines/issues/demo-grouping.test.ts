// Grouping quality against the demo generator's truth (issue 12, "Quality, measured"): ticket text → terms
// (text.ts) → groups (group.ts), scored with NMI and purity against the problem each ticket was written about
// (demo-truth.ts reads it from the export's tags). The demo writes each problem from a few subject and body templates
// in English, Croatian, Russian and Tagalog; the templates of one problem in one language share few words, and the
// languages share borrowed English and the codes and product names its customers quote (pipelines/demo/problem-codes.ts),
// which the grouping weighs up. Measured for this commit (3,000 tickets, seed 11): NMI 0.942, purity 0.977 in 63
// groups (0.816, 0.952, 138 when the demo drew its error codes from one pool for all problems and codes weighed as
// words); per problem, 401 of 408 Croatian and 72 of 73 Russian tickets in their problem's English group (1 of 435,
// 0 of 104 before). Refunds quote their own product (RefundDesk): while they shared BillingHub with the double
// charges, whose Russian wording is close to theirs ("списали с карты"), the Russian refunds joined the English double
// charges on seed 11 once the outage moved (84 % of the Russian tickets in their own problem's group; 95 % now).
import { beforeAll, describe, expect, it } from 'vitest';
import { problemQuotes } from '../../../pipelines/demo/problem-codes.ts';
import { issues } from '../../../pipelines/demo/vocabulary.ts';
import { groupTickets } from '../../../pipelines/issues/group.ts';
import { normalisedMutualInformation, purity } from '../../../pipelines/issues/quality.ts';
import { defaultGroupingOptions } from '../../../pipelines/issues/state.ts';
import { ticketTerms } from '../../../pipelines/issues/text.ts';
import { demoTickets, type DemoTicket } from './demo-truth.ts';

describe('grouping the demo tickets against their true problems', () => {
  let tickets: DemoTicket[];
  let terms: string[][];
  let truth: number[];
  let assignment: Int32Array;

  beforeAll(async () => {
    tickets = await demoTickets(3000, 11);
    terms = tickets.map((t) => ticketTerms(t.subject, t.description).terms);
    truth = tickets.map((t) => t.problem);
    assignment = groupTickets(terms, 0).assignment;
  });

  it('reads a true problem for every ticket, agreeing with the category wherever the agent set one', () => {
    expect(truth.every((p) => p >= 0)).toBe(true);
    const categorised = tickets.filter((t) => t.category !== '');
    expect(categorised.length).toBeGreaterThan(2000);
    for (const t of categorised) expect([t.category, t.subcategory]).toEqual([issues[t.problem]!.category, issues[t.problem]!.subcategory]);
    expect(new Set(tickets.map((t) => t.language))).toEqual(new Set(['en', 'hr', 'ru', 'tl']));
  });

  it('recovers the true problems: NMI ≥ 0.8 (reported with purity)', () => {
    const nmi = normalisedMutualInformation(assignment, truth);
    const pure = purity(assignment, truth);
    const groups = new Set(assignment).size;
    console.log(`demo truth, 3,000 tickets, ${issues.length} problems: NMI ${nmi.toFixed(4)}, purity ${pure.toFixed(4)}, ${groups} groups`);
    expect(nmi).toBeGreaterThanOrEqual(0.8);
    expect(pure).toBeGreaterThanOrEqual(0.92);
  });

  it('scores higher with the profile merge and the ubiquitous-term drop than without them', () => {
    const plain = groupTickets(terms, 0, { ...defaultGroupingOptions, maxTermShare: 1, profileMerge: null }).assignment;
    expect(normalisedMutualInformation(assignment, truth)).toBeGreaterThan(normalisedMutualInformation(plain, truth) + 0.005);
  });

  // Issue 12: "Croatian and Russian tickets about a demo problem join that problem's group, not an unrelated English
  // one." A group's problem is the true problem most of its tickets have.
  it.each(['hr', 'ru'])('puts %s tickets in groups of their own problem, not in an English group about another', (language) => {
    const members = new Map<number, number[]>();
    assignment.forEach((group, i) => members.set(group, [...(members.get(group) ?? []), i]));
    const groupProblem = new Map<number, number>();
    const englishGroup = new Map<number, boolean>();
    for (const [group, list] of members) {
      const counts = new Map<number, number>();
      for (const i of list) counts.set(truth[i]!, (counts.get(truth[i]!) ?? 0) + 1);
      groupProblem.set(group, [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]);
      englishGroup.set(group, list.filter((i) => tickets[i]!.language === 'en').length * 2 > list.length);
    }
    const ours = tickets.flatMap((t, i) => (t.language === language ? [i] : []));
    expect(ours.length).toBeGreaterThan(100);
    const ownProblem = ours.filter((i) => groupProblem.get(assignment[i]!) === truth[i]).length;
    const wrongEnglish = ours.filter((i) => englishGroup.get(assignment[i]!) && groupProblem.get(assignment[i]!) !== truth[i]).length;
    console.log(`${language}: ${ours.length} tickets, ${ownProblem} in a group of their own problem, ${wrongEnglish} in an English group about another`);
    expect(ownProblem / ours.length).toBeGreaterThanOrEqual(0.9);
    // 1 % before the demo's problems had their own codes; with them, a Russian group holding a how-to question
    // ("Как добавить скидку в счёт?", 8 tickets) and cancellations joins the English cancellations by their codes.
    expect(wrongEnglish / ours.length).toBeLessThanOrEqual(language === 'ru' ? 0.06 : 0.01);
  });

  // The same claim, problem by problem: a problem's Croatian (Russian) tickets sit mostly in the group that holds most
  // of its English tickets, so a lead who opens the problem's issue sees its tickets in every language. Checked for each
  // problem with at least MIN_TICKETS tickets in the language whose customers quote codes or product names
  // (problem-codes.ts; not the how-to questions, a bag of unrelated questions with nothing in common across languages).
  // The English "home" group is counted from the truth.
  it.each(['hr', 'ru'])("puts most of each problem's %s tickets in the group holding most of its English tickets", (language) => {
    const MIN_TICKETS = 8;
    const home = new Map<number, number>();
    const english = new Map<number, Map<number, number>>();
    tickets.forEach((t, i) => {
      if (t.language !== 'en' || assignment[i]! < 0) return;
      const counts = english.get(t.problem) ?? new Map<number, number>();
      counts.set(assignment[i]!, (counts.get(assignment[i]!) ?? 0) + 1);
      english.set(t.problem, counts);
    });
    for (const [problem, counts] of english) home.set(problem, [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]);
    const byProblem = new Map<number, { n: number; home: number }>();
    tickets.forEach((t, i) => {
      if (t.language !== language) return;
      const s = byProblem.get(t.problem) ?? { n: 0, home: 0 };
      s.n++;
      if (home.has(t.problem) && assignment[i] === home.get(t.problem)) s.home++;
      byProblem.set(t.problem, s);
    });
    const checked = [...byProblem.entries()].filter(([p, s]) => s.n >= MIN_TICKETS && problemQuotes[issues[p]!.key] !== undefined);
    const lines = checked.map(([p, s]) => `${issues[p]!.key} ${s.home}/${s.n}`);
    const total = checked.reduce((sum, [, s]) => sum + s.n, 0);
    const atHome = checked.reduce((sum, [, s]) => sum + s.home, 0);
    console.log(`${language}: ${checked.length} problems with ≥ ${MIN_TICKETS} tickets, ${atHome} of ${total} in their problem's English group: ${lines.join(', ')}`);
    // Enough problems for the claim to mean something: 140 Russian tickets spread over 34 problems give 6 with 8 or more.
    expect(checked.length).toBeGreaterThanOrEqual(language === 'hr' ? 20 : 5);
    expect(atHome / total).toBeGreaterThanOrEqual(0.8);
    for (const [p, s] of checked) expect(s.home / s.n, issues[p]!.key).toBeGreaterThan(0.5);
  });
});
