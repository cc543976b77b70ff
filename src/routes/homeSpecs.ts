import { heatmapQuery } from '$lib/db/queries/heatmap';
import { keyFiguresQuery } from '$lib/db/queries/keyFigures';
import { keyFigureYearsQuery } from '$lib/db/queries/arml';
import { keyFigureYearRows } from '$lib/cube/arml';
import { stepsQuery, timelineQuery } from '$lib/db/queries/progress';
import { domainQuery } from '$lib/db/queries/domain';
import { heatmapRows } from '$lib/cube/heatmap';
import { domainRows, keyFiguresRows, stepsRows, timelineRows } from '$lib/cube/network';
import type { DomainRow, HeatmapCell, KeyFigureTotals, StepCount, TimelinePoint } from '$lib/model/rows';
import { scale, threshold } from '$lib/referentiel';
import { filtersKey, type Filters } from '$lib/model/filters';
import type { QuerySpec } from '$lib/state/query.svelte';
import { formatYearEnd } from '$lib/format';

export const MAX_LEVEL = Math.max(...scale.levels.map((l) => l.level));

export function domainSpec(): QuerySpec<DomainRow> {
	return { key: 'domain', query: domainQuery(), cube: domainRows };
}

/** The national heatmap for a set of filters. */
export function heatmapSpec(filters: Filters, today: string): QuerySpec<HeatmapCell> {
	const options = {
		...filters,
		columns: filters.criterion ? ('element' as const) : filters.columns,
		criterion: filters.criterion,
		threshold,
		today
	};
	return {
		key: `heatmap:${filtersKey(filters)}`,
		query: heatmapQuery(options),
		cube: (cube) => heatmapRows(cube, options)
	};
}

/** The network's goal: every ML engaged by the end of 2024. */
export const GOAL_DATE = '2024-12-31';

/** MLs per ARML and step on the data's date (`today`). */
export function stepsSpec(today: string, arml: string | null = null): QuerySpec<StepCount> {
	return {
		key: `steps:${today}:${arml ?? ''}`,
		query: stepsQuery(today, arml),
		cube: (cube) => stepsRows(cube, arml)
	};
}

export function timelineSpec(today: string): QuerySpec<TimelinePoint> {
	return { key: `timeline:${today}`, query: timelineQuery(today), cube: timelineRows };
}

/** Key figures of a year (the latest with figures when null) and the year before: the network's, or an ARML's. */
export function keyFiguresSpec(year: number | null, arml: string | null = null): QuerySpec<KeyFigureTotals> {
	return {
		key: `key-figures:${year ?? 'latest'}${arml ? `:${arml}` : ''}`,
		query: keyFiguresQuery(year, arml),
		cube: (cube) => keyFiguresRows(cube, year, arml)
	};
}

/** Years with key figures, latest first (the choices of the year selector). */
export function figureYearsSpec(): QuerySpec<{ annee: number }> {
	return { key: 'key-figure-years', query: keyFigureYearsQuery(), cube: keyFigureYearRows };
}

export const STEPS_LABEL = 'Barres empilées : part des Missions Locales à chaque étape, par ARML';
export const TIMELINE_LABEL = `Courbes : Missions Locales engagées et labellisées au fil des mois, avec l’objectif ${formatYearEnd(GOAL_DATE)} et la projection`;
