import { mapRows } from '$lib/cube/map';
import { mapQuery, type MapOptions } from '$lib/db/queries/map';
import type { MapArea, MapLevel, MapMeasure } from '$lib/model/rows';
import type { KeyFigure, Phase } from '$lib/model/domain';
import { filtersKey, DEFAULT_FILTERS, type Filters } from '$lib/model/filters';
import { KEY_FIGURE_LABELS } from '$lib/labels';
import { criteria, scale, threshold } from '$lib/referentiel';
import type { QuerySpec } from '$lib/state/query.svelte';
import { DEFAULT_MAP_STATE, type MapState } from '$lib/state/mapHook';

/** What the map's controls choose. */
export type MapChoice = {
	level: MapLevel;
	measure: MapMeasure;
	phase: Phase;
	criterion: string | null;
	keyFigure: KeyFigure;
};

/** The filters a map follows (on /criteres); without them, every ML and its latest campaign. */
export type MapScope = Pick<Filters, 'campaign' | 'arml' | 'status'>;

export const NO_SCOPE: MapScope = { campaign: 'latest', arml: null, status: null };

/** The map's choice for the state read from a URL (the share below the threshold: the first criterion by default). */
export function choiceOf(state: MapState): MapChoice {
	return {
		level: state.mapLevel,
		measure: state.mapMeasure,
		phase: state.mapPhase,
		criterion: state.mapMeasure === 'below' ? (state.mapCriterion ?? criteria[0].id) : null,
		keyFigure: state.mapFigure
	};
}

export const DEFAULT_MAP: MapChoice = choiceOf(DEFAULT_MAP_STATE);

export const MAP_MAX_LEVEL = Math.max(...scale.levels.map((l) => l.level));

/** The map's rows for a choice; the key names every option the rows depend on. */
export function mapSpec(choice: MapChoice, today: string, scope: MapScope = NO_SCOPE): QuerySpec<MapArea> {
	const options: MapOptions = { ...choice, ...scope, today, threshold };
	const { level, measure, phase, criterion, keyFigure } = choice;
	// The scope as the URL writes it (`defaut` without one), last so that the key's fields stay put.
	const scoped = filtersKey({ ...DEFAULT_FILTERS, ...scope });
	return {
		key: `map:${level}:${measure}:${phase}:${criterion ?? ''}:${keyFigure}:${measure === 'labellisation' ? today : ''}:${scoped}`,
		query: mapQuery(options),
		cube: (cube) => mapRows(cube, options)
	};
}

/** The model's options for a choice (labels, threshold, scale). */
export function mapModelOptions(choice: MapChoice) {
	return {
		...choice,
		keyFigureLabel: KEY_FIGURE_LABELS[choice.keyFigure],
		threshold,
		maxLevel: MAP_MAX_LEVEL
	};
}
