// An issue's name in the words its tickets wrote: each name term (a matching key, "racun") shown in the form its
// tickets used most ("račun"), counted over the tickets at hand; a term none of them used keeps the form known before.
import type { TicketTerms } from './text.ts';

export class DisplayForms {
  private readonly forms = new Map<number, Map<string, Map<string, number>>>();

  /** Counts the forms of a ticket's terms under its issue. */
  add(issueId: number, ticket: Pick<TicketTerms, 'terms' | 'display'>): void {
    let byTerm = this.forms.get(issueId);
    if (byTerm === undefined) this.forms.set(issueId, (byTerm = new Map()));
    ticket.terms.forEach((term, i) => {
      let counts = byTerm.get(term);
      if (counts === undefined) byTerm.set(term, (counts = new Map()));
      const form = ticket.display[i]!;
      counts.set(form, (counts.get(form) ?? 0) + 1);
    });
  }

  /** The display form of each name term; `known` maps terms to forms stored before. */
  name(issueId: number, terms: readonly string[], known: ReadonlyMap<string, string> = new Map()): string[] {
    const byTerm = this.forms.get(issueId);
    return terms.map((term) => {
      let best: string | undefined;
      let bestCount = 0;
      for (const [form, count] of byTerm?.get(term) ?? []) {
        if (count > bestCount || (count === bestCount && best !== undefined && form < best)) {
          best = form;
          bestCount = count;
        }
      }
      return best ?? known.get(term) ?? term;
    });
  }
}
