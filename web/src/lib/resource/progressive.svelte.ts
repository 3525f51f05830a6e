// Draws a long list a slice at a time: the first slice at once, the rest in later tasks. A page of 200 goal scorecards
// was built in one 250 ms task, during which the page could not answer a click; the first 24 fill the screen in a
// fraction of that, and the others follow in short tasks while the page already responds. Create it while a
// component initialises: `const cards = new ProgressiveList(() => list.data?.goals ?? [])`, then `{#each cards.items …}`.
export class ProgressiveList<T> {
  #shown = $state(0);
  readonly items: readonly T[];

  constructor(all: () => readonly T[], first = 24, step = 24) {
    this.items = $derived(all().slice(0, this.#shown));
    $effect(() => {
      const total = all().length;
      this.#shown = Math.min(first, total);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grow = () => {
        this.#shown = Math.min(total, this.#shown + step);
        if (this.#shown < total) timer = setTimeout(grow, 0);
      };
      if (this.#shown < total) timer = setTimeout(grow, 0);
      return () => clearTimeout(timer);
    });
  }
}
