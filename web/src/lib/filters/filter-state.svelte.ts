// The global filters of the page being shown, read from and written to its URL: a view can be shared and
// reloaded, and back and forward step through filter changes. The range's days depend on the newest day of
// data (`dataExtent`), loaded once per page load (and again on `refresh()`, after an import).
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { dataExtent as fetchDataExtent } from '../api/queries';
import type { ViewFilters } from '../api/view';
import { filtersFromQuery, filtersToQuery, type DashboardFilters } from './filters';
import { todayUtc } from './days';
import { resolveRange, type DataExtent, type DayRange } from './presets';

class DataExtentState {
  /** Null until the first answer (or failure). */
  #current = $state.raw<DataExtent | null>(null);
  #failed = $state(false);
  #requested = false;

  /** The extent; a failed request counts as "no data known", so ranges end today rather than never resolving. */
  get current(): DataExtent | null {
    this.#ensure();
    return this.#current ?? (this.#failed ? { first_day: null, last_day: null } : null);
  }

  #ensure(): void {
    if (this.#requested || typeof window === 'undefined') return;
    this.#requested = true;
    void this.refresh();
  }

  async refresh(): Promise<void> {
    this.#requested = true;
    try {
      this.#current = await fetchDataExtent();
      this.#failed = false;
    } catch {
      this.#failed = true;
    }
  }
}

export const dataExtent = new DataExtentState();

class FilterState {
  /** The filter part of the URL in canonical form: what the filters derive from, so other parameters do not re-run them. */
  #query = $derived(filtersToQuery(filtersFromQuery(page.url.searchParams)).toString());
  #filters = $derived(filtersFromQuery(new URLSearchParams(this.#query)));
  #range = $derived.by((): DayRange | null => {
    const extent = dataExtent.current;
    if (!extent) return null;
    const range = resolveRange(this.#filters, extent, todayUtc());
    return range;
  });
  #rangeKey = $derived(this.#range ? `${this.#range.from}/${this.#range.to}` : '');
  #view = $derived.by((): ViewFilters | null => {
    if (!this.#rangeKey) return null;
    const [from, to] = this.#rangeKey.split('/') as [string, string];
    return { range: { from, to }, dimensions: this.#filters.dimensions, hours: this.#filters.hours };
  });

  /** The filters as the URL states them. */
  get filters(): DashboardFilters {
    return this.#filters;
  }

  /** The days shown; null until the newest day of data is known. */
  get range(): DayRange | null {
    return this.#view?.range ?? null;
  }

  /** What every API question takes; null until the range is resolved. Changes only when the data asked for changes. */
  get view(): ViewFilters | null {
    return this.#view;
  }

  /** Shows `next` by navigating to its URL (a new history entry, so back returns to the previous filters). */
  async set(next: DashboardFilters): Promise<void> {
    const url = new URL(page.url);
    url.search = filtersToQuery(next, page.url.searchParams).toString();
    if (url.href === page.url.href) return;
    await goto(url, { keepFocus: true, noScroll: true });
  }

  /** Changes part of the filters. */
  update(change: Partial<DashboardFilters>): Promise<void> {
    return this.set({ ...this.#filters, ...change });
  }
}

/** The one filter state of the app (it lives in the URL, so there is nothing to share but this reader). */
export const filterState = new FilterState();
