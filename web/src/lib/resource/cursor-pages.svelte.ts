// A list the API answers a page at a time behind an opaque cursor (load history, rejected rows): the first page as a
// resource (re-asked whenever what it reads changes), and "show more" appending the pages after it. Pages fetched
// belong to the first page they followed, so a new first page (another load, an upload finished) starts over by
// itself. Create it while a component initialises.
import { ApiError } from '../api/client';
import { Resource, resource } from './resource.svelte';

export interface CursorPage<T> {
  items: T[];
  next_cursor: string | null;
}

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
  readonly #page: (cursor: string | null, signal?: AbortSignal) => Promise<CursorPage<T>>;

  /** `page(null)` is the first page; `page(cursor)` the one after. */
  constructor(page: (cursor: string | null, signal?: AbortSignal) => Promise<CursorPage<T>>) {
    this.#page = page;
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
    if (!cursor || !after || this.#busy) return;
    this.#busy = true;
    this.#error = null;
    try {
      const page = await this.#page(cursor);
      if (after !== this.first.data) return; // a new first page arrived meanwhile
      this.#more = { after, items: [...(this.#current()?.items ?? []), ...page.items], next: page.next_cursor };
    } catch (error) {
      this.#error = ApiError.from(error).message;
    } finally {
      this.#busy = false;
    }
  }
}
