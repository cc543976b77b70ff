import { mlKeyFiguresQuery, mlProfileQuery, mlScoresQuery, mlTimelineQuery } from '$lib/db/queries/ml';
import { DEFAULT_FILTERS, filtersKey } from '$lib/model/filters';
import type { QuerySpec } from '$lib/state/query.svelte';
import { singlePhase } from '../arml/armlSpecs';
import type { ViewFilters } from '$lib/model/filters';

export function profileSpec(id: string, today: string): QuerySpec {
	return { key: `ml-profile:${id}:${today}`, query: mlProfileQuery(id, today) };
}

export function scoresSpec(id: string, view: ViewFilters, today: string): QuerySpec {
	const phase = singlePhase(view.phase);
	return {
		key: `ml-scores:${id}:${filtersKey({ ...DEFAULT_FILTERS, campaign: view.campaign, phase })}`,
		query: mlScoresQuery({ id, campaign: view.campaign, phase, today })
	};
}

export function timelineSpec(id: string): QuerySpec {
	return { key: `ml-timeline:${id}`, query: mlTimelineQuery(id) };
}

export function keyFiguresSpec(id: string): QuerySpec {
	return { key: `ml-key-figures:${id}`, query: mlKeyFiguresQuery(id) };
}
