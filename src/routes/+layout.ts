import { browser } from '$app/environment';
import { cubeState } from '$lib/state/cube.svelte';
import type { LayoutLoad } from './$types';

// Every page is prerendered with SSR on, so the first screen never waits for DuckDB-WASM.
export const prerender = true;
export const ssr = true;
export const trailingSlash = 'never';

// Every view reads the cube. In the browser, the active dataset's is loaded before hydration when it
// is there without the engine (the demo's file, or the one kept with imported data), so that the
// first client render is already right (on the server, +layout.server.ts sets the demo's). When the
// engine must compute it, the page hydrates at once and its views say « Calcul en cours ».
export const load: LayoutLoad = async () => {
	if (browser) await cubeState.loadedOrComputing();
	return {};
};
