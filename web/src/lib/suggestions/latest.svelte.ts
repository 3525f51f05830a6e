// A paged list of suggestions with the ones a vote or a move answered shown as the API now has them, until the list
// itself is asked again (a new first page starts without them). Create it while a component initialises.
import type { Suggestion } from '../api/suggestions';
import type { CursorPages } from '../resource/cursor-pages.svelte';

export class LatestSuggestions<T extends Suggestion = Suggestion> {
  #answered = $state.raw(new Map<number, T>());
  readonly #list: CursorPages<Suggestion>;

  constructor(list: CursorPages<Suggestion>) {
    this.#list = list;
    $effect(() => {
      void list.first.data;
      this.#answered = new Map();
    });
  }

  /** The list's rows, each replaced by what an answer since said of it. */
  get rows(): Suggestion[] {
    return this.#list.rows.map((s) => this.#answered.get(s.suggestion_id) ?? s);
  }

  /** What the last answer about `id` said, if one came since the list was asked. */
  answered(id: number): T | undefined {
    return this.#answered.get(id);
  }

  /** Records an answer (a vote's, a move's): the suggestion as it is now. */
  set = (suggestion: T): void => {
    this.#answered = new Map(this.#answered).set(suggestion.suggestion_id, suggestion);
  };
}
