import { DEFAULT_FILTERS } from '$lib/state/filters';
import type { PageLoad } from './$types';
import { domainSpec, heatmapSpec, MAX_LEVEL, MIN_N } from './homeSpecs';
import { threshold } from '$lib/referentiel';
import type { HeatmapCell } from '$lib/db/queries/heatmap';
import type { DomainRow } from '$lib/db/queries/domain';

export const load: PageLoad = async () => {
	// At build time (prerendering, in Node) the default view is computed on the demo data;
	// in the browser, DuckDB-WASM computes everything else.
	if (!import.meta.env.SSR) return { build: null };
	const { prerenderRows, prerenderHeatmap } = await import('$lib/build/prerender');
	const heatmap = await prerenderRows<HeatmapCell>(heatmapSpec(DEFAULT_FILTERS));
	return {
		build: {
			domain: await prerenderRows<DomainRow>(domainSpec()),
			heatmap,
			heatmapSvg: prerenderHeatmap(heatmap, {
				metric: DEFAULT_FILTERS.metric,
				rows: DEFAULT_FILTERS.rows,
				threshold,
				maxLevel: MAX_LEVEL,
				minN: MIN_N,
				sort: 'overall'
			})
		}
	};
};
