import { KEY_FIGURES, PHASES, type KeyFigure, type Phase } from '../model/domain';
import type { MapLevel, MapMeasure } from '../model/rows';
import { shownValue, type Domain } from '../model/filters';
import type { UrlHook } from './urlHook';

/** The map's choices (home page; `/criteres` keeps only the level), named apart from the filters. */
export type MapState = {
	mapLevel: MapLevel;
	mapMeasure: MapMeasure;
	/** Phase of the mean score and of the share below the threshold. */
	mapPhase: Phase;
	/** Criterion of the share below the threshold; null: the référentiel's first. */
	mapCriterion: string | null;
	mapFigure: KeyFigure;
};

export const DEFAULT_MAP_STATE: MapState = {
	mapLevel: 'arml',
	mapMeasure: 'labellisation',
	mapPhase: 'audit',
	mapCriterion: null,
	mapFigure: 'emploi'
};

/** The key figures a map shows per 100 young people followed (all but that count itself). */
export const MAP_FIGURES = KEY_FIGURES.filter((k) => k !== 'jeunes_accompagnes');

const MAP_PARAMS = {
	mapLevel: 'carte',
	mapMeasure: 'carte-mesure',
	mapPhase: 'carte-phase',
	mapCriterion: 'carte-critere',
	mapFigure: 'carte-chiffre'
} as const satisfies Record<keyof MapState, string>;

type Listed = Exclude<keyof MapState, 'mapCriterion'>;

/** Each listed choice's values as a link writes them (French where they are words). */
const MAP_VALUES: { [F in Listed]: Record<string, MapState[F]> } = {
	mapLevel: { arml: 'arml', departements: 'departement' },
	mapMeasure: {
		labellisation: 'labellisation',
		score: 'score',
		'sous-seuil': 'below',
		'chiffre-cle': 'keyFigure'
	},
	mapPhase: Object.fromEntries(PHASES.map((p) => [p, p])),
	mapFigure: Object.fromEntries(MAP_FIGURES.map((k) => [k, k]))
};

/** A map choice's value in a link. */
function mapUrlValue(field: keyof MapState, value: string): string {
	if (field === 'mapCriterion') return value;
	const table = MAP_VALUES[field] as Record<string, string>;
	return Object.keys(table).find((k) => table[k] === value)!;
}

/**
 * The map's choices a page keeps in its URL (`fields`), each checked against its list (a
 * criterion against the référentiel's, in `context`); the others keep their defaults.
 */
export function mapHook<const K extends keyof MapState>(
	fields: readonly K[]
): UrlHook<Pick<MapState, K>, Pick<Domain, 'criteria'>> {
	const defaults = Object.fromEntries(fields.map((f) => [f, DEFAULT_MAP_STATE[f]])) as Pick<MapState, K>;
	return {
		keys: fields.map((f) => MAP_PARAMS[f]),
		defaults,
		parse(params, context) {
			const state: Record<string, unknown> = { ...defaults };
			const notices: string[] = [];
			for (const field of fields) {
				const raw = params.get(MAP_PARAMS[field]);
				if (raw === null) continue;
				if (
					field === 'mapCriterion'
						? context.criteria.includes(raw)
						: Object.hasOwn(MAP_VALUES[field as Listed], raw)
				)
					state[field] = field === 'mapCriterion' ? raw : MAP_VALUES[field as Listed][raw];
				else
					notices.push(
						`Le paramètre « ${MAP_PARAMS[field]} » ne connaît pas la valeur « ${shownValue(raw)} » : valeur par défaut utilisée.`
					);
			}
			return { state: state as Pick<MapState, K>, notices };
		},
		write(state, params) {
			for (const field of fields) {
				// A criterion's default is null: nothing to write then, as for any default.
				const value = state[field] as string | null;
				if (value !== DEFAULT_MAP_STATE[field]) params.set(MAP_PARAMS[field], mapUrlValue(field, value!));
			}
		}
	};
}
