// Terms that most tickets have tell no problem from another: a brand every complaint names ("Comcast" is in 56 % of
// the Comcast titles), a product name. Left in, they make a group of the tickets that say nothing else and lift the
// similarity of unrelated tickets. A share only means something over many tickets: in a small load, or a corpus
// where one problem is most of the tickets, the problem's own words are the common ones, so fewer than `minTickets`
// tickets keep every term. The full grouping counts over its batch; a new load over the stored corpus and itself.
export const minTicketsForTermShare = 1000;

/** The terms more than `maxShare` of `tickets` have, by their document frequencies (none when too few tickets). */
export function ubiquitousTerms(
  documentFrequency: Iterable<readonly [string, number]>,
  tickets: number,
  maxShare: number,
  minTickets = minTicketsForTermShare,
): Set<string> {
  const ubiquitous = new Set<string>();
  if (!(maxShare < 1) || tickets < minTickets) return ubiquitous;
  const limit = maxShare * tickets;
  for (const [term, n] of documentFrequency) if (n > limit) ubiquitous.add(term);
  return ubiquitous;
}

/** Tickets' distinct-term document frequencies and the number of tickets with a term. */
export function termFrequencies(terms: readonly (readonly string[])[], into = new Map<string, number>()): { documentFrequency: Map<string, number>; tickets: number } {
  let tickets = 0;
  for (const t of terms) {
    if (t.length === 0) continue;
    tickets++;
    for (const term of new Set(t)) into.set(term, (into.get(term) ?? 0) + 1);
  }
  return { documentFrequency: into, tickets };
}

export function withoutTerms(terms: readonly (readonly string[])[], drop: ReadonlySet<string>): readonly (readonly string[])[] {
  if (drop.size === 0) return terms;
  return terms.map((t) => t.filter((term) => !drop.has(term)));
}

/** The terms of each ticket without those more than `maxShare` of the tickets have (all kept when too few tickets). */
export function withoutUbiquitousTerms(terms: readonly (readonly string[])[], maxShare: number, minTickets = minTicketsForTermShare): readonly (readonly string[])[] {
  const { documentFrequency, tickets } = termFrequencies(terms);
  return withoutTerms(terms, ubiquitousTerms(documentFrequency, tickets, maxShare, minTickets));
}
