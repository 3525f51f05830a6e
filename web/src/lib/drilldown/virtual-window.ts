// The rows a virtualised list renders: those in view plus a few either side, and the space above them, so the
// scroll height is that of every row while only a screenful is in the DOM. Pure: fixed row heights.

export interface WindowInput {
  scrollTop: number;
  /** Height of the scrolling box, in pixels. */
  viewportHeight: number;
  rowHeight: number;
  /** Rows in the list (loaded or not). */
  rowCount: number;
  /** Rows rendered beyond each edge of the view, so a fast scroll does not show blanks. */
  overscan?: number;
}

export interface RowWindow {
  /** First row rendered (index, inclusive). */
  start: number;
  /** Row after the last rendered (exclusive). */
  end: number;
  /** Pixels above the first rendered row. */
  offset: number;
  /** Height of every row together (the scroll height). */
  height: number;
}

export function rowWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan = 6 }: WindowInput): RowWindow {
  const rows = Math.max(0, Math.floor(rowCount));
  const height = rows * rowHeight;
  if (rows === 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, height: Math.max(0, height) };
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, height - viewportHeight));
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(rows, visible + overscan);
  return { start, end, offset: start * rowHeight, height };
}

/** Whether the next page should load: the rendered window reaches within `ahead` rows of the loaded rows' end. */
export function needsMore(window: RowWindow, loaded: number, hasMore: boolean, ahead = 20): boolean {
  return hasMore && window.end + ahead >= loaded;
}

/**
 * The row a key moves the keyboard to, from row `index` of `count` loaded rows (`page`: rows in a screenful); null for
 * a key that does not move. Only one row's link is a tab stop (the roving pattern), so Tab leaves a long list at once.
 */
export function rowAfterKey(key: string, index: number, count: number, page: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const step = Math.max(1, page);
  const to: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + step,
    PageUp: index - step,
    Home: 0,
    End: last,
  };
  return key in to ? Math.min(last, Math.max(0, to[key]!)) : null;
}

/**
 * The scrollTop that shows row `index` whole below a sticky header of `headHeight` (rows start under it), moving as
 * little as possible: unchanged when the row is already in view.
 */
export function scrollToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number, headHeight: number): number {
  const top = headHeight + index * rowHeight;
  if (top < scrollTop + headHeight) return index * rowHeight;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}
