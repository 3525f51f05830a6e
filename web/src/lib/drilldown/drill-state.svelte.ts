// The open drill-down of the page being shown, kept in its URL (`?drill=`, ./drill-url.ts): a reload or a shared
// link reopens it, closing removes the parameter, and back closes it (opening adds a history entry).
//
//   drillState.open(pointDrilldown({ metric, stat, view }, point));   // in a chart's click handler
//   <DrilldownHost />                                                  // once on the page: the dialog
import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { Drilldown } from './drilldown';
import { decodeDrilldown, drillParam, withDrilldown } from './drill-url';

class DrillState {
  /** The parameter's text: the drill-down is decoded again only when it changes, not on every other URL change. */
  #text = $derived(page.url.searchParams.get(drillParam));
  #current = $derived(decodeDrilldown(this.#text));
  /** What had the focus when the drill-down opened (a figure's button), to return it there once closed. */
  #opener: HTMLElement | null = null;

  /** The drill-down the URL names; null when there is none (or it cannot be read). */
  get current(): Drilldown | null {
    return this.#current;
  }

  /** Shows `drilldown`: a new history entry, so back closes it. */
  open = (drilldown: Drilldown): void => {
    const url = new URL(page.url);
    url.search = withDrilldown(page.url.searchParams, drilldown).toString();
    if (url.href === page.url.href) return;
    this.#opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    void goto(url, { keepFocus: true, noScroll: true, state: { drill: true } });
  };

  /**
   * After a navigation (`afterNavigate`): once the drill-down is closed, the focus goes back to what opened it.
   * SvelteKit resets the focus on back, after the dialog has returned it to its opener.
   */
  returnFocus = (): void => {
    if (this.#current) return;
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected && document.activeElement !== opener) opener.focus();
  };

  /**
   * Closes it: back to the entry it was opened from when this page opened it, so open-and-close leaves history as
   * it was; otherwise (a reloaded or shared link) the parameter is removed in place.
   */
  close = (): void => {
    if (!page.url.searchParams.has(drillParam)) return;
    if (page.state.drill) {
      history.back();
      return;
    }
    const url = new URL(page.url);
    url.search = withDrilldown(page.url.searchParams, null).toString();
    void goto(url, { keepFocus: true, noScroll: true, replaceState: true });
  };
}

/** The one drill-down state of the app (it lives in the URL, so there is nothing to share but this reader). */
export const drillState = new DrillState();
