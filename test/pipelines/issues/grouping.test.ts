import { describe, expect, it } from 'vitest';
import { groupTickets } from '../../../pipelines/issues/group.ts';
import { normalisedMutualInformation, purity } from '../../../pipelines/issues/quality.ts';
import { defaultGroupingOptions } from '../../../pipelines/issues/state.ts';
import { syntheticCorpus } from '../../../pipelines/issues/synthetic.ts';

// 20 true problems, 15 terms a ticket (60 % from the problem, the rest generic), 5 000 tickets.
const corpus = syntheticCorpus({ tickets: 5000, problems: 20, seed: 20261206 });

describe('groupTickets on the synthetic corpus', () => {
  it('recovers the true problems: NMI ≥ 0.8 (reported for each kind of feature)', () => {
    const scores: Record<string, { nmi: number; purity: number; issues: number }> = {};
    for (const features of ['terms', 'bigrams', 'terms+bigrams'] as const) {
      const result = groupTickets(corpus.terms, 1, { ...defaultGroupingOptions, features });
      scores[features] = {
        nmi: normalisedMutualInformation(result.assignment, corpus.truth),
        purity: purity(result.assignment, corpus.truth),
        issues: result.state.issues.length,
      };
    }
    console.log('grouping quality on 5 000 synthetic tickets of 20 problems:', JSON.stringify(scores));
    expect(scores.terms!.nmi).toBeGreaterThanOrEqual(0.8);
    expect(scores.terms!.purity).toBeGreaterThanOrEqual(0.95);
    // Why terms are the default: bigrams of consecutive terms are broken by every generic word in between.
    expect(scores.terms!.nmi).toBeGreaterThan(scores.bigrams!.nmi);
    expect(scores.terms!.nmi).toBeGreaterThan(scores['terms+bigrams']!.nmi);
  });

  it('gives the same issues for the same tickets and seed', () => {
    const tickets = corpus.terms.slice(0, 1500);
    const a = groupTickets(tickets, 1);
    const b = groupTickets(tickets.map((t) => [...t]), 1);
    expect([...b.assignment]).toEqual([...a.assignment]);
    expect(b.state).toEqual(a.state);
  });

  it('numbers issues from firstId in the order of their first ticket, with sizes and counts that add up', () => {
    const tickets = corpus.terms.slice(0, 1500);
    const { assignment, state, nextId } = groupTickets(tickets, 40);
    const ids = state.issues.map((i) => i.id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => 40 + i));
    expect(nextId).toBe(40 + ids.length);
    const firstSeen = [...new Set(assignment)];
    expect(firstSeen).toEqual(ids);
    for (const issue of state.issues) expect(issue.size).toBe(assignment.filter((id) => id === issue.id).length);
    expect(state.corpus.tickets).toBe(1500);
  });

  it('leaves tickets without terms unassigned and groups the rest', () => {
    const { assignment, state } = groupTickets([[], ...corpus.terms.slice(0, 50), []], 1);
    expect(assignment[0]).toBe(-1);
    expect(assignment[51]).toBe(-1);
    expect(assignment.slice(1, 51).every((id) => id > 0)).toBe(true);
    expect(state.corpus.tickets).toBe(50);
  });

  it('does not chain: tickets each like their neighbour but unlike the far end are not one issue', () => {
    // Ticket i has terms c_i … c_{i+9}: neighbours share 9 of 11 terms (J ≈ 0.82), tickets 10 apart share nothing.
    // Joining every similar pair (transitive closure) would make all 40 one issue.
    const chain = Array.from({ length: 40 }, (_, i) => Array.from({ length: 10 }, (_, j) => `c${i + j}`));
    const { assignment, state } = groupTickets(chain, 1);
    expect(assignment[0]).not.toBe(assignment[39]);
    expect(Math.max(...state.issues.map((i) => i.size))).toBeLessThan(30);
  });
});
