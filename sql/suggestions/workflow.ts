// The suggestions' workflow (PRODUCT.md §7): new → under_review → accepted → in_progress → implemented, or declined
// from any open state. Implemented and declined are closed: nothing moves them again.
export const suggestionStatuses = ['new', 'under_review', 'accepted', 'in_progress', 'implemented', 'declined'] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];

const forward: Partial<Record<SuggestionStatus, SuggestionStatus>> = {
  new: 'under_review',
  under_review: 'accepted',
  accepted: 'in_progress',
  in_progress: 'implemented',
};

export const isOpen = (status: SuggestionStatus): boolean => status !== 'implemented' && status !== 'declined';

/** The statuses a suggestion in `from` may move to. */
export function movesFrom(from: SuggestionStatus): SuggestionStatus[] {
  if (!isOpen(from)) return [];
  return [forward[from]!, 'declined'];
}

export function canMove(from: SuggestionStatus, to: SuggestionStatus): boolean {
  return movesFrom(from).includes(to);
}
