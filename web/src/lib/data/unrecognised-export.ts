// An upload the server does not recognise (422 "Cannot load this file"): the columns it found, read from the
// problem's detail (pipelines/sources/index.ts writes `Columns found: "A", "B".`), and the mapping skeleton the CLI's
// `--print-mapping` would print for them (the same function, pipelines/mapping/skeleton.ts).
import type { Problem } from '$api/contracts';
import { mappingSkeleton } from '../../../../pipelines/mapping/skeleton';

const columnsFound = /Columns found: ("(?:[^"]*)"(?:, "(?:[^"]*)")*)\./;

/** The columns a refused file's problem names, or null when it names none (another reason for the refusal). */
export function columnsFromProblem(problem: Pick<Problem, 'status' | 'detail'>): string[] | null {
  if (problem.status !== 422 || !problem.detail) return null;
  const list = columnsFound.exec(problem.detail)?.[1];
  if (!list) return null;
  return list.slice(1, -1).split('", "');
}

/** The skeleton as the text a person saves into a mapping file. */
export function skeletonText(columns: string[]): string {
  return `${JSON.stringify(mappingSkeleton('tickets', columns), null, 2)}\n`;
}
