// What leads have said about issues (issue 12 §4): a rename and a known-problem note, each with who and when.
// The actions' tables come with the lead's actions (another branch); until they exist, no issue has either, and
// this is the one place the list and detail read them from.
import type { Query } from '../db.ts';
import type { IssueSummary } from '../../api/contracts.ts';

export interface IssueAnnotation {
  renamed: IssueSummary['renamed'];
  known_problem: IssueSummary['known_problem'];
}

export async function issueAnnotations(_query: Query, _ids: readonly number[]): Promise<Map<number, IssueAnnotation>> {
  return new Map();
}
