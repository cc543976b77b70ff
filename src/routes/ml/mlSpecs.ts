import { mlKeyFigureRows, mlProfileRows, mlScoreRows, mlTimelineRows } from '$lib/cube/ml';
import { mlKeyFiguresQuery, mlProfileQuery, mlScoresQuery, mlTimelineQuery } from '$lib/db/queries/ml';
import { DEFAULT_FILTERS, filtersKey } from '$lib/model/filters';
import type { MlCriterionScore, MlEvent, MlProfile, MlYear } from '$lib/model/rows';
import type { QuerySpec } from '$lib/state/query.svelte';
import { singlePhase } from '../arml/armlSpecs';
import type { ViewFilters } from '$lib/model/filters';

// Every view of the profile reads the cube (statuses on the cube's date, `today`).

export function profileSpec(id: string, today: string): QuerySpec<MlProfile> {
	return {
		key: `ml-profile:${id}:${today}`,
		query: mlProfileQuery(id, today),
		cube: (cube) => mlProfileRows(cube, id)
	};
}

export function scoresSpec(id: string, view: ViewFilters, today: string): QuerySpec<MlCriterionScore> {
	const phase = singlePhase(view.phase);
	const options = { id, campaign: view.campaign, phase, today };
	return {
		key: `ml-scores:${id}:${filtersKey({ ...DEFAULT_FILTERS, campaign: view.campaign, phase })}`,
		query: mlScoresQuery(options),
		cube: (cube) => mlScoreRows(cube, options)
	};
}

export function timelineSpec(id: string): QuerySpec<MlEvent> {
	return { key: `ml-timeline:${id}`, query: mlTimelineQuery(id), cube: (cube) => mlTimelineRows(cube, id) };
}

export function keyFiguresSpec(id: string): QuerySpec<MlYear> {
	return {
		key: `ml-key-figures:${id}`,
		query: mlKeyFiguresQuery(id),
		cube: (cube) => mlKeyFigureRows(cube, id)
	};
}
