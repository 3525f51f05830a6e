// The suggestions linked to an issue, as its page lists them: each opens on the suggestions board
// (`/suggestions?suggestion=<id>`, the board's own page).
import { base } from '$app/paths';

export const suggestionStatusWords: Record<string, string> = {
  new: 'New',
  under_review: 'Under review',
  accepted: 'Accepted',
  in_progress: 'In progress',
  implemented: 'Implemented',
  declined: 'Declined',
};

/** Where a suggestion opens on the board. */
export function suggestionHref(id: number): string {
  return `${base}/suggestions?${new URLSearchParams({ suggestion: String(id) })}`;
}
