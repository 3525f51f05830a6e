// The feedback comments' search: what the form holds, as `GET /api/feedback/comments` parameters with the view's
// range and filters, and each comment's score in words. Pure, unit-tested.
import type { CommentsResponse } from '$api/contracts';
import { dimensionParams, type ViewFilters } from '../api/view';

export type SurveyKind = 'csat' | 'nps' | 'ces';
export const surveyKinds: { value: SurveyKind; label: string }[] = [
  { value: 'csat', label: 'CSAT' },
  { value: 'nps', label: 'NPS' },
  { value: 'ces', label: 'CES' },
];

export interface CommentSearch {
  /** Text the comment contains; blank is no search. */
  text: string;
  /** Empty: every kind. */
  kinds: SurveyKind[];
  /** Blank or a number 0–10 (a number input bound with `bind:value` gives a number, or null when empty). */
  scoreMin: string | number | null;
  scoreMax: string | number | null;
}

export const emptySearch: CommentSearch = { text: '', kinds: [], scoreMin: '', scoreMax: '' };

/** The API's query: the range and dimension filters of the view, then the search's own terms (blank ones left out). */
export function commentsQuery(view: ViewFilters, search: CommentSearch, page: { limit: number; offset: number }) {
  const score = (value: string | number | null) => {
    const text = value === null ? '' : String(value).trim();
    return text === '' || !Number.isFinite(Number(text)) ? undefined : String(Number(text));
  };
  const query: Record<string, string | string[] | undefined> = {
    from: view.range.from,
    to: view.range.to,
    ...dimensionParams(view),
    q: search.text.trim() || undefined,
    kind: search.kinds.length > 0 ? [...search.kinds] : undefined,
    score_min: score(search.scoreMin),
    score_max: score(search.scoreMax),
    limit: String(page.limit),
    offset: page.offset === 0 ? undefined : String(page.offset),
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Record<string, string | string[]>;
}

export type Comment = CommentsResponse['comments'][number];

/** "CSAT 4 of 5", "NPS 9 of 10", "CES no score". */
export function scoreText(comment: Pick<Comment, 'kind' | 'score' | 'scale_max'>): string {
  const kind = comment.kind.toUpperCase();
  return comment.score === null ? `${kind} no score` : `${kind} ${comment.score} of ${comment.scale_max}`;
}
