// Terms that most tickets have tell no problem from another: a brand every complaint names ("Comcast" is in 56 % of
// the Comcast titles), a product name. Left in, they make a group of the tickets that say nothing else and lift the
// similarity of unrelated tickets. A share only means something over many tickets: in a small load, or a corpus
// where one problem is most of the tickets, the problem's own words are the common ones, so a batch smaller than
// `minTickets` keeps every term.
export const minTicketsForTermShare = 1000;

/** The terms of each ticket without those more than `maxShare` of the tickets have (all kept when too few tickets). */
export function withoutUbiquitousTerms(terms: readonly (readonly string[])[], maxShare: number, minTickets = minTicketsForTermShare): readonly (readonly string[])[] {
  let tickets = 0;
  for (const t of terms) if (t.length > 0) tickets++;
  if (maxShare >= 1 || tickets < minTickets) return terms;
  const documentFrequency = new Map<string, number>();
  for (const t of terms) for (const term of new Set(t)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const limit = maxShare * tickets;
  const ubiquitous = new Set<string>();
  for (const [term, n] of documentFrequency) if (n > limit) ubiquitous.add(term);
  if (ubiquitous.size === 0) return terms;
  return terms.map((t) => t.filter((term) => !ubiquitous.has(term)));
}
