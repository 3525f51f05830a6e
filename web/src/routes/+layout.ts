// A pure single-page app: nothing is rendered on a server and nothing is prerendered.
// adapter-static writes build/index.html as the fallback page that boots every route.
export const ssr = false;
export const prerender = false;
