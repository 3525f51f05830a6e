// Tells once when an element comes near the viewport, so work only a visible element needs (a goal's sparkline and
// its history request) waits until it is about to be seen: a page of 200 scorecards asks for the ~10 on screen.
import type { ActionReturn } from 'svelte/action';

/** `use:inView={() => (visible = true)}`; without IntersectionObserver (old browsers, some tests) it fires at once. */
export function inView(node: Element, onVisible: () => void): ActionReturn<() => void> {
  if (typeof IntersectionObserver === 'undefined') {
    onVisible();
    return {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        onVisible();
      }
    },
    // A screen ahead, so a scrolled-to card is drawn by the time it arrives.
    { rootMargin: '100% 0px' },
  );
  observer.observe(node);
  return { destroy: () => observer.disconnect() };
}
