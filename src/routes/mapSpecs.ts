import { mapRows } from '$lib/cube/map';
import { mapQuery, type MapOptions } from '$lib/db/queries/map';
import type { MapArea, MapLevel, MapMeasure } from '$lib/model/rows';
import type { KeyFigure, Phase } from '$lib/model/domain';
import { KEY_FIGURE_LABELS } from '$lib/labels';
import { scale, threshold } from '$lib/referentiel';
import type { QuerySpec } from '$lib/state/query.svelte';

/** What the map's controls choose. */
export type MapChoice = {
	level: MapLevel;
	measure: MapMeasure;
	phase: Phase;
	criterion: string | null;
	keyFigure: KeyFigure;
};

export const DEFAULT_MAP: MapChoice = {
	level: 'arml',
	measure: 'labellisation',
	phase: 'audit',
	criterion: null,
	keyFigure: 'emploi'
};

export const MAP_MAX_LEVEL = Math.max(...scale.levels.map((l) => l.level));

/** The map's rows for a choice; the key names every option the rows depend on. */
export function mapSpec(choice: MapChoice, today: string): QuerySpec<MapArea> {
	const options: MapOptions = { ...choice, today, threshold };
	const { level, measure, phase, criterion, keyFigure } = choice;
	return {
		key: `map:${level}:${measure}:${phase}:${criterion ?? ''}:${keyFigure}:${measure === 'labellisation' ? today : ''}`,
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
