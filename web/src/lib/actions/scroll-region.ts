// A box that scrolls sideways (a wide table on a phone) must be reachable by keyboard to be scrolled (WCAG 2.1.1;
// axe-core's `scrollable-region-focusable`): while its content overflows it is a named, focusable region, and
// otherwise not one more tab stop.
import type { ActionReturn } from 'svelte/action';

/** `use:scrollRegion={'Open tickets by age'}`: the region's accessible name, e.g. its table's caption. */
export function scrollRegion(node: HTMLElement, label: string): ActionReturn<string> {
  let name = label;
  const update = () => {
    if (node.scrollWidth > node.clientWidth + 1) {
      node.tabIndex = 0;
      node.setAttribute('role', 'region');
      node.setAttribute('aria-label', name);
    } else {
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
      node.removeAttribute('aria-label');
    }
  };
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
  observer?.observe(node);
  if (node.firstElementChild) observer?.observe(node.firstElementChild);
  update();
  return {
    update(next) {
      name = next;
      update();
    },
    destroy: () => observer?.disconnect(),
  };
}
