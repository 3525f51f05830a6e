import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/** Where `vite dev` / `vite preview` forward `/api` requests: the ServicePulse API server. */
const apiTarget = process.env.SERVICEPULSE_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [sveltekit()],
  build: {
    // The chunk of the pages with charts holds the tree-shaken ECharts runtime (~570 KB minified, ~190 KB
    // gzipped). The budget that matters is the gzipped JS a page loads (PRODUCT.md §9: 350 KB).
    chunkSizeWarningLimit: 700,
    // Rolldown's report of slow plugin callbacks is noise for whoever builds; scripts/bundle-size.ts prints what counts.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: { '/api': { target: apiTarget } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget } },
  },
});
