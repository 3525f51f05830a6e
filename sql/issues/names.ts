// What an issue is called wherever it is shown (the list, a detail, a series grouped by issue): the lead's name once
// renamed, else its display terms joined. One place, so a rename shows everywhere at once.
import type { IssueSummary } from '../../api/contracts.ts';
import type { Query } from '../db.ts';
import { issueAnnotations } from './annotations.ts';
import { issueNames } from './figures.ts';

export type IssueNaming = Pick<IssueSummary, 'name' | 'terms' | 'renamed' | 'known_problem'>;

export const joinTerms = (terms: readonly string[]) => terms.join(' · ');

/** Ids of stored issues only: an id not in `issues` is left out. */
export async function issueNamings(query: Query, ids: readonly number[]): Promise<Map<number, IssueNaming>> {
  const [terms, annotations] = [await issueNames(query, [...ids]), await issueAnnotations(query, ids)];
  return new Map(
    [...terms].map(([id, display]) => {
      const annotation = annotations.get(id);
      return [id, { name: annotation?.renamed?.name ?? joinTerms(display), terms: display, renamed: annotation?.renamed ?? null, known_problem: annotation?.known_problem ?? null }];
    }),
  );
}
