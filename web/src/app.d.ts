// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    // interface Error {}
    // interface Locals {}
    // interface PageData {}
    interface PageState {
      /** This history entry was added by opening a drill-down (lib/drilldown/drill-state.svelte.ts): closing it goes back. */
      drill?: boolean;
    }
    // interface Platform {}
  }
}

export {};
