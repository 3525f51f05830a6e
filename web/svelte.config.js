import { relative, sep } from 'node:path';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Runes mode for every component of ours; components in node_modules keep whatever mode
    // they were written in (forcing `runes: true` globally would break non-runes libraries).
    runes: ({ filename }) =>
      relative(import.meta.dirname, filename).toLowerCase().split(sep).includes('node_modules')
        ? undefined
        : true,
  },
  kit: {
    // Pure SPA: every route is rendered in the browser; `build/index.html` is the fallback page
    // the API server returns for every non-/api path.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', precompress: true, strict: true }),
    alias: {
      // The API's response types. Import with `import type` only: the web never runs api/ code.
      $api: '../api',
    },
    typescript: {
      // Type-check the web unit tests (test/web) with the web's compiler settings.
      // Paths here are relative to the generated .svelte-kit/tsconfig.json.
      config(tsconfig) {
        tsconfig.include.push('../../test/web/**/*.ts');
      },
    },
  },
};

export default config;
