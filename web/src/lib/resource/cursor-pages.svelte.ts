// A list the API answers a page at a time behind an opaque cursor (load history, rejected rows): the first page as a
// resource (re-asked whenever what it reads changes), and "show more" appending the pages after it. Pages fetched
// belong to the first page they followed, so a new first page (another load, an upload finished, a filter changed)
// starts over by itself. Create it while a component initialises; `page` may answer nothing while it is not ready to
// ask (the filters' range still being resolved), as a resource's load may.
import { ApiError } from '../api/client';
import { Resource, resource } from './resource.svelte';

export interface CursorPage<T> {
  items: T[];
  next_cursor: string | null;
  /** How many there are in all, when the list says. */
  total?: number;
}

type PageLoad<T> = (cursor: string | null, signal?: AbortSignal) => Promise<CursorPage<T>> | undefined | null | false;

interface More<T> {
  /** The first page these followed. */
  after: CursorPage<T>;
  items: T[];
  next: string | null;
}

export class CursorPages<T> {
  readonly first: Resource<CursorPage<T>>;
  #more = $state.raw<More<T> | null>(null);
  #busy = $state(false);
  #error = $state<string | null>(null);
  readonly #page: PageLoad<T>;
  readonly #key: ((item: T) => unknown) | undefined;

  /**
   * `page(null)` is the first page; `page(cursor)` the one after. With `key`, an item a later page repeats (the list
   * changed between the two asks, moving it down a place) is listed once, so keyed rows stay unique.
   */
  constructor(page: PageLoad<T>, key?: (item: T) => unknown) {
    this.#page = page;
    this.#key = key;
    this.first = resource((signal) => page(null, signal));
  }

  /** The current first page's own "more", or none if it came before it. */
  #current(): More<T> | null {
    const more = this.#more;
    return more && more.after === this.first.data ? more : null;
  }

  get rows(): T[] {
    return [...(this.first.data?.items ?? []), ...(this.#current()?.items ?? [])];
  }

  /** Where the next page starts; null when there is none. */
  get cursor(): string | null {
    const more = this.#current();
    return more ? more.next : (this.first.data?.next_cursor ?? null);
  }

  /** The first page's count of them all. */
  get total(): number | undefined {
    return this.first.data?.total;
  }

  get busy(): boolean {
    return this.#busy;
  }

  /** Why the last "show more" failed; null after a success. */
  get error(): string | null {
    return this.#error;
  }

  async showMore(): Promise<void> {
    const cursor = this.cursor;
    const after = this.first.data;
    const pending = cursor && after && !this.#busy && this.#page(cursor);
    if (!pending) return;
    this.#busy = true;
    this.#error = null;
    try {
      const page = await pending;
      if (after !== this.first.data) return; // a new first page arrived meanwhile
      const listed = this.#key && new Set(this.rows.map(this.#key));
      const items = listed ? page.items.filter((item) => !listed.has(this.#key!(item))) : page.items;
      this.#more = { after, items: [...(this.#current()?.items ?? []), ...items], next: page.next_cursor };
    } catch (error) {
      this.#error = ApiError.from(error).message;
    } finally {
      this.#busy = false;
    }
  }
}
