// What leads have said about issues (issue 12 §4): a rename and a known-problem note, each with who and when, as the
// leads' edits record them (sql/issues/edits.ts). The one place the list and detail read them from.
import type { Query } from '../db.ts';
import type { IssueSummary } from '../../api/contracts.ts';
import { readIssueEdits } from './edits.ts';

export interface IssueAnnotation {
  renamed: IssueSummary['renamed'];
  known_problem: IssueSummary['known_problem'];
}

export async function issueAnnotations(query: Query, ids: readonly number[]): Promise<Map<number, IssueAnnotation>> {
  if (ids.length === 0) return new Map();
  const edits = await readIssueEdits(query, ids);
  return new Map([...edits].map(([id, state]) => [id, { renamed: state.renamed, known_problem: state.known_problem }]));
}
