import { heatmapQuery } from '$lib/db/queries/heatmap';
import { domainQuery } from '$lib/db/queries/domain';
import { isoToday } from '$lib/db/queries/common';
import { scale, threshold } from '$lib/referentiel';
import { filtersKey, type Filters } from '$lib/state/filters';
import type { QuerySpec } from '$lib/state/query.svelte';

/** Aggregated cells with fewer MLs than this are masked. */
export const MIN_N = 3;
export const MAX_LEVEL = Math.max(...scale.levels.map((l) => l.level));

export function domainSpec(): QuerySpec {
	return { key: 'domain', query: domainQuery() };
}

/** The national heatmap for a set of filters. */
export function heatmapSpec(filters: Filters, today = isoToday()): QuerySpec {
	return {
		key: `heatmap:${filtersKey(filters)}`,
		query: heatmapQuery({
			...filters,
			columns: filters.criterion ? 'element' : filters.columns,
			criterion: filters.criterion ?? undefined,
			threshold,
			today
		})
	};
}
