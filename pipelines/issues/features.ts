// What a ticket's signature is taken over: its set of terms, the bigrams of consecutive terms, or both. Terms come
// already normalised and stemmed (stop words gone), in text order. The choice was measured on the synthetic corpus
// (test/pipelines/issues/grouping-quality.test.ts reports NMI for each): single terms group best, so they are the
// default.
export type FeatureMode = 'terms' | 'bigrams' | 'terms+bigrams';

/** Joins the two terms of a bigram; normalised terms never hold a space. */
export const bigramJoin = ' ';

/** The distinct features of one ticket, in first-seen order. */
export function ticketFeatures(terms: readonly string[], mode: FeatureMode): string[] {
  const seen = new Set<string>();
  if (mode !== 'bigrams') for (const term of terms) seen.add(term);
  if (mode !== 'terms') {
    for (let i = 1; i < terms.length; i++) seen.add(terms[i - 1] + bigramJoin + terms[i]);
    // A one-term ticket has no bigram; its term stands in so that it still has a signature.
    if (mode === 'bigrams' && terms.length === 1) seen.add(terms[0]!);
  }
  return [...seen];
}
