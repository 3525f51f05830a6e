// The suggestion pages' words and request bodies (docs/suggestions.md): statuses and their order, the board's tabs
// and sorts in the URL, how long a suggestion has waited, and the submit and move forms as the API takes them. Pure:
// unit-tested in node (test/web/suggestion-board.test.ts).
import type { Problem } from '$api/contracts';
import type { NewSuggestion, SuggestionMove, SuggestionSort, SuggestionStatus } from '../api/suggestions';
import { problemParameter } from '../api/problem-field';

/** The workflow's statuses in its order (declined last): the board's tabs. */
export const suggestionStatuses = ['new', 'under_review', 'accepted', 'in_progress', 'implemented', 'declined'] as const satisfies readonly SuggestionStatus[];
/** The statuses a lead or manager may still move a suggestion from: the inbox's. */
export const openStatuses = ['new', 'under_review', 'accepted', 'in_progress'] as const satisfies readonly SuggestionStatus[];

export const statusLabels: Record<SuggestionStatus, string> = {
  new: 'New',
  under_review: 'Under review',
  accepted: 'Accepted',
  in_progress: 'In progress',
  implemented: 'Implemented',
  declined: 'Declined',
};

export const sortLabels: Record<SuggestionSort, string> = {
  newest: 'Newest',
  votes: 'Most votes',
  oldest_unanswered: 'Oldest without an answer',
};
export const suggestionSorts = Object.keys(sortLabels) as SuggestionSort[];

/** What the board shows: one status (null: all), the order, and only the asker's own. */
export interface BoardChoice {
  status: SuggestionStatus | null;
  sort: SuggestionSort;
  mine: boolean;
}

/** The board's choice read from its URL (`?status=accepted&sort=votes&mine=1`); anything unknown is the default. */
export function boardChoiceFromQuery(params: URLSearchParams): BoardChoice {
  const status = params.get('status');
  const sort = params.get('sort');
  return {
    status: (suggestionStatuses as readonly string[]).includes(status ?? '') ? (status as SuggestionStatus) : null,
    sort: (suggestionSorts as string[]).includes(sort ?? '') ? (sort as SuggestionSort) : 'newest',
    mine: params.get('mine') === '1',
  };
}

/** `params` with the board's choice written (defaults left out), every other parameter kept. */
export function boardChoiceToQuery(choice: BoardChoice, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['status', 'sort', 'mine']) next.delete(key);
  if (choice.status) next.set('status', choice.status);
  if (choice.sort !== 'newest') next.set('sort', choice.sort);
  if (choice.mine) next.set('mine', '1');
  return next;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long since `since` (an ISO instant) at `now`, in the largest whole unit: "under a minute", "5 minutes", "3 hours", "2 days". */
export function elapsed(since: string, now: Date): string {
  const ms = Math.max(0, now.getTime() - new Date(since).getTime());
  const say = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms < MINUTE) return 'under a minute';
  if (ms < HOUR) return say(Math.floor(ms / MINUTE), 'minute');
  if (ms < 2 * DAY) return say(Math.floor(ms / HOUR), 'hour');
  return say(Math.floor(ms / DAY), 'day');
}

/** The inbox's line for how long a suggestion has waited: for its first answer, or (answered) since it was. */
export function waitingText(suggestion: { created_at: string; first_response_at: string | null; responded_at: string | null }, now: Date): string {
  if (suggestion.first_response_at === null) return `waiting ${elapsed(suggestion.created_at, now)}`;
  return `answered ${elapsed(suggestion.responded_at ?? suggestion.first_response_at, now)} ago, open ${elapsed(suggestion.created_at, now)}`;
}

/** The submit form as typed. */
export interface SubmitForm {
  title: string;
  body: string;
  /** The linked recurring problem's or goal's id as chosen ('' for none). */
  issue: string;
  goal: string;
  anonymous: boolean;
}

export const emptySubmitForm = (): SubmitForm => ({ title: '', body: '', issue: '', goal: '', anonymous: false });

/** The form as `POST /api/suggestions` takes it: texts exactly as written (the API keeps them so), links only when chosen. */
export function submitBody(form: SubmitForm): NewSuggestion {
  return {
    title: form.title,
    body: form.body,
    ...(form.anonymous ? { anonymous: true } : {}),
    ...(form.issue ? { issue_id: Number(form.issue) } : {}),
    ...(form.goal ? { goal_id: Number(form.goal) } : {}),
  };
}

export type SubmitField = 'title' | 'body' | 'issue_id' | 'goal_id' | 'form';

/** The submit form's field a problem is about (its message shows beside it), else the form as a whole. */
export function submitField(problem: Problem): SubmitField {
  const named = problemParameter(problem);
  return named === 'title' || named === 'body' || named === 'issue_id' || named === 'goal_id' ? named : 'form';
}

/** The move form as typed. */
export interface MoveForm {
  to: SuggestionStatus | '';
  response: string;
  reason: string;
  implementedOn: string;
}

/** The form as `POST …/move` takes it: the reason only for declined, the date only for implemented, a response when written. */
export function moveBody(form: MoveForm & { to: SuggestionStatus }): SuggestionMove {
  return {
    to: form.to,
    ...(form.response.trim() ? { response: form.response } : {}),
    ...(form.to === 'declined' && form.reason.trim() ? { reason: form.reason } : {}),
    ...(form.to === 'implemented' && form.implementedOn ? { implemented_on: form.implementedOn } : {}),
  };
}

export type MoveField = 'to' | 'response' | 'reason' | 'implemented_on' | 'form';

/** The move form's field a problem is about. */
export function moveField(problem: Problem): MoveField {
  const named = problemParameter(problem);
  return named === 'to' || named === 'response' || named === 'reason' || named === 'implemented_on' ? named : 'form';
}

/** Whether a comment has been given a new text (its versions say so; the API keeps every one). */
export const isEdited = (comment: { versions: readonly unknown[]; edited_at: string | null }): boolean => comment.edited_at !== null || comment.versions.length > 1;

/** Whether a role answers and moves suggestions (leads their team's, managers all): the inbox is theirs. */
export const answersSuggestions = (role: string | undefined): boolean => role === 'lead' || role === 'manager';
