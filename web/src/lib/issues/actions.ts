// The lead's actions on an issue as the API takes them (PATCH /api/issues/:id, POST …/merge, POST …/tickets/move),
// and which field of the page an API problem is about, so its message shows beside that field. Pure.
import type { Problem } from '$api/contracts';
import { problemParameter } from '../api/problem-field';

/** The fields of the issue page's action forms an API problem can name. */
export type ActionField = 'name' | 'note' | 'into' | 'move' | 'form';

/**
 * The field a problem is about: the first issue's `parameter` (a validation failure, or a refused edit, which the
 * API also reports as `parameter`), else the "field: …" that starts its detail, else the form as a whole. A move's
 * `ticket_ids`, `to` and split `name` all belong to the move form.
 */
export function actionField(problem: Problem, form: 'rename' | 'known' | 'merge' | 'move'): ActionField {
  const head = problemParameter(problem) ?? '';
  if (form === 'move') return 'move';
  if (head === 'name' && form === 'rename') return 'name';
  if ((head === 'known_problem' || head === 'note') && form === 'known') return 'note';
  if (head === 'into' && form === 'merge') return 'into';
  return 'form';
}

/** Where selected tickets go: an existing issue, or a new one split off under a name. */
export type MoveTarget = { to: number } | { name: string };

/** The body of `POST /api/issues/:id/tickets/move` (who moves them is the signed-in account). */
export function moveBody(ticketIds: Iterable<number>, target: MoveTarget): { ticket_ids: number[]; to: number | null; name?: string } {
  const ticket_ids = [...new Set(ticketIds)].sort((a, b) => a - b);
  return 'to' in target ? { ticket_ids, to: target.to } : { ticket_ids, to: null, name: target.name.trim() };
}

/** A history entry in words: "Renamed to “Login crash after 5.2.0”", "Merged into problem 12", "Moved 3 tickets to problem 40". */
export function describeEdit(edit: { kind: string; name: string | null; note: string | null; target_issue: number | null; ticket_ids: number[] | null }): string {
  const count = edit.ticket_ids?.length ?? 0;
  const tickets = `${count} ${count === 1 ? 'ticket' : 'tickets'}`;
  switch (edit.kind) {
    case 'rename':
      return `Renamed to “${edit.name ?? ''}”`;
    case 'known_problem':
      return `Marked a known problem: ${edit.note ?? ''}`;
    case 'known_problem_cleared':
      return 'Known-problem mark taken off';
    case 'merge':
      return `Merged into problem ${edit.target_issue}`;
    case 'move':
      return `Moved ${tickets} to problem ${edit.target_issue}`;
    case 'split':
      return `Split ${tickets} into a new problem ${edit.target_issue}, “${edit.name ?? ''}”`;
    default:
      return edit.kind;
  }
}
