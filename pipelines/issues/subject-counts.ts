// How many of an issue's tickets have each of its features in their subject. A subject says the problem in few words
// ("Charged twice for my subscription"), while a description's words are often the filler of the writer's habits or
// of a template ("just", "trying", "goes"), which tf·idf alone can rank first: naming.ts weighs subject words up.
// Counted over the tickets at hand and added to the counts stored before (an issue that grew), like DisplayForms.
import type { TicketTerms } from './text.ts';

export class SubjectCounts {
  private readonly counts = new Map<number, Map<string, number>>();

  /** Counts the distinct subject terms of a ticket under its issue. */
  add(issueId: number, ticket: Pick<TicketTerms, 'terms' | 'subjectTerms'>): void {
    const inSubject = ticket.subjectTerms ?? 0;
    if (inSubject === 0) return;
    let byTerm = this.counts.get(issueId);
    if (byTerm === undefined) this.counts.set(issueId, (byTerm = new Map()));
    for (const term of new Set(ticket.terms.slice(0, inSubject))) byTerm.set(term, (byTerm.get(term) ?? 0) + 1);
  }

  /**
   * The issue's subject counts, `stored` added, for the features of its profile only (`featureCounts`, so that the
   * counts stay as bounded as the profile), in the profile's order.
   */
  of(issueId: number, featureCounts: readonly (readonly [string, number])[], stored: readonly (readonly [string, number])[] = []): [string, number][] {
    const counted = this.counts.get(issueId);
    const before = new Map(stored);
    const out: [string, number][] = [];
    for (const [feature] of featureCounts) {
      const n = (counted?.get(feature) ?? 0) + (before.get(feature) ?? 0);
      if (n > 0) out.push([feature, n]);
    }
    return out;
  }
}
