import { formatList, frenchSpacing } from '../format/text';
import { KEY_FIGURES, PHASES, type KeyFigure, type Phase } from '../model/domain';
import type { MapLevel, MapMeasure } from '../model/rows';
import {
	DEFAULT_FILTERS,
	FILTER_PARAMS,
	filtersToParams,
	parseFilters,
	shownValue,
	type Domain,
	type Filters
} from '../model/filters';

/** A page's state read from its URL, and what was refused on the way (French notices). */
export type Parsed<S> = { state: S; notices: string[] };

/**
 * How a page keeps its state in the URL: the one URL-state mechanism (`UrlState`) reads and
 * writes every page through such a hook. `parse` only ever sees the page's own keys, each given
 * once and not empty; anything it does not know falls back to its default with a notice.
 */
export type UrlHook<S, C> = {
	/** The URL parameters the page reads (French, as users see them in a shared link). */
	readonly keys: readonly string[];
	readonly defaults: S;
	/** Reads the state; `context` holds the known values (campaigns, ARML, ML ids…). */
	parse(params: URLSearchParams, context: C): Parsed<S>;
	/** Writes the values that differ from the defaults. */
	write(state: S, params: URLSearchParams): void;
};

/** Two hooks side by side: the state of each, in one object. Their keys must not overlap. */
export function combine<A extends object, CA, B extends object, CB>(
	a: UrlHook<A, CA>,
	b: UrlHook<B, CB>
): UrlHook<A & B, CA & CB> {
	return {
		keys: [...a.keys, ...b.keys],
		defaults: { ...a.defaults, ...b.defaults },
		parse(params, context) {
			const first = a.parse(params, context);
			const second = b.parse(params, context);
			return { state: { ...first.state, ...second.state }, notices: [...first.notices, ...second.notices] };
		},
		write(state, params) {
			a.write(state, params);
			b.write(state, params);
		}
	};
}

/** The shared filters a page uses (`fields`); the others keep their defaults and stay out of its URL. */
export function filtersHook<const K extends keyof Filters>(
	fields: readonly K[]
): UrlHook<Pick<Filters, K>, Domain> {
	const pick = (filters: Filters) =>
		Object.fromEntries(fields.map((f) => [f, filters[f]])) as Pick<Filters, K>;
	return {
		keys: fields.map((f) => FILTER_PARAMS[f]),
		defaults: pick(DEFAULT_FILTERS),
		parse(params, domain) {
			const { filters, notices } = parseFilters(params, domain);
			return { state: pick(filters), notices };
		},
		write(state, params) {
			for (const [key, value] of filtersToParams({ ...DEFAULT_FILTERS, ...state })) params.set(key, value);
		}
	};
}

/** Every shared filter (the home page, the criteria explorer). */
export const ALL_FILTERS = Object.keys(DEFAULT_FILTERS) as (keyof Filters)[];

/**
 * One year parameter (`annee`…) checked against the years the data holds (`years(context)`);
 * null, its default, stands for the latest year.
 */
export function yearHook<F extends string, C>(
	field: F,
	key: string,
	years: (context: C) => readonly number[]
): UrlHook<Record<F, number | null>, C> {
	return {
		keys: [key],
		defaults: { [field]: null } as Record<F, number | null>,
		parse(params, context) {
			const raw = params.get(key);
			const state = { [field]: null } as Record<F, number | null>;
			if (raw === null) return { state, notices: [] };
			const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
			if (years(context).includes(year)) {
				state[field] = year;
				return { state, notices: [] };
			}
			return {
				state,
				notices: [
					`Le paramètre « ${key} » ne connaît pas la valeur « ${shownValue(raw)} » : dernière année utilisée.`
				]
			};
		},
		write(state, params) {
			if (state[field] !== null) params.set(key, String(state[field]));
		}
	};
}

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

/** At most this many unknown parameter names are quoted in a notice. */
const MAX_QUOTED = 5;

/**
 * Reads a page's state from a URL's parameters, refusing what a crafted link could carry: a
 * parameter the page does not read, or one given twice, is ignored with a notice; an empty value
 * is the default (forms write `?arml=`). The page's hook checks each value against the known ones.
 */
export function readUrl<S, C>(hook: UrlHook<S, C>, params: URLSearchParams, context: C): Parsed<S> {
	const own = new URLSearchParams();
	const notices: string[] = [];
	const unknown = new Set<string>();
	for (const key of new Set(params.keys())) {
		if (!hook.keys.includes(key)) {
			unknown.add(key);
			continue;
		}
		const values = params.getAll(key);
		if (values.length > 1)
			notices.push(
				`Le paramètre « ${shownValue(key)} » est donné ${values.length} fois : valeur par défaut utilisée.`
			);
		else if (values[0] !== '') own.set(key, values[0]);
	}
	const parsed = hook.parse(own, context);
	if (unknown.size) {
		const names = [...unknown].slice(0, MAX_QUOTED).map((k) => `« ${shownValue(k)} »`);
		notices.push(
			unknown.size > 1
				? `Les paramètres ${formatList(names, unknown.size - names.length)} ne sont pas connus de cette page : ignorés.`
				: `Le paramètre ${names[0]} n’est pas connu de cette page : ignoré.`
		);
	}
	return { state: parsed.state, notices: [...notices, ...parsed.notices].map(frenchSpacing) };
}

/** The URL query of a state (`?…`, or '' when every value is its default). */
export function writeUrl<S, C>(hook: UrlHook<S, C>, state: S): string {
	const params = new URLSearchParams();
	hook.write(state, params);
	// Commas are legal in a query string and keep `cibles=3.3,4.4.2` readable in a shared link.
	const text = params.toString().replaceAll('%2C', ',');
	return text ? `?${text}` : '';
}
