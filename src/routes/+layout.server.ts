import { useServerDocument } from '$lib/charts/document';
import { demoCube } from '$lib/server/cube';
import { buildDocument } from '$lib/server/svg';
import { cubeState } from '$lib/state/cube.svelte';
import type { LayoutServerLoad } from './$types';

// While prerendering, pages render from the demo's cube (computed at build time by Node DuckDB)
// and draw their charts in a linkedom document, so the HTML holds each chart once.
export const load: LayoutServerLoad = async () => {
	useServerDocument(buildDocument);
	cubeState.useBuilt(await demoCube());
	return {};
};
