// The colour scheme of the whole app: the user's explicit choice (kept in localStorage) or,
// without one, the system's `prefers-color-scheme`. app.html applies the same rule before the
// first paint, reading the same storage key; keep the two in step.
import { MediaQuery } from 'svelte/reactivity';
import type { ColorScheme } from '../charts/palette';

export type { ColorScheme };

export const COLOR_SCHEME_STORAGE_KEY = 'servicepulse:color-scheme';

function readStored(): ColorScheme | null {
  try {
    const value = globalThis.localStorage?.getItem(COLOR_SCHEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // storage disabled (privacy mode, sandboxed frame): follow the system
  }
}

function writeStored(value: ColorScheme | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(COLOR_SCHEME_STORAGE_KEY);
    else globalThis.localStorage?.setItem(COLOR_SCHEME_STORAGE_KEY, value);
  } catch {
    // Not persisted; the choice still holds for this page view.
  }
}

class ColorSchemeState {
  #chosen = $state<ColorScheme | null>(readStored());
  #systemDark = new MediaQuery('(prefers-color-scheme: dark)', false);

  /** The scheme in effect. */
  get current(): ColorScheme {
    return this.#chosen ?? (this.#systemDark.current ? 'dark' : 'light');
  }

  /** True when the user picked a scheme rather than following the system. */
  get isExplicit(): boolean {
    return this.#chosen !== null;
  }

  set(value: ColorScheme | null): void {
    this.#chosen = value;
    writeStored(value);
  }

  toggle(): void {
    this.set(this.current === 'dark' ? 'light' : 'dark');
  }
}

export const colorScheme = new ColorSchemeState();

/** `prefers-reduced-motion`, for turning chart animations off. */
export const reducedMotion = new MediaQuery('(prefers-reduced-motion: reduce)', false);
