import { browser } from '$app/environment';
import { cubeState } from '$lib/state/cube.svelte';
import type { LayoutLoad } from './$types';

// Every page is prerendered with SSR on, so the first screen never waits for DuckDB-WASM.
export const prerender = true;
export const ssr = true;
export const trailingSlash = 'never';

// Every view reads the cube. In the browser, the active dataset's is loaded before hydration, so
// that the first client render is already right (on the server, +layout.server.ts sets the demo's).
export const load: LayoutLoad = async () => {
	if (browser) await cubeState.ensure();
	return {};
};
