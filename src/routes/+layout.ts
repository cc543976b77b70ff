// Every page is prerendered with SSR on, so the first screen never waits for DuckDB-WASM.
export const prerender = true;
export const ssr = true;
export const trailingSlash = 'never';
