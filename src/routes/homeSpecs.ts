import { heatmapQuery } from '$lib/db/queries/heatmap';
import { keyFiguresQuery } from '$lib/db/queries/keyFigures';
import { stepsQuery, timelineQuery } from '$lib/db/queries/progress';
import { domainQuery } from '$lib/db/queries/domain';
import { isoToday } from '$lib/db/queries/common';
import { scale, threshold } from '$lib/referentiel';
import { filtersKey, type Filters } from '$lib/model/filters';
import type { QuerySpec } from '$lib/state/query.svelte';

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
			criterion: filters.criterion,
			threshold,
			today
		})
	};
}

/** The network's goal: every ML engaged by the end of 2024. */
export const GOAL_DATE = '2024-12-31';

export function stepsSpec(today: string, arml: string | null = null): QuerySpec {
	return { key: `steps:${today}:${arml ?? ''}`, query: stepsQuery(today, arml) };
}

export function timelineSpec(today: string): QuerySpec {
	return { key: `timeline:${today}`, query: timelineQuery(today) };
}

/** Key figures of the campaign's year, or of the latest year with figures. */
export function keyFiguresSpec(filters: Filters): QuerySpec {
	const year = filters.campaign === 'latest' ? null : filters.campaign;
	return { key: `key-figures:${year ?? 'latest'}`, query: keyFiguresQuery(year) };
}

export const STEPS_LABEL = 'Barres empilées : part des Missions Locales à chaque étape, par ARML';
export const TIMELINE_LABEL =
	'Courbes : Missions Locales engagées et labellisées au fil des mois, avec l’objectif fin 2024 et la projection';
