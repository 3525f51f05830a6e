// One request's life on screen: loading, the answer, or the API's problem; aborted when what it depends on
// changes (a filter) or its component goes away; retried on demand. Create it while a component initialises:
//
//   const series = resource((signal) => view.current && metricSeries('created', view.current, request, { signal }));
//
// `load` runs inside an effect, so every reactive value it reads (the filters) is tracked: when one changes the
// request in flight is aborted and a new one starts. Returning `undefined` means "not ready to ask" (e.g. the
// range is still being resolved); the resource then stays loading.
import { ApiError } from '../api/client';

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

export class Resource<T> {
  #state = $state.raw<ResourceState<T>>({ status: 'loading' });
  #attempt = $state(0);

  constructor(load: (signal: AbortSignal) => Promise<T> | undefined | null | false) {
    $effect(() => {
      void this.#attempt; // a retry re-runs the request
      const controller = new AbortController();
      const pending = load(controller.signal);
      this.#state = { status: 'loading' };
      if (!pending) return () => controller.abort();
      pending.then(
        (data) => {
          if (!controller.signal.aborted) this.#state = { status: 'ready', data };
        },
        (error: unknown) => {
          if (!controller.signal.aborted) this.#state = { status: 'error', error: ApiError.from(error) };
        },
      );
      return () => controller.abort();
    });
  }

  get state(): ResourceState<T> {
    return this.#state;
  }

  /** The answer, or undefined while loading or after a failure. */
  get data(): T | undefined {
    return this.#state.status === 'ready' ? this.#state.data : undefined;
  }

  get loading(): boolean {
    return this.#state.status === 'loading';
  }

  get error(): ApiError | undefined {
    return this.#state.status === 'error' ? this.#state.error : undefined;
  }

  /** Asks again (the Retry button). */
  retry = (): void => {
    this.#attempt += 1;
  };
}

/** A resource whose request is `load`; see the module comment. */
export function resource<T>(load: (signal: AbortSignal) => Promise<T> | undefined | null | false): Resource<T> {
  return new Resource(load);
}
